package gradus.optim;

/**
 * Line search for the strong Wolfe conditions (Nocedal & Wright, Algorithms 3.5 and 3.6):
 * {@code phi(a) <= phi(0) + c1*a*phi'(0)} and {@code |phi'(a)| <= c2*|phi'(0)|}. The bracketing
 * phase doubles the step; the zoom phase takes the minimizer of the cubic matching values and
 * slopes at both bracket ends (N&W eq. 3.59), else SciPy's cubic through three values, else a
 * quadratic, else bisection, rejecting any trial within 0.1 of the interval of an end. A
 * non-finite trial value counts as "too large". After 10 zoom trials the best point with a
 * sufficient decrease is accepted; three trials whose values equal phi(0) to rounding end the
 * search. The accepted point is always the last one evaluated (or the saved best), so its value
 * and gradient are never recomputed. In a bounded run ({@link #restrict}) the direction moves only
 * the coordinates that can move, steps stop at the box's edge, and a step to the edge that still
 * descends is accepted there.
 */
final class StrongWolfe {
  private static final int MAX_BRACKET = 20;
  private static final int MAX_ZOOM = 40;
  /** After this many zoom trials, settle for the best sufficient-decrease point if there is one. */
  private static final int PATIENT_ZOOM = 10;
  private static final double FLAT = 1e-14;

  private final Evaluator ev;
  private final double c1;
  private final double c2;
  private final double[] bestX;
  private final double[] bestG;
  private double bestF;
  private double bestAlpha;
  /** True when the last search ended on a point meeting only the sufficient-decrease condition. */
  boolean weak;
  /** True when the last search failed because f was flat to rounding: retrying cannot help. */
  boolean flat;

  private Iterate cur;
  private double[] d;
  private Iterate trial;
  private double lastDerphi;
  /** The largest step inside the box (infinite in an unbounded run), set by {@link #restrict}. */
  private double maxStep = Double.POSITIVE_INFINITY;

  StrongWolfe(Evaluator ev, int n, double c1, double c2) {
    this.ev = ev;
    this.c1 = c1;
    this.c2 = c2;
    this.bestX = new double[n];
    this.bestG = new double[n];
  }

  /**
   * Searches from {@code cur} along the descent direction {@code d} ({@code derphi0 = g·d < 0})
   * starting with step {@code alpha1}. On success fills {@code next} and returns the step; if no
   * point meets the strong Wolfe conditions but one decreased f enough, returns that one (and sets
   * {@link #weak}); otherwise returns NaN.
   */
  double search(Iterate cur, double[] d, double derphi0, double alpha1, Iterate next) {
    alpha1 = Math.min(alpha1, maxStep);
    this.cur = cur;
    this.d = d;
    this.trial = next;
    this.weak = false;
    this.flat = false;
    this.bestF = cur.f;
    this.bestAlpha = 0;
    double phi0 = cur.f;
    double alpha0 = 0;
    double phiA0 = phi0;
    double derphiA0 = derphi0;
    for (int i = 0; i < MAX_BRACKET; i++) {
      double phiA1 = phi(alpha1);
      double derphiA1 = lastDerphi;
      if (!(phiA1 <= phi0 + c1 * alpha1 * derphi0) || (i > 0 && phiA1 >= phiA0)) {
        return zoom(alpha0, alpha1, phiA0, phiA1, derphiA0, derphiA1, phi0, derphi0);
      }
      if (Math.abs(derphiA1) <= -c2 * derphi0) return alpha1;
      if (derphiA1 >= 0) return zoom(alpha1, alpha0, phiA1, phiA0, derphiA1, derphiA0, phi0, derphi0);
      if (alpha1 >= maxStep) return alpha1;
      alpha0 = alpha1;
      phiA0 = phiA1;
      derphiA0 = derphiA1;
      alpha1 = Math.min(2 * alpha1, maxStep);
    }
    return fallback();
  }

