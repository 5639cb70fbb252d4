package gradus.optim;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs a {@link Method} on an {@link Objective} (SPEC §6, §9 "Runs", "Data runs").
 *
 * <p>Full-batch runs: the start is evaluated once; before each update the run stops if the
 * interrupt flag is set, if {@code gnorm <= gtol} (so a converged start takes 0 iterations) or
 * if {@code steps} updates were made. A first-order method evaluates each new iterate exactly
 * once ({@code gd} with steps=50 makes 51 evaluations); line-search methods count every trial.
 * The run stops at the first non-finite point, value or gradient, keeping the last finite
 * iterate. Each accepted iterate's gradient norm is computed once, here, and used by the
 * stopping test and the path alike.
 *
 * <p>Data runs (a {@link BatchObjective} with batch or epochs given) are {@link DataRun}s.
 * L-BFGS, BFGS, CG and Newton reject a batch smaller than the data; given the full data they do
 * a full-batch run in which {@code epochs}, if given, caps the iterations.
 */
public final class Minimizer {
  private Minimizer() {}

  public static Result run(Objective objective, double[] start, Method method, RunOptions o) {
    if (objective == null || start == null || method == null || o == null) {
      throw new IllegalArgumentException("objective, start, method and options are required");
    }
    if (start.length != objective.dimension()) {
      throw Check.bad("the start has " + start.length + " numbers but the function takes "
          + objective.dimension());
    }
    boolean dataRun = o.batch() != null || o.epochs() != null;
    if (dataRun && !(objective instanceof BatchObjective)) {
      throw Check.bad("batch= and epochs= need a loss over data (data=...)");
    }
    if (dataRun && method.needsFullBatch()) {
      BatchObjective b = (BatchObjective) objective;
      if (o.batch() != null && o.batch() < b.rows()) {
        throw Check.bad(method.name() + " needs the full data in every step, so it cannot use"
            + " minibatches (batch=" + o.batch() + " of " + b.rows() + " rows); drop batch= or"
            + " use a first-order method such as sgd or adam");
      }
      dataRun = false;
      // one full-batch iteration is one pass over the data: epochs= caps iterations
      if (o.epochs() != null) {
        o = o.withSteps(o.stepsGiven() ? Math.min(o.steps(), o.epochs()) : o.epochs());
      }
    }
    method.check(objective);
    String label = o.label() != null ? o.label() : method.describe();
    return dataRun
        ? new DataRun((BatchObjective) objective, start, (FirstOrderMethod) method, o, label).run()
        : fullRun(objective, start, method, o, label);
  }

  /** Runs each method from the same start with the same options; labels are the method strings. */
  public static List<Result> compare(Objective objective, double[] start, List<Method> methods,
      RunOptions o) {
    List<Result> results = new ArrayList<>();
    for (Method m : methods) {
      results.add(run(objective, start, m, o.withLabel(null)));
    }
    return results;
  }

  private static Result fullRun(Objective objective, double[] start, Method method, RunOptions o,
      String label) {
    long t0 = System.nanoTime();
    int n = start.length;
    Evaluator ev = new Evaluator(objective, o.interrupt());
    Iterate cur = new Iterate(n);
    Iterate next = new Iterate(n);
    System.arraycopy(start, 0, cur.x, 0, n);
    cur.f = ev.eval(cur.x, cur.g);
    cur.gnorm = Vec.normInf(cur.g);
    PathRecorder rec = new PathRecorder(n, o.record());
    rec.offer(0, cur.x, cur.f, cur.gnorm);
    long steps = o.stepsGiven() ? o.steps() : RunOptions.DEFAULT_STEPS;
    Driver driver = method.newDriver(ev, n);

    long it = 0;
    String status;
    String message;
    if (!cur.finite()) {
      status = Result.DIVERGED;
      message = "The objective is not finite at the start (f = " + Check.num(cur.f) + ").";
    } else {
      while (true) {
        if (o.interrupted()) {
          status = Result.INTERRUPTED;
          message = "Interrupted after " + it + " iterations.";
          break;
        }
        if (cur.gnorm <= o.gtol()) {
          status = Result.CONVERGED;
          message = "Converged: the gradient's largest component " + Check.num(cur.gnorm)
              + " is within gtol = " + Check.num(o.gtol()) + ".";
          break;
        }
        if (it >= steps) {
          status = Result.MAX_STEPS;
          message = "Reached the step limit of " + steps + " with the gradient's largest component "
              + "still " + Check.num(cur.gnorm) + ".";
          break;
        }
        Driver.Outcome outcome = driver.step(cur, next, it + 1);
        if (outcome == Driver.Outcome.STALLED && o.interrupted()) {
          status = Result.INTERRUPTED;
          message = "Interrupted during iteration " + (it + 1) + ".";
          break;
        }
        if (outcome == Driver.Outcome.STALLED) {
          status = Result.STALLED;
          message = "Stalled at iteration " + (it + 1) + ": " + driver.stallReason() + ".";
          break;
        }
        if (!Vec.finite(next.x)) {
          status = Result.DIVERGED;
          message = divergedMessage(it + 1, "point", driver.rate());
          break;
        }
        if (outcome == Driver.Outcome.EVALUATE) next.f = ev.eval(next.x, next.g);
        next.gnorm = Vec.normInf(next.g);
        if (!next.finite()) {
          status = Result.DIVERGED;
          message = divergedMessage(it + 1, Double.isFinite(next.f) ? "gradient" : "value",
              driver.rate());
          break;
        }
        it++;
        Iterate t = cur;
        cur = next;
        next = t;
        rec.offer(it, cur.x, cur.f, cur.gnorm);
      }
    }
    rec.finish(it, cur.x, cur.f, cur.gnorm);
    double time = (System.nanoTime() - t0) / 1e9;
    double[] values = rec.values();
    return new Result(cur.x.clone(), cur.f, cur.g.clone(), cur.gnorm, it, ev.evaluations,
        status, message, rec.path(), values, method.describe(), label, time, new double[0],
        rec.iterations(), ev.hessians, 0, rec.gnorms(), values);
  }

  static String divergedMessage(long step, String what, double rate) {
    String s = "Step " + step + " produced a non-finite " + what + "; ";
    if (Double.isNaN(rate)) return s + "the objective is not finite along the search direction.";
    return s + "try a smaller learning rate (lr was " + Check.num(rate) + ").";
  }
}
