package gradus.optim;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Runs a {@link Method} on an {@link Objective} (SPEC §6, §9 "Runs", "Data runs").
 *
 * <p>Full-batch runs: the start is evaluated once; before each update the run stops if the
 * interrupt flag is set, if {@code gnorm <= gtol} (so a converged start takes 0 iterations) or
 * if {@code steps} updates were made. A first-order method evaluates each new iterate exactly
 * once ({@code gd} with steps=50 makes 51 evaluations); line-search methods count every trial.
 * The run stops at the first non-finite point, value or gradient, keeping the last finite
 * iterate.
 *
 * <p>Data runs (a {@link BatchObjective} with batch or epochs given): each epoch visits every
 * row once, in an order shuffled by a {@link SplittableRandom} seeded with {@code seed} (the same
 * permutation array is reshuffled each epoch; shuffle=false keeps row order), in batches of
 * {@code batch} rows, the last one partial. Each update uses one minibatch's mean gradient.
 * The full-data loss and gradient are evaluated at the start and after each epoch; the
 * convergence test uses them, once per epoch. {@code evaluations} counts minibatch and full-data
 * evaluations. A run ended mid-epoch (steps cap, interrupt, divergence) evaluates the full data
 * once more at the final point, so {@code f} and {@code gnorm} are always full-data numbers.
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
    if (method.needsHessian() && !objective.hasHessian()) {
      throw Check.bad(method.name() + " needs the Hessian, which this objective does not provide");
    }
    if (method instanceof LineSearchMethod ls) ls.checkDimension(start.length);
    if (o.noise() > 0 && !(method instanceof FirstOrderMethod)) {
      throw Check.bad("noise", "noise= perturbs the gradients a first-order method sees; " + method.name()
          + "'s line search needs exact ones (use gd, sgd, adam, ... or an optimizer written in Gradus)");
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
        r.gnorms());
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

  private static String gradientName(Bounds b) {
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
    Evaluator ev = new Evaluator(objective);
    ev.bounds = bounds;
    ev.limit = method.evaluationLimit(n, o.stepsGiven());
    if (o.budget() != null) ev.budget = o.budget();
    Iterate cur = new Iterate(n);
    Iterate next = new Iterate(n);
    System.arraycopy(start, 0, cur.x, 0, n);
    cur.f = ev.eval(cur.x, cur.g);
    long steps = o.stepsGiven() ? o.steps() : method.defaultSteps(n);

    FirstOrderMethod fo = method instanceof FirstOrderMethod f ? f : null;
    FirstOrderMethod.Stepper stepper = fo != null ? fo.newStepper(n) : null;
    LineSearchMethod.Driver driver = fo == null ? ((LineSearchMethod) method).newDriver(ev, n) : null;
    double[] work = new double[n];
    Noise noise = Noise.of(o, n);
    StateRows rows = o.states() ? new StateRows(stepper) : null;
    PathRecorder rec = new PathRecorder(n, o.record(), rows == null ? 0 : rows.width);
    if (stepper != null && cur.finite()) stepper.begin(cur.x, cur.g);
    rec.offer(0, cur.x, cur.f, gnorm(bounds, cur.x, cur.g), ev.evaluations, rows == null ? null : rows.row(Double.NaN));
    double lastStep = Double.NaN;

    long it = 0;
    String status;
    String message;
    double rate = Double.NaN;
    Ticker ticker = new Ticker(o.progress());
    if (!cur.finite()) {
      status = Result.DIVERGED;
      message = "The objective is not finite at the start (f = " + Check.num(cur.f) + ").";
    } else {
      while (true) {
        double gnorm = gnorm(bounds, cur.x, cur.g);
        if (ticker.due()) ticker.report(it, cur.f, gnorm);
        if (o.interrupted()) {
          status = Result.INTERRUPTED;
          message = "Interrupted after " + it + " iterations.";
          break;
        }
        LineSearchMethod.Stop own = driver != null ? driver.before(cur) : null;
        if (own != null) {
          status = own.status();
          message = own.message();
          break;
        }
        if ((driver == null || driver.usesGradient()) && gnorm <= o.gtol()) {
          status = Result.CONVERGED;
          message = "Converged: the " + gradientName(bounds) + "'s largest component "
              + Check.num(gnorm) + " is within gtol = " + Check.num(o.gtol()) + ".";
          break;
        }
        if (it >= steps) {
          status = Result.MAX_STEPS;
          message = null; // written after the loop, with its cause
          break;
        }
        if (!ev.allows(1)) {
          status = Result.MAX_STEPS;
          message = budgetMessage(ev.budget, gnorm, o.gtol(), bounds);
          break;
        }
        try {
          if (fo != null) {
            System.arraycopy(cur.x, 0, next.x, 0, n);
            System.arraycopy(cur.g, 0, work, 0, n);
            if (noise != null) noise.add(work);
            rate = fo.lr.rate(it + 1);
            stepper.update(next.x, work, cur.f, rate, it + 1);
            if (bounds != null) bounds.clip(next.x);
            if (!Vec.finite(next.x)) {
              status = Result.DIVERGED;
              message = divergedMessage(it + 1, "point", rate);
              break;
            }
            next.f = ev.eval(next.x, next.g);
          } else if (driver.step(cur, next) == LineSearchMethod.Outcome.STALLED) {
            status = Result.STALLED;
            message = "Stalled at iteration " + (it + 1) + ": " + driver.stallReason() + ".";
            String why = StopNotes.stalled(objective, cur.x, cur.f, cur.g, o.gtol());
            if (why != null) message += " " + why;
            break;
          }
        } catch (Evaluator.BudgetSpent e) {
          status = Result.MAX_STEPS;
          message = budgetMessage(ev.budget, gnorm, o.gtol(), bounds);
          break;
        }
        if (!next.finite()) {
          status = Result.DIVERGED;
          message = divergedMessage(it + 1, Double.isFinite(next.f) ? "gradient" : "value", rate);
          break;
        }
        it++;
        if (rows != null) lastStep = StateRows.distance(next.x, cur.x);
        Iterate t = cur;
        cur = next;
        next = t;
        boolean keep = rows != null && rec.wants(it);
        rec.offer(it, cur.x, cur.f, gnorm(bounds, cur.x, cur.g), ev.evaluations, keep ? rows.row(lastStep) : null);
      }
    }
    ticker.done();
    double gnorm = gnorm(bounds, cur.x, cur.g);
    if (message == null) {
      message = StopNotes.stepLimit(steps, gnorm, o.gtol(), gradientName(bounds), method,
          StopNotes.oscillation(objective, cur.x, method, rate));
    } else {
      message = withNotes(status, message, objective, cur.x, method, rate, bounds);
    }
    boolean last = rows != null && !rec.endsAt(it);
    rec.finish(it, cur.x, cur.f, gnorm, ev.evaluations, last ? rows.row(lastStep) : null);
    double time = (System.nanoTime() - t0) / 1e9;
    PathExtras extras = rows == null ? new PathExtras(rec.evaluations(), java.util.List.of(), java.util.List.of())
        : rec.extras(rows.names, rows.widths);
    return new Result(cur.x.clone(), cur.f, reported(bounds, cur.x, cur.g), gnorm, it, ev.evaluations,
        status, message, rec.path(), rec.values(), method.describe(), label, time, new double[0],
        rec.iterations(), ev.hessians, 0, rec.gnorms(), extras);
  }

  /** The stop message with the sentences that name a cause: gd's oscillation, a saddle. */
  static String withNotes(String status, String message, Objective objective, double[] x, Method method, double rate,
      Bounds bounds) {
    String note = null;
    if (status.equals(Result.DIVERGED)) {
      note = StopNotes.oscillation(objective, x, method, rate);
    } else if (status.equals(Result.CONVERGED) && bounds == null) {
      note = StopNotes.saddle(objective, x);
    }
    return note == null ? message : message + " " + note;
  }

  static String budgetMessage(long budget, double gnorm, double gtol, Bounds bounds) {
    return "Used the budget of " + budget + " evaluations with the " + gradientName(bounds)
        + "'s largest component at " + StopNotes.distance(gnorm, gtol) + ".";
  }

  static String divergedMessage(long step, String what, double rate) {
    String s = "Step " + step + " produced a non-finite " + what + "; ";
    if (Double.isNaN(rate)) return s + "the objective is not finite along the search direction.";
    return s + "try a smaller learning rate (lr was " + Check.num(rate) + ").";
  }

  /** One data run; its arrays are allocated once, before the loop. */
  private static final class DataRun {
    final BatchObjective b;
    final FirstOrderMethod method;
    final RunOptions o;
    final String label;
    final int n;
    final int rows;
    final double[] x;
    final double[] g;
    final double[] gb;
    final double[] xPrev;
    final double[] xEpoch;
    final double[] gEpoch;
    final int[] perm;
    final Evaluator ev;
    final PathRecorder rec;
    final StateRows stateRows;
    final Noise noise;
    FirstOrderMethod.Stepper stepper;
    double lastStep = Double.NaN;
    final DoubleList values = new DoubleList();
    final DoubleList gnorms = new DoubleList();
    final DoubleList batchLosses = new DoubleList();
    double f;
    double fEpoch;
    long batchEvaluations;

    DataRun(BatchObjective b, double[] start, FirstOrderMethod method, RunOptions o, String label) {
      this.b = b;
      this.method = method;
      this.o = o;
      this.label = label;
      n = start.length;
      rows = b.rows();
      if (rows < 1) throw Check.bad("the data has no rows");
      x = start.clone();
      g = new double[n];
      gb = new double[n];
      xPrev = new double[n];
      xEpoch = new double[n];
      gEpoch = new double[n];
      perm = new int[rows];
      for (int i = 0; i < rows; i++) perm[i] = i;
      ev = new Evaluator(b);
      stepper = method.newStepper(n);
      stateRows = o.states() ? new StateRows(stepper) : null;
      noise = Noise.of(o, n);
      rec = new PathRecorder(n, o.record(), stateRows == null ? 0 : stateRows.width);
    }

    /** Evaluations so far, minibatches and full-data passes. */
    long spent() {
      return ev.evaluations + batchEvaluations;
    }

    /** Whether the budget leaves room for one more minibatch and the full-data pass after it. */
    boolean roomForBatch() {
      return o.budget() == null || spent() + 2 <= o.budget();
    }

    double[] extras() {
      return stateRows == null ? null : stateRows.row(lastStep);
    }

    Result run() {
      long t0 = System.nanoTime();
      int batch = o.batch() == null ? rows : Math.min(o.batch(), rows);
      long cap = o.stepsGiven() ? o.steps()
          : o.epochs() != null ? Long.MAX_VALUE : RunOptions.DEFAULT_STEPS;
      SplittableRandom rng = new SplittableRandom(o.seed());
      f = ev.eval(x, g);
      values.add(f);
      gnorms.add(gnorm(o.bounds(), x, g));
      if (finite()) stepper.begin(x, g);
      rec.offer(0, x, f, gnorm(o.bounds(), x, g), spent(), extras());
      saveEpoch();
      long t = 0;
      int epoch = 0;
      String status = null;
      String message = null;
      boolean needFull = false;
      Ticker ticker = new Ticker(o.progress());
      if (!finite()) {
        status = Result.DIVERGED;
        message = "The loss is not finite at the start (f = " + Check.num(f) + ").";
      }
      outer:
      while (status == null) {
        double gnorm = gnorm(o.bounds(), x, g);
        if (gnorm <= o.gtol()) {
          status = Result.CONVERGED;
          message = "Converged: the full-data " + gradientName(o.bounds()) + "'s largest component "
              + Check.num(gnorm)
              + " is within gtol = " + Check.num(o.gtol()) + ".";
          break;
        }
        if (o.epochs() != null && epoch >= o.epochs()) {
          status = Result.MAX_STEPS;
          message = "Finished " + epoch + " epochs (" + t + " updates).";
          break;
        }
        if (t >= cap) {
          status = Result.MAX_STEPS;
          message = "Reached the step limit of " + cap + " updates.";
          break;
        }
        if (!roomForBatch()) {
          status = Result.MAX_STEPS;
          message = "Used the budget of " + o.budget() + " evaluations (minibatches and full-data passes) in "
              + t + " updates.";
          break;
        }
        if (o.shuffle()) shuffle(rng);
        for (int from = 0; from < rows; from += batch) {
          if (o.interrupted()) {
            status = Result.INTERRUPTED;
            message = "Interrupted after " + t + " updates.";
            needFull = true;
            break outer;
          }
          if (t >= cap) {
            status = Result.MAX_STEPS;
            message = "Reached the step limit of " + cap + " updates.";
            needFull = true;
            break outer;
          }
          if (!roomForBatch()) {
            status = Result.MAX_STEPS;
            message = "Used the budget of " + o.budget() + " evaluations (minibatches and full-data passes) in "
                + t + " updates.";
            needFull = true;
            break outer;
          }
          int to = Math.min(from + batch, rows);
          double loss = b.batchValueAndGradient(x, perm, from, to, gb);
          batchEvaluations++;
          if (!Double.isFinite(loss) || !Vec.finite(gb)) {
            status = Result.DIVERGED;
            message = "Update " + (t + 1) + " met a non-finite minibatch loss; try a smaller"
                + " learning rate (lr was " + Check.num(method.lr.rate(t + 1)) + ").";
            needFull = true;
            break outer;
          }
          batchLosses.add(loss);
          if (ticker.due()) ticker.report(t, loss, Vec.normInf(gb));
          System.arraycopy(x, 0, xPrev, 0, n);
          double rate = method.lr.rate(t + 1);
          if (noise != null) noise.add(gb);
          stepper.update(x, gb, loss, rate, t + 1);
          if (o.bounds() != null) o.bounds().clip(x);
          if (!Vec.finite(x)) {
            System.arraycopy(xPrev, 0, x, 0, n);
            status = Result.DIVERGED;
            message = divergedMessage(t + 1, "point", rate);
            needFull = true;
            break outer;
          }
          t++;
          if (stateRows != null) lastStep = StateRows.distance(x, xPrev);
          rec.offer(t, x, Double.NaN, Double.NaN, spent(), stateRows != null && rec.wants(t) ? extras() : null);
        }
        epoch++;
        f = ev.eval(x, g);
        values.add(f);
        gnorms.add(gnorm(o.bounds(), x, g));
        if (!finite()) {
          status = Result.DIVERGED;
          message = "The full-data loss became non-finite after epoch " + epoch + " (update " + t
              + "); try a smaller learning rate.";
          restoreEpoch();
          break;
        }
        saveEpoch();
      }
      if (needFull) {
        f = ev.eval(x, g);
        if (!finite()) {
          status = Result.DIVERGED;
          if (message == null || !message.contains("non-finite")) {
            message = "The full-data loss became non-finite at update " + t
                + "; try a smaller learning rate.";
          }
          restoreEpoch();
        }
      }
      ticker.done();
      double gnorm = gnorm(o.bounds(), x, g);
      if (status.equals(Result.MAX_STEPS) && message.endsWith(".")) {
        message = message.substring(0, message.length() - 1) + "; the full-data " + gradientName(o.bounds())
            + "'s largest component is " + StopNotes.distance(gnorm, o.gtol()) + ".";
      }
      rec.finish(t, x, f, gnorm, spent(), stateRows != null && !rec.endsAt(t) ? extras() : null);
      double time = (System.nanoTime() - t0) / 1e9;
      PathExtras extras = stateRows == null ? new PathExtras(rec.evaluations(), java.util.List.of(), java.util.List.of())
          : rec.extras(stateRows.names, stateRows.widths);
      return new Result(x.clone(), f, reported(o.bounds(), x, g), gnorm, t,
          spent(), status, message, rec.path(), values.toArray(),
          method.describe(), label, time, batchLosses.toArray(), rec.iterations(), 0, epoch,
          gnorms.toArray(), extras);
    }

    boolean finite() {
      return Double.isFinite(f) && Vec.finite(g);
    }

    void saveEpoch() {
      System.arraycopy(x, 0, xEpoch, 0, n);
      System.arraycopy(g, 0, gEpoch, 0, n);
      fEpoch = f;
    }

    void restoreEpoch() {
      System.arraycopy(xEpoch, 0, x, 0, n);
      System.arraycopy(gEpoch, 0, g, 0, n);
      f = fEpoch;
    }

    void shuffle(SplittableRandom rng) {
      for (int i = rows - 1; i > 0; i--) {
        int j = rng.nextInt(i + 1);
        int tmp = perm[i];
        perm[i] = perm[j];
        perm[j] = tmp;
      }
    }
  }
}
