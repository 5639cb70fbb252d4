package gradus.optim;

import java.util.List;

/**
 * {@code lbfgs(m=10)} — limited-memory BFGS as in L-BFGS-B without bounds (Byrd, Lu, Nocedal &
 * Zhu 1995; SciPy's {@code method="L-BFGS-B"}): the direction {@code d = -H g} comes from the
 * last m pairs s = x₊ - x, y = g₊ - g with {@code H0 = (sᵀy/yᵀy) I} of the newest pair (see
 * {@link LbfgsMemory}); a pair with {@code sᵀy <= ε·(-gᵀs)} is not stored. The step comes from
 * the Moré–Thuente search with L-BFGS-B's constants (ftol = 1e-3, gtol = 0.9, xtol = 0.1, steps
 * in [0, 1e10], at most 20 trials), starting from {@code 1/‖g‖₂} on the first iteration and
 * from 1 after it. A search that ends with a warning keeps its point if f decreased; one that
 * meets only rounding-level changes of f stalls (x is as good as f's precision allows). A failed
 * search (or an uphill direction) clears the memory and retries once along -g from step 1; with
 * an empty memory it stalls. With bounds it is L-BFGS-B ({@link LbfgsB}), which takes a search's
 * point by the same rule ({@link #refusal}).
 */
public final class Lbfgs extends LineSearchMethod {
  static final MethodSpec SPEC = new MethodSpec("lbfgs",
      List.of(new Param("m", 10, Param.Kind.INTEGER)));

  private final int m;

  public Lbfgs(int m) {
    super("lbfgs(m=" + m + ")");
    this.m = Check.atLeast("m", m, 1);
  }

  static Lbfgs from(Args a) {
    return new Lbfgs(a.integer("m"));
  }

  @Override
  public String name() {
    return "lbfgs";
  }

  /**
   * Null when the point a search left in next is taken: it converged, or it ended with a warning
   * after which f decreased; else why not. After {@code FLAT} a retry cannot help.
   */
  static String refusal(MoreThuente ls, Iterate cur, Iterate next) {
    if (ls.end == MoreThuente.End.CONVERGED) return null;
    if (ls.end == MoreThuente.End.WARNING && next.f < cur.f) return null;
    return switch (ls.end) {
      case FLAT -> "f changes only by rounding along the search direction, so x is as good as"
          + " f's precision allows";
      case WARNING -> "f does not decrease along the search direction";
      default -> "the line search found no acceptable point in " + ls.trials + " trials";
    };
  }

  @Override
  Driver newDriver(Evaluator ev, int n) {
    if (ev.bounds != null) return new LbfgsB(m, ev, n, ev.bounds);
    return new Driver() {
      final LbfgsMemory memory = new LbfgsMemory(m, n);
      final double[] d = new double[n];
      final MoreThuente ls = new MoreThuente(ev, 1e-3, 0.9, 0.1, 0, 1e10, 20);
      String reason;
      /** The last search met only rounding-level changes of f: retrying cannot help. */
      boolean flat;

      @Override
      public Outcome step(Iterate cur, Iterate next, long t) {
        double stp = t == 1 ? Math.min(1 / Math.sqrt(memory.gg(cur.g)), 1e10) : 1;
        double gd = memory.direction(cur.g, d);
        double a = accepted(cur, gd, stp, next);
        if (Double.isNaN(a) && memory.size() > 0 && !flat) {
          memory.clear();
          gd = memory.direction(cur.g, d);
          a = accepted(cur, gd, 1, next);
        }
        if (Double.isNaN(a)) return Outcome.STALLED;
        memory.store(cur, next, a * gd);
        return Outcome.OK;
      }

      /** The step of an acceptable point left in next, or NaN (and the reason). */
      double accepted(Iterate cur, double gd, double stp, Iterate next) {
        flat = false;
        if (!(gd < 0)) {
          reason = "the search direction is not a descent direction";
          return Double.NaN;
        }
        double a = ls.search(cur, d, gd, stp, next);
        reason = refusal(ls, cur, next);
        if (reason == null) return a;
        flat = ls.end == MoreThuente.End.FLAT;
        return Double.NaN;
      }

      @Override
      public String stallReason() {
        return reason;
      }
    };
  }
}
