package gradus.optim;

import java.util.Arrays;

/**
 * A box {@code lo ≤ x ≤ hi} (SPEC §10.5); a side may be infinite. Immutable. First-order methods
 * project onto it after each update; L-BFGS-B, Newton, BFGS and CG keep their iterates inside it;
 * the convergence test uses the projected gradient {@code x - P(x - g)} (SciPy's L-BFGS-B
 * {@code projgr}): its i-th entry is {@code g_i} away from the bounds and is cut to the distance
 * to the bound the gradient points at.
 */
public final class Bounds {
  private final double[] lo;
  private final double[] hi;

  private Bounds(double[] lo, double[] hi) {
    this.lo = lo;
    this.hi = hi;
  }

  /**
   * The box with these sides; throws a {@link BadArgument} on {@code bounds} when a side is nan,
   * a lower bound is above its upper bound, or a side leaves no finite point.
   */
  public static Bounds of(double[] lo, double[] hi) {
    if (lo.length != hi.length) {
      throw Check.bad("bounds", "bounds need as many lower as upper bounds, got " + lo.length
          + " and " + hi.length);
    }
    for (int i = 0; i < lo.length; i++) {
      String which = lo.length == 1 ? "" : " of coordinate " + (i + 1);
      if (Double.isNaN(lo[i]) || Double.isNaN(hi[i])) {
        throw Check.bad("bounds", "bounds must be numbers or -inf/inf, got nan" + which);
      }
      if (lo[i] > hi[i]) {
        throw Check.bad("bounds", "the lower bound " + Check.num(lo[i]) + which
            + " is above the upper bound " + Check.num(hi[i]));
      }
      if (lo[i] == Double.POSITIVE_INFINITY || hi[i] == Double.NEGATIVE_INFINITY) {
        throw Check.bad("bounds", "bounds [" + Check.num(lo[i]) + ", " + Check.num(hi[i]) + "]"
            + which + " contain no number");
      }
    }
    return new Bounds(lo.clone(), hi.clone());
  }

  /** The same interval for each of n coordinates. */
  public static Bounds uniform(int n, double lo, double hi) {
    of(new double[] {lo}, new double[] {hi});
    double[] l = new double[n];
    double[] h = new double[n];
    Arrays.fill(l, lo);
    Arrays.fill(h, hi);
    return of(l, h);
  }

  public int dimension() {
    return lo.length;
  }

  public double lo(int i) {
    return lo[i];
  }

  public double hi(int i) {
    return hi[i];
  }

  /** True when every side is finite: a box one can sample uniformly. */
  public boolean finite() {
    for (int i = 0; i < lo.length; i++) {
      if (!Double.isFinite(lo[i]) || !Double.isFinite(hi[i])) return false;
    }
    return true;
  }

  /** True when some side is finite (L-BFGS-B's "constrained"). */
  boolean anyFinite() {
    for (int i = 0; i < lo.length; i++) {
      if (Double.isFinite(lo[i]) || Double.isFinite(hi[i])) return true;
    }
    return false;
  }

  boolean hasLower(int i) {
    return lo[i] > Double.NEGATIVE_INFINITY;
  }

  boolean hasUpper(int i) {
    return hi[i] < Double.POSITIVE_INFINITY;
  }

  /** Moves x into the box in place; returns how many coordinates moved. */
  public int clip(double[] x) {
    int moved = 0;
    for (int i = 0; i < x.length; i++) {
      double v = Math.min(hi[i], Math.max(lo[i], x[i]));
      if (v != x[i]) moved++;
      x[i] = v;
    }
    return moved;
  }

  /** Whether x lies in the box. */
  public boolean contains(double[] x) {
    for (int i = 0; i < x.length; i++) if (!(x[i] >= lo[i] && x[i] <= hi[i])) return false;
    return true;
  }

  /** out = x - P(x - g), the projected gradient; out may be g itself. */
  public void projectedGradient(double[] x, double[] g, double[] out) {
    for (int i = 0; i < x.length; i++) out[i] = projected(i, x[i], g[i]);
  }

  /**
   * The infinity norm of the projected gradient; like {@link Vec#normInf} NaN if g has a NaN and
   * inf if it has an inf, so that a gradient that is not finite shows even where the box cuts it.
   */
  public double projectedNormInf(double[] x, double[] g) {
    double m = 0;
    for (int i = 0; i < x.length; i++) {
      double gi = g[i];
      if (!(Math.abs(gi) < Double.POSITIVE_INFINITY)) return gi != gi ? Double.NaN : Vec.normInf(g);
      m = Math.max(m, Math.abs(projected(i, x[i], gi)));
    }
    return m;
  }

  private double projected(int i, double x, double g) {
    if (g < 0) return hasUpper(i) ? Math.max(x - hi[i], g) : g;
    if (g > 0) return hasLower(i) ? Math.min(x - lo[i], g) : g;
    return g;
  }

  /**
   * Zeroes the components of a search direction d that would leave the box from a bound x sits
   * on, so that a step along d moves only the free coordinates.
   */
  void freeDirection(double[] x, double[] d) {
    for (int i = 0; i < x.length; i++) {
      if ((d[i] < 0 && x[i] <= lo[i]) || (d[i] > 0 && x[i] >= hi[i])) d[i] = 0;
    }
  }

  /**
   * out = P(x + a·d), where a coordinate whose bound the ray reaches at a step ≤ a lands exactly
   * on it (x + a·d at the step {@link #maxStep} gives would round to just inside or outside).
   */
  void step(double[] x, double a, double[] d, double[] out) {
    for (int i = 0; i < x.length; i++) {
      double v = x[i] + a * d[i];
      if (d[i] > 0 && (v >= hi[i] || a >= (hi[i] - x[i]) / d[i])) v = hi[i];
      else if (d[i] < 0 && (v <= lo[i] || a >= (lo[i] - x[i]) / d[i])) v = lo[i];
      out[i] = v;
    }
  }

  /**
   * out = g without the coordinates a step along -g cannot move (at a bound with the gradient
   * pushing against it), which {@code blocked} marks; returns how many. Quasi-Newton and
   * Newton-CG directions are made from it, so that a blocked coordinate's gradient does not leak
   * into the free ones.
   */
  int freeGradient(double[] x, double[] g, boolean[] blocked, double[] out) {
    int k = 0;
    for (int i = 0; i < x.length; i++) {
      blocked[i] = (x[i] <= lo[i] && g[i] > 0) || (x[i] >= hi[i] && g[i] < 0);
      out[i] = blocked[i] ? 0 : g[i];
      if (blocked[i]) k++;
    }
    return k;
  }

  /** The largest a ≥ 0 with x + a·d in the box (infinite when d never leaves it). */
  double maxStep(double[] x, double[] d) {
    double a = Double.POSITIVE_INFINITY;
    for (int i = 0; i < x.length; i++) {
      if (d[i] < 0 && hasLower(i)) a = Math.min(a, Math.max(0, (lo[i] - x[i]) / d[i]));
      else if (d[i] > 0 && hasUpper(i)) a = Math.min(a, Math.max(0, (hi[i] - x[i]) / d[i]));
    }
    return a;
  }
}
