package gradus.optim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Runs a {@link Method} on an {@link Objective} (SPEC §6, §9 "Runs", "Data runs").
 *
 * <p>Full-batch runs: the start is evaluated once; before each update the run tells the progress
 * hook (a few times a second, see {@link Ticker}) and stops if the interrupt flag is set, if the
 * method's own rule says so ({@link Driver#before}, Nelder–Mead), if {@code gnorm <= gtol} (so a
 * converged start takes 0 iterations) or if {@code steps} updates were made. A first-order method
 * evaluates each new iterate exactly once ({@code gd} with steps=50 makes 51 evaluations);
 * line-search methods count every trial. The run stops at the first non-finite point, value or
 * gradient, keeping the last finite iterate. Each accepted iterate's gradient norm is computed
 * once, here, and used by the stopping test and the path alike; in a bounded run it is the
 * projected gradient's (SPEC §10.5), which is also the gradient the result reports.
 *
 * <p>Ctrl-C: the flag in {@link RunOptions#interrupt()} is read once per iteration; an exception
 * the objective marks as an interrupt ({@link Objective#isInterrupt}, compiled code that saw
 * Ctrl-C inside one evaluation) ends the run the same way, at the last accepted iterate.
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
    if (o.noise() > 0 && !(method instanceof FirstOrderMethod)) {
      throw Check.bad("noise", "noise= perturbs the gradients a first-order method sees; " + method.name()
          + (method instanceof LineSearchMethod ? "'s line search needs exact ones" : " reads no gradients")
          + " (use gd, sgd, adam, ... or an optimizer written in Gradus)");
    }
    String label = o.label() != null ? o.label() : method.describe();
    int clipped = 0;
    if (o.bounds() != null) {
      if (o.bounds().dimension() != start.length) {
        throw Check.bad("bounds", "bounds give " + o.bounds().dimension() + " intervals but the"
            + " function takes " + start.length + " numbers");
      }
      start = start.clone();
      clipped = o.bounds().clip(start);
    }
    Result r = dataRun
        ? new DataRun((BatchObjective) objective, start, (FirstOrderMethod) method, o, label).run()
        : fullRun(objective, start, method, o, label);
    return clipped == 0 ? r : withNote(r, "The start was outside the bounds: " + clipped
        + (clipped == 1 ? " coordinate was" : " coordinates were") + " clipped to them.");
  }

  private static Result withNote(Result r, String note) {
    return new Result(r.x(), r.f(), r.grad(), r.gnorm(), r.iterations(), r.evaluations(),
        r.status(), r.message() + " " + note, r.path(), r.values(), r.method(), r.label(),
        r.time(), r.batchLosses(), r.pathIterations(), r.hessianEvaluations(), r.epochs(),
        r.gnorms(), r.pathValues(), r.extras());
  }

  /** The gradient's infinity norm, or the projected gradient's in a bounded run (SPEC §10.5). */
  static double gnorm(Bounds b, double[] x, double[] g) {
    return b == null ? Vec.normInf(g) : b.projectedNormInf(x, g);
  }

  /** What a result reports as its gradient: the projected gradient in a bounded run. */
  static double[] reported(Bounds b, double[] x, double[] g) {
    double[] out = g.clone();
    if (b != null) b.projectedGradient(x, g, out);
    return out;
  }

  static String gradientName(Bounds b) {
    return b == null ? "gradient" : "projected gradient";
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
    Bounds bounds = o.bounds();
    Evaluator ev = new Evaluator(objective, o.interrupt());
    ev.bounds = bounds;
    ev.limit = method.evaluationLimit(n, o.stepsGiven());
    if (o.budget() != null) ev.budget = o.budget();
    ev.noise = Noise.of(o);
    long budget = ev.budget;
    Iterate cur = new Iterate(n);
    Iterate next = new Iterate(n);
    System.arraycopy(start, 0, cur.x, 0, n);
    cur.f = Double.NaN;
    cur.gnorm = Double.NaN;
    long steps = o.stepsGiven() ? o.steps() : method.defaultSteps(n);
    Driver driver = method.newDriver(ev, n);
    StateRows rows = o.states() ? new StateRows(driver) : null;
    PathRecorder rec = new PathRecorder(n, o.record(), rows);
    // loop invariants as locals: no gtol test for a method that ignores the gradient
    double gtol = driver.usesGradient() ? o.gtol() : Double.NEGATIVE_INFINITY;
    Ticker ticker = new Ticker(o.progress());
    boolean ticking = o.progress() != null;

    long it = 0;
    boolean started = false;
    // set when the run ends after a step it did not accept: the driver's states are past cur
    boolean ahead = false;
    Driver.Stop stop;
    try {
      cur.f = ev.eval(cur.x, cur.g);
      cur.gnorm = gnorm(bounds, cur.x, cur.g);
      started = true;
      if (cur.finite()) driver.begin(cur);
      rec.offer(0, cur.x, cur.f, cur.gnorm, ev.evaluations);
      if (!cur.finite()) {
        stop = new Driver.Stop(Result.DIVERGED,
            "The objective is not finite at the start (f = " + Check.num(cur.f) + ").");
      } else {
        while (true) {
          if (ticking && ticker.due()) ticker.report(it, cur.f, cur.gnorm);
          if (o.interrupted()) {
            stop = new Driver.Stop(Result.INTERRUPTED, "Interrupted after " + it + " iterations.");
            break;
          }
          stop = driver.before(cur);
          if (stop != null) break;
          if (cur.gnorm <= gtol) {
            stop = new Driver.Stop(Result.CONVERGED, "Converged: the " + gradientName(bounds)
                + "'s largest component " + Check.num(cur.gnorm) + " is within gtol = "
                + Check.num(o.gtol()) + ".");
            break;
          }
          if (it >= steps) {
            stop = new Driver.Stop(Result.MAX_STEPS, null); // the message names its cause below
            break;
          }
          if (ev.evaluations >= budget) {
            stop = new Driver.Stop(Result.MAX_STEPS, budgetMessage(budget, cur.gnorm, o.gtol(), bounds));
            break;
          }
          Driver.Outcome outcome = driver.step(cur, next, it + 1);
          if (outcome == Driver.Outcome.STALLED) {
            ahead = true;
            stop = o.interrupted() ? interruptedDuring(it)
                : new Driver.Stop(Result.STALLED, "Stalled at iteration " + (it + 1) + ": "
                    + driver.stallReason() + ".");
            break;
          }
          if (!Vec.finite(next.x)) {
            ahead = true;
            stop = diverged(it + 1, "point", driver.rate());
            break;
          }
          if (outcome == Driver.Outcome.EVALUATE) next.f = ev.eval(next.x, next.g);
          next.gnorm = gnorm(bounds, next.x, next.g);
          if (!next.finite()) {
            ahead = true;
            stop = diverged(it + 1, Double.isFinite(next.f) ? "gradient" : "value", driver.rate());
            break;
          }
          it++;
          if (rows != null) rows.step = StateRows.distance(next.x, cur.x);
          Iterate t = cur;
          cur = next;
          next = t;
          rec.offer(it, cur.x, cur.f, cur.gnorm, ev.evaluations);
        }
      }
    } catch (Evaluator.BudgetSpent e) {
      // a line search wanted one more trial than the budget leaves: cur is the last accepted iterate
      ahead = true;
      stop = new Driver.Stop(Result.MAX_STEPS, budgetMessage(budget, cur.gnorm, o.gtol(), bounds));
    } catch (RuntimeException e) {
      if (!objective.isInterrupt(e)) throw e;
      // Ctrl-C inside an evaluation: cur is the last accepted iterate (drivers write only next)
      ahead = started;
      stop = started ? interruptedDuring(it)
          : new Driver.Stop(Result.INTERRUPTED, "Interrupted while evaluating the start.");
      if (!started) Arrays.fill(cur.g, Double.NaN);
    }
    ticker.done();
    if (ahead && rows != null) rows.stale();
    rec.finish(it, cur.x, cur.f, cur.gnorm, ev.evaluations);
    double time = (System.nanoTime() - t0) / 1e9;
    // after the clock: the notes' diagnostics (a Hessian at the last point) are not the run's
    String message = StopNotes.complete(stop, objective, cur.x, cur.f, cur.g, cur.gnorm, method,
        driver.rate(), steps, o.gtol(), bounds);
    double[] values = rec.values();
    return new Result(cur.x.clone(), cur.f, reported(bounds, cur.x, cur.g), cur.gnorm, it,
        ev.evaluations, stop.status(), message, rec.path(), values, method.describe(),
        label, time, new double[0], rec.iterations(), ev.hessians, 0, rec.gnorms(), values,
        rec.extras());
  }

  /** A run that spent its budget (benchmark's equal budgets): how far it got. */
  static String budgetMessage(long budget, double gnorm, double gtol, Bounds bounds) {
    return "Used the budget of " + evaluations(budget) + " with the " + gradientName(bounds)
        + "'s largest component at " + StopNotes.distance(gnorm, gtol) + ".";
  }

  /** "1 evaluation", "50 evaluations". */
  static String evaluations(long k) {
    return k + (k == 1 ? " evaluation" : " evaluations");
  }

  private static Driver.Stop interruptedDuring(long it) {
    return new Driver.Stop(Result.INTERRUPTED, "Interrupted during iteration " + (it + 1) + ".");
  }

  private static Driver.Stop diverged(long step, String what, double rate) {
    return new Driver.Stop(Result.DIVERGED, divergedMessage(step, what, rate));
  }

  static String divergedMessage(long step, String what, double rate) {
    String s = "Step " + step + " produced a non-finite " + what + "; ";
    if (Double.isNaN(rate)) return s + "the objective is not finite along the search direction.";
    return s + "try a smaller learning rate (lr was " + Check.num(rate) + ").";
  }
}
