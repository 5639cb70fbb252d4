package gradus.optim;

/**
 * The line search of Moré and Thuente (1994, ACM TOMS 20:286), as MINPACK-2's dcsrch/dcstep
 * define it; L-BFGS-B and SciPy's {@code line_search_wolfe1} use it. It looks for a step with
 * {@code phi(a) <= phi(0) + ftol*a*phi'(0)} and {@code |phi'(a)| <= gtol*|phi'(0)|}, keeping an
 * interval [stx, sty] that contains such a step: each trial comes from {@link #dcstep} (cubic,
 * quadratic or secant interpolation, safeguarded), bisection when the interval shrinks too slowly,
 * extrapolation by 1.1–4× the last step while nothing is bracketed.
 *
 * <p>The search ends {@code CONVERGED} (both conditions hold), with a {@code WARNING} (rounding
 * prevents progress, the interval is narrower than {@code xtol}, or the step hit a bound; the
 * last point evaluated is then the best one found), {@code FLAT} (three trials in a row whose
 * values equal phi(0) to rounding: no decrease can be measured) or {@code FAILED} (the trial
 * budget ran out).
 * A trial whose value or slope is not finite counts as too long: the next trial is halfway back
 * to the best step, and no later trial goes that far again. The last point evaluated is always
 * in {@code next}, so its value and gradient are never computed twice.
 *
 * <p>In a bounded run ({@link Evaluator#bounds}) callers keep the steps inside the box by capping
 * them ({@link #search(Iterate, double[], double, double, double, double[], Iterate)}), and each
 * trial point is {@link Bounds#step}: coordinates that reach their bound land exactly on it.
 */
final class MoreThuente {
  enum End { CONVERGED, WARNING, FLAT, FAILED }

  /** Trials whose value equals phi(0) to this relative tolerance count as flat; three end it. */
  private static final double FLAT = 1e-14;

  private final Evaluator ev;
  private final double ftol;
  private final double gtol;
  private final double xtol;
  private final double stpmin;
  /** The largest step of every search; stpmax is this search's (at most that). */
  private final double maxStep;
  private final int maxTrials;
  private double stpmax;
  /** How the last search ended, and how many trials it made. */
  End end;
  int trials;
  /**
   * Whether the last search ended with the warning "stp = stpmax": at its largest step, f
   * decreased enough and still going down (in a bounded run, the box's edge).
   */
  boolean atMax;

  // one search's state: phi(0), phi'(0), ftol*phi'(0), the stage (2 once psi <= 0 and
  // phi' >= 0), the allowed steps [stmin, stmax] and the interval's last two widths
  private double finit;
  private double ginit;
  private double gtest;
  private int stage;
  private double stmin;
  private double stmax;
  private double width;
  private double width1;
  // the interval: stx is the best step so far, sty the other end (dcstep updates these)
  private double stx;
  private double fx;
  private double gx;
  private double sty;
  private double fy;
  private double gy;
  private boolean brackt;

  MoreThuente(Evaluator ev, double ftol, double gtol, double xtol, double stpmin, double stpmax,
      int maxTrials) {
    this.ev = ev;
    this.ftol = ftol;
    this.gtol = gtol;
    this.xtol = xtol;
    this.stpmin = stpmin;
    this.maxStep = stpmax;
    this.maxTrials = maxTrials;
  }

  /**
   * Searches along {@code d} from {@code cur} ({@code g0 = cur.g·d < 0}) starting with step
   * {@code stp}; returns the step of the point left in {@code next} (see {@link #end}).
   */
  double search(Iterate cur, double[] d, double g0, double stp, Iterate next) {
    return search(cur, d, g0, stp, maxStep, null, next);
  }

