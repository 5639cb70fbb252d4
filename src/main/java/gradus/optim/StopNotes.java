package gradus.optim;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * The sentences a stop message adds to name its cause and a fix (SPEC §10.4): how far a run at
 * its step limit is from gtol; that gd oscillates because lr·λmax > 2; that a run converged to a
 * saddle. The Hessian's extreme eigenvalues come from {@link Curvature} (bounded cost, and only
 * after a run ends).
 */
final class StopNotes {
  private StopNotes() {}

  /**
   * The message of a full-batch run that stopped with {@code stop} at x (value f, gradient g, its
   * norm gnorm), completed with its cause: a step limit (whose message is null until here) says
   * how far gnorm is from gtol and what to change, or that gd oscillates; a divergence whether
   * gd's rate oscillates; a stalled line search why; a converged run whether x is a saddle. The
   * diagnostics evaluate f or its Hessian a few times (not counted); Ctrl-C meanwhile drops them.
   */
  static String complete(Driver.Stop stop, Objective o, double[] x, double f, double[] g, double gnorm,
      Method m, double rate, long steps, double gtol, Bounds bounds) {
    String message = stop.message();
    try {
      String note = switch (stop.status()) {
        case Result.MAX_STEPS -> message == null
            ? stepLimit(steps, gnorm, gtol, Minimizer.gradientName(bounds), m, oscillation(o, x, m, rate)) : null;
        case Result.DIVERGED -> oscillation(o, x, m, rate);
        case Result.STALLED -> stalled(o, x, f, bounds == null ? g : Minimizer.reported(bounds, x, g), gtol, bounds);
        case Result.CONVERGED -> bounds == null ? saddle(o, x) : null;
        default -> null;
      };
      if (message == null) return note;
      return note == null ? message : message + " " + note;
    } catch (RuntimeException e) {
      if (!o.isInterrupt(e)) throw e;
      return message != null ? message : stepLimit(steps, gnorm, gtol, Minimizer.gradientName(bounds), m, null);
    }
  }

  /** {@code 31234.5} as {@code 3.12e+04}: three significant digits are enough to read a ratio. */
  static String approx(double v) {
    if (!Double.isFinite(v) || v == 0) return Check.num(v);
    return Check.num(new BigDecimal(v).round(new MathContext(3)).doubleValue());
  }

  /** {@code 0.0123, 1.23e+04 times gtol = 1e-06}: a gradient norm and how far it is from gtol. */
  static String distance(double gnorm, double gtol) {
    if (gtol > 0) return Check.num(gnorm) + ", " + approx(gnorm / gtol) + " times gtol = " + Check.num(gtol);
    return Check.num(gnorm) + " (gtol = 0 asks for an exact zero)";
  }

  /**
   * A step-limit message: the gradient norm as a multiple of gtol, and what to change — unless
   * {@code cause}, a sentence that explains the stop better (gd's oscillation), follows instead.
   */
  static String stepLimit(long steps, double gnorm, double gtol, String gradient, Method m, String cause) {
    String head = "Reached the step limit of " + steps + " with the " + gradient + "'s largest component still "
        + distance(gnorm, gtol);
    if (cause != null) return head + ". " + cause;
    String more = "give more steps (steps=" + Math.max(2 * steps, 10) + ")";
    return head + ": " + more + (m instanceof FirstOrderMethod ? " or a larger lr" : "") + ".";
  }

  /**
   * For gd with rate lr: when lr·λmax > 2 at x, the sentence saying that it oscillates and which
   * rates do not (null otherwise, or when the Hessian is not available).
   */
  static String oscillation(Objective o, double[] x, Method m, double lr) {
    if (!m.name().equals("gd") || !(lr > 0) || !Vec.finite(x)) return null;
    Curvature.Extremes c = Curvature.at(o, x);
    if (!c.known() || !(lr * c.highest() > 2)) return null;
    double top = c.highest();
    return "gd oscillates: lr*lambda_max = " + Check.num(lr) + "*" + approx(top) + " = " + approx(lr * top)
        + " > 2, so every step overshoots along the Hessian's top eigenvector and the error there grows "
        + approx(Math.abs(1 - lr * top)) + "-fold per step (lambda_max from " + c.how() + " at the last point);"
        + " take lr < 2/lambda_max = " + approx(2 / top) + ".";
  }

  /**
   * Why a line search found no acceptable point at x, probed by one value of f a small step down
   * the gradient ({@code h = sqrt(eps)*max(1, |x|)}; not counted in evaluations): when f changes
   * there by no more than its rounding, x is as good as f's precision allows and gtol asks for
   * more; when f rises, the gradient does not describe f near x (a kink of abs, max, where...).
   * Null when neither holds (the driver's reason says enough). In a bounded run g is the
   * projected gradient and the probe stays in the box.
   */
  static String stalled(Objective o, double[] x, double f, double[] g, double gtol, Bounds bounds) {
    double gn = Vec.norm2(g);
    if (!(gn > 0) || !Double.isFinite(f)) return null;
    double h = 1.4901161193847656e-8 * Math.max(1, Vec.norm2(x));
    double[] y = new double[x.length];
    for (int i = 0; i < x.length; i++) y[i] = x[i] - h * g[i] / gn;
    if (bounds != null) bounds.clip(y);
    double fy = o.value(y);
    double rounding = 16 * Math.ulp(Math.max(Math.abs(f), Double.MIN_NORMAL));
    if (Math.abs(fy - f) <= rounding) {
      return "Along the gradient f no longer changes beyond its rounding (" + approx(Math.abs(fy - f))
          + " over a step of " + approx(h) + "): this point is as good as f's precision allows, and gtol = "
          + Check.num(gtol) + " asks for more; loosen gtol.";
    }
    if (fy > f) {
      return "f rises a small step down the gradient (by " + approx(fy - f) + "), so the gradient does not describe f"
          + " near this point: f may have a kink here (abs, max, min, where) or its gradient may be wrong"
          + " (check_grad(f, x) tells).";
    }
    return null;
  }

  /** For a converged run: the sentence saying it stopped at a saddle (null at a minimum or when unknown). */
  static String saddle(Objective o, double[] x) {
    Curvature.Extremes c = Curvature.at(o, x);
    if (!c.known()) return null;
    double scale = Math.max(1, Math.max(Math.abs(c.lowest()), Math.abs(c.highest())));
    if (!(c.lowest() < -1e-6 * scale)) return null;
    return "This is a saddle point, not a minimum: the Hessian has the negative eigenvalue " + approx(c.lowest())
        + " here (from " + c.how() + "); start elsewhere, or use newton(modify=true), which turns away from saddles.";
  }
}
