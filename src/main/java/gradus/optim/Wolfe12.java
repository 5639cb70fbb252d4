package gradus.optim;

/**
 * SciPy's {@code _line_search_wolfe12}, the line search of its BFGS and Newton-CG: the Moré–Thuente
 * search ({@code line_search_wolfe1}: c1 = 1e-4, c2 = 0.9, xtol = 1e-14, steps in [amin, amax]),
 * and if that ends without meeting the strong Wolfe conditions, {@link StrongWolfe}
 * ({@code line_search_wolfe2}) from the same first step. The first step is
 * {@code min(1, 1.01*2*(f - f_prev)/gᵀd)}, f_prev being the value before the last step (1 when
 * there is none, or when that is not positive).
 *
 * <p>In a bounded run the direction is restricted first ({@link #restrict}): the steps stop at
 * the box's edge, and a first search that reaches the edge still going down with enough decrease
 * ends there.
 */
final class Wolfe12 {
  private final MoreThuente wolfe1;
  private final StrongWolfe wolfe2;
  private final double amax;
  /** The largest step inside the box for the next search (infinite without bounds). */
  private double cap = Double.POSITIVE_INFINITY;
  /** f before the last accepted step, NaN before the first. */
  double prevF = Double.NaN;

  Wolfe12(Evaluator ev, int n, double amin, double amax) {
    wolfe1 = new MoreThuente(ev, 1e-4, 0.9, 1e-14, amin, amax, 100);
    wolfe2 = new StrongWolfe(ev, n, 1e-4, 0.9);
    this.amax = amax;
  }

  /** {@link StrongWolfe#restrict}: in a bounded run d moves only the free coordinates; gᵀd. */
  double restrict(Iterate from, double[] d) {
    double gd = wolfe2.restrict(from, d);
    cap = wolfe2.maxStep();
    return gd;
  }

  /** The step along d (gd = gᵀd < 0) of the point left in next, or NaN if both searches fail. */
  double search(Iterate cur, double[] d, double gd, Iterate next) {
    double a1 = Double.isNaN(prevF) ? 1 : Math.min(1, 1.01 * 2 * (cur.f - prevF) / gd);
    if (!(a1 > 0)) a1 = 1;
    a1 = Math.min(a1, cap);
    double a = wolfe1.search(cur, d, gd, a1, cap, null, next);
    if (wolfe1.end == MoreThuente.End.CONVERGED || wolfe1.atMax && cap < amax) return a;
    return wolfe2.search(cur, d, gd, a1, next);
  }

  /** Records that the step from cur was taken, for the next first step. */
  void accepted(Iterate cur) {
    prevF = cur.f;
  }

  /** Whether the last search failed because f was flat to rounding (retrying cannot help). */
  boolean flat() {
    return wolfe2.flat;
  }
}