  /**
   * {@link #search(Iterate, double[], double, double, Iterate)} with the steps of this search
   * capped at {@code stpmax} (at most the constructor's), and, when {@code atOne} is not null,
   * that point taken for the step 1 instead of {@code x + d} (L-BFGS-B's x̄: {@code x + (x̄ - x)}
   * could round off a bound that x̄ lies on).
   */
  double search(Iterate cur, double[] d, double g0, double stp, double stpmax, double[] atOne,
      Iterate next) {
    this.stpmax = Math.min(stpmax, maxStep);
    Bounds box = ev.bounds;
    atMax = false;
    if (!(g0 < 0 && stp >= stpmin && stp <= this.stpmax)) { // dcsrch's input errors
      trials = 0;
      end = End.FAILED;
      return Double.NaN;
    }
    start(cur.f, g0, stp);
    double limit = Double.POSITIVE_INFINITY; // the shortest step known to give a non-finite trial
    int flat = 0;
    for (trials = 1; trials <= maxTrials; trials++) {
      if (stp == 1 && atOne != null) System.arraycopy(atOne, 0, next.x, 0, next.x.length);
      else if (box != null) box.step(cur.x, stp, d, next.x);
      else Vec.axpy(cur.x, stp, d, next.x);
      double f = ev.eval(next.x, next.g);
      next.f = f;
      double g = Vec.dot(next.g, d);
      if (!Double.isFinite(f) || !Double.isFinite(g)) {
        limit = Math.min(limit, stp);
        stp = stx + 0.5 * (stp - stx);
        continue;
      }
      double ftest = finit + stp * gtest;
      if (stage == 1 && f <= ftest && g >= 0) stage = 2;
      if (f <= ftest && Math.abs(g) <= gtol * -ginit) {
        end = End.CONVERGED;
        return stp;
      }
      flat = Math.abs(f - finit) <= FLAT * Math.abs(finit) ? flat + 1 : 0;
      if (flat == 3) {
        end = End.FLAT;
        return stp;
      }
      atMax = stp == stpmax && f <= ftest && g <= gtest;
      if (brackt && (stp <= stmin || stp >= stmax || stmax - stmin <= xtol * stmax) || atMax
          || stp == stpmin && (f > ftest || g >= gtest)) {
        end = End.WARNING;
        return stp;
      }
      stp = advance(stp, f, g, ftest);
      if (stp >= limit) stp = stx + 0.5 * (limit - stx);
    }
    trials = maxTrials;
    end = End.FAILED;
    return Double.NaN;
  }

  private void start(double f0, double g0, double stp) {
    finit = f0;
    ginit = g0;
    gtest = ftol * g0;
    width = stpmax - stpmin;
    width1 = 2 * width;
    stage = 1;
    brackt = false;
    stx = 0;
    fx = f0;
    gx = g0;
    sty = 0;
    fy = f0;
    gy = g0;
    stmin = 0;
    stmax = stp + 4 * stp;
  }

  /** dcsrch's update after a trial (stp, f, g) that ends nothing: the next trial step. */
  private double advance(double stp, double f, double g, double ftest) {
    if (stage == 1 && f <= fx && f > ftest) {
      // predict with the modified function psi(a) = phi(a) - phi(0) - ftol*a*phi'(0)
      fx -= stx * gtest;
      fy -= sty * gtest;
      gx -= gtest;
      gy -= gtest;
      stp = dcstep(stp, f - stp * gtest, g - gtest, stmin, stmax);
      fx += stx * gtest;
      fy += sty * gtest;
      gx += gtest;
      gy += gtest;
    } else {
      stp = dcstep(stp, f, g, stmin, stmax);
    }
    if (brackt) {
      if (Math.abs(sty - stx) >= 0.66 * width1) stp = stx + 0.5 * (sty - stx);
      width1 = width;
      width = Math.abs(sty - stx);
      stmin = Math.min(stx, sty);
      stmax = Math.max(stx, sty);
    } else {
      stmin = stp + 1.1 * (stp - stx);
      stmax = stp + 4 * (stp - stx);
    }
    stp = Math.max(stpmin, Math.min(stpmax, stp));
    if (brackt && (stp <= stmin || stp >= stmax || stmax - stmin <= xtol * stmax)) stp = stx;
    return stp;
  }

