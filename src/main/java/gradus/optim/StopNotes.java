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