  private double zoom(double aLo, double aHi, double phiLo, double phiHi, double derphiLo,
      double derphiHi, double phi0, double derphi0) {
    double aRec = 0;
    double phiRec = phi0;
    int flatRun = 0;
    for (int i = 0; i < MAX_ZOOM; i++) {
      double dalpha = aHi - aLo;
      double a = Math.min(aLo, aHi);
      double b = Math.max(aLo, aHi);
      if (b - a <= 1e-16 * Math.max(1, b)) break;
      if (i >= PATIENT_ZOOM && bestAlpha > 0) break;
      double cchk = 0.2 * Math.abs(dalpha);
      double qchk = 0.1 * Math.abs(dalpha);
      double aj = hermiteMin(aLo, phiLo, derphiLo, aHi, phiHi, derphiHi);
      if (!(aj >= a + qchk && aj <= b - qchk)) {
        aj = i > 0 ? cubicMin(aLo, phiLo, derphiLo, aHi, phiHi, aRec, phiRec) : Double.NaN;
      }
      if (!(aj >= a + qchk && aj <= b - qchk)) {
        aj = quadMin(aLo, phiLo, derphiLo, aHi, phiHi);
        if (!(aj >= a + qchk && aj <= b - qchk)) aj = aLo + 0.5 * dalpha;
      }
      double phiJ = phi(aj);
      double derphiJ = lastDerphi;
      // three trials in a row that differ from phi(0) only by rounding: no progress is possible
      flatRun = Math.abs(phiJ - phi0) <= FLAT * Math.abs(phi0) ? flatRun + 1 : 0;
      if (flatRun >= 3 && !(phiJ < phi0)) {
        this.flat = true;
        break;
      }
      if (!(phiJ <= phi0 + c1 * aj * derphi0) || phiJ >= phiLo) {
        aRec = aHi;
        phiRec = phiHi;
        aHi = aj;
        phiHi = phiJ;
        derphiHi = derphiJ;
      } else {
        if (Math.abs(derphiJ) <= -c2 * derphi0) return aj;
        if (derphiJ * (aHi - aLo) >= 0) {
          aRec = aHi;
          phiRec = phiHi;
          aHi = aLo;
          phiHi = phiLo;
          derphiHi = derphiLo;
        } else {
          aRec = aLo;
          phiRec = phiLo;
        }
        aLo = aj;
        phiLo = phiJ;
        derphiLo = derphiJ;
      }
    }
    return fallback();
  }

  private double fallback() {
    if (bestAlpha > 0 && bestF < cur.f) {
      System.arraycopy(bestX, 0, trial.x, 0, bestX.length);
      System.arraycopy(bestG, 0, trial.g, 0, bestG.length);
      trial.f = bestF;
      weak = true;
      return bestAlpha;
    }
    return Double.NaN;
  }

  /**
   * In a bounded run: zeroes the components of d that would leave the box from a bound and caps
   * the next search's steps at the box's edge. Returns gᵀd, the slope along the direction.
   */
  double restrict(Iterate from, double[] d) {
    if (ev.bounds != null) {
      ev.bounds.freeDirection(from.x, d);
      maxStep = ev.bounds.maxStep(from.x, d);
    }
    return Vec.dot(from.g, d);
  }

  /** The cap {@link #restrict} set for the next search. */
  double maxStep() {
    return maxStep;
  }

  /** Evaluates at cur.x + a*d into the trial iterate; remembers the lowest finite value seen. */
  private double phi(double a) {
    if (ev.bounds != null) ev.bounds.step(cur.x, a, d, trial.x);
    else Vec.axpy(cur.x, a, d, trial.x);
    double f = ev.eval(trial.x, trial.g);
    trial.f = f;
    if (!Double.isFinite(f) || !Vec.finite(trial.g)) {
      lastDerphi = Double.NaN;
      return Double.POSITIVE_INFINITY;
    }
    lastDerphi = Vec.dot(trial.g, d);
    if (f < bestF) {
      bestF = f;
      bestAlpha = a;
      System.arraycopy(trial.x, 0, bestX, 0, bestX.length);
      System.arraycopy(trial.g, 0, bestG, 0, bestG.length);
    }
    return f;
  }

  /** Minimizer of the cubic through (a, fa) with slope fpa, (b, fb) and (c, fc); NaN if none. */
  static double cubicMin(double a, double fa, double fpa, double b, double fb, double c, double fc) {
    double db = b - a;
    double dc = c - a;
    double denom = (db * dc) * (db * dc) * (db - dc);
    if (denom == 0 || !Double.isFinite(denom)) return Double.NaN;
    double r1 = fb - fa - fpa * db;
    double r2 = fc - fa - fpa * dc;
    double ca = (dc * dc * r1 - db * db * r2) / denom;
    double cb = (-dc * dc * dc * r1 + db * db * db * r2) / denom;
    double radical = cb * cb - 3 * ca * fpa;
    if (ca == 0 || radical < 0) return Double.NaN;
    double x = a + (-cb + Math.sqrt(radical)) / (3 * ca);
    return Double.isFinite(x) ? x : Double.NaN;
  }

  /**
   * Minimizer of the cubic matching values and slopes at a and b (N&W eq. 3.59); NaN if the
   * cubic has no minimizer or an end is not finite.
   */
  static double hermiteMin(double a, double fa, double fpa, double b, double fb, double fpb) {
    if (!Double.isFinite(fb) || !Double.isFinite(fpb)) return Double.NaN;
    double d1 = fpa + fpb - 3 * (fa - fb) / (a - b);
    double rad = d1 * d1 - fpa * fpb;
    if (!(rad >= 0)) return Double.NaN;
    double d2 = Math.signum(b - a) * Math.sqrt(rad);
    double x = b - (b - a) * (fpb + d2 - d1) / (fpb - fpa + 2 * d2);
    return Double.isFinite(x) ? x : Double.NaN;
  }

  /** Minimizer of the quadratic through (a, fa) with slope fpa and (b, fb); NaN if none. */
  static double quadMin(double a, double fa, double fpa, double b, double fb) {
    double db = b - a;
    double curv = (fb - fa - fpa * db) / (db * db);
    if (!(curv > 0) || !Double.isFinite(curv)) return Double.NaN;
    return a - fpa / (2 * curv);
  }
}