  /**
   * One safeguarded step (MINPACK-2 dcstep): from the interval ends (stx, fx, gx), (sty, fy, gy)
   * and the trial (stp, fp, dp), returns the next trial in [lo, hi] and updates the interval.
   */
  private double dcstep(double stp, double fp, double dp, double lo, double hi) {
    double sgnd = dp * Math.signum(gx);
    double stpf;
    if (fp > fx) {
      // a higher value: the minimum is bracketed; the cubic step, or halfway to the quadratic
      double theta = 3 * (fx - fp) / (stp - stx) + gx + dp;
      double gamma = root(theta, gx, dp, stp < stx);
      double r = ((gamma - gx) + theta) / (((gamma - gx) + gamma) + dp);
      double stpc = stx + r * (stp - stx);
      double stpq = stx + ((gx / ((fx - fp) / (stp - stx) + gx)) / 2) * (stp - stx);
      stpf = Math.abs(stpc - stx) < Math.abs(stpq - stx) ? stpc : stpc + (stpq - stpc) / 2;
      brackt = true;
    } else if (sgnd < 0) {
      // a lower value and slopes of opposite sign: bracketed; the cubic or the secant step
      double theta = 3 * (fx - fp) / (stp - stx) + gx + dp;
      double gamma = root(theta, gx, dp, stp > stx);
      double r = ((gamma - dp) + theta) / (((gamma - dp) + gamma) + gx);
      double stpc = stp + r * (stx - stp);
      double stpq = stp + (dp / (dp - gx)) * (stx - stp);
      stpf = Math.abs(stpc - stp) > Math.abs(stpq - stp) ? stpc : stpq;
      brackt = true;
    } else if (Math.abs(dp) < Math.abs(gx)) {
      // a lower value, same-sign slopes, the slope's size decreasing
      double theta = 3 * (fx - fp) / (stp - stx) + gx + dp;
      double s = Math.max(Math.abs(theta), Math.max(Math.abs(gx), Math.abs(dp)));
      double gamma = s * Math.sqrt(Math.max(0, (theta / s) * (theta / s) - (gx / s) * (dp / s)));
      if (stp > stx) gamma = -gamma;
      double r = ((gamma - dp) + theta) / ((gamma + (gx - dp)) + gamma);
      double stpc = r < 0 && gamma != 0 ? stp + r * (stx - stp) : stp > stx ? hi : lo;
      double stpq = stp + (dp / (dp - gx)) * (stx - stp);
      if (brackt) {
        stpf = Math.abs(stpc - stp) < Math.abs(stpq - stp) ? stpc : stpq;
        double bound = stp + 0.66 * (sty - stp);
        stpf = stp > stx ? Math.min(bound, stpf) : Math.max(bound, stpf);
      } else {
        stpf = Math.abs(stpc - stp) > Math.abs(stpq - stp) ? stpc : stpq;
        stpf = Math.max(lo, Math.min(hi, stpf));
      }
    } else if (brackt) {
      // a lower value, same-sign slopes not decreasing, bracketed: the cubic toward sty
      double theta = 3 * (fp - fy) / (sty - stp) + gy + dp;
      double gamma = root(theta, gy, dp, stp > sty);
      double r = ((gamma - dp) + theta) / (((gamma - dp) + gamma) + gy);
      stpf = stp + r * (sty - stp);
    } else {
      stpf = stp > stx ? hi : lo;
    }
    if (fp > fx) {
      sty = stp;
      fy = fp;
      gy = dp;
    } else {
      if (sgnd < 0) {
        sty = stx;
        fy = fx;
        gy = gx;
      }
      stx = stp;
      fx = fp;
      gx = dp;
    }
    return stpf;
  }

  /** The cubic's scaled discriminant root s*sqrt((theta/s)² - (a/s)(b/s)), negated if asked. */
  private static double root(double theta, double a, double b, boolean negate) {
    double s = Math.max(Math.abs(theta), Math.max(Math.abs(a), Math.abs(b)));
    double gamma = s * Math.sqrt((theta / s) * (theta / s) - (a / s) * (b / s));
    return negate ? -gamma : gamma;
  }
}
