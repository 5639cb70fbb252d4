package gradus.optim;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * One data run (SPEC §9 "Data runs"); its arrays are allocated once, before the loop.
 *
 * <p>Each epoch visits every row once, in an order shuffled by a {@link SplittableRandom} seeded
 * with {@code seed} (the same permutation array is reshuffled each epoch; shuffle=false keeps row
 * order), in batches of {@code batch} rows, the last one partial. Each update uses one
 * minibatch's mean gradient. The full-data loss and gradient are evaluated at the start and
 * after each epoch; the convergence test uses them, once per epoch. {@code evaluations} counts
 * minibatch and full-data evaluations. A run ended mid-epoch (steps cap, interrupt, divergence)
 * evaluates the full data once more at the final point, so {@code f} and {@code gnorm} are always
 * full-data numbers.
 *
 * <p>Divergence: the run ends at the last iterate whose full-data loss is finite. When update
 * t+1 meets a non-finite minibatch loss at x_t, x_t cannot have a finite full-data loss either,
 * so the candidate is x_{t-1}; when the update itself gives a non-finite point, or the loss at
 * an epoch's end is not finite, the candidates are x_t, then x_{t-1}. A candidate whose full-data
 * loss is not finite gives way to the last epoch boundary (known finite). The path, the
 * minibatch losses and the epoch count end at the iterate reported.
 *
 * <p>With bounds each update is projected onto the box, and f's gradient norm is the projected
 * gradient's. With noise= each minibatch gradient gets the noise before the update sees it. With
 * a budget (benchmark) a minibatch is taken only while the budget leaves room for it and the
 * full-data pass after it, and the fallbacks of a divergence evaluate only within the budget.
 * Ctrl-C seen between updates ends the run at x_t; an interrupt thrown out of an evaluation
 * ({@link Objective#isInterrupt}) ends it at the last epoch boundary, the last point whose
 * full-data loss is known (evaluating again would meet the same interrupt).
 */
final class DataRun {
  private final BatchObjective b;
  private final FirstOrderMethod method;
  private final RunOptions o;
  private final String label;
  private final Bounds box;
  private final int n;
  private final int rows;
  /** x_t, and x_{t-1} when tPrev == t - 1; each update writes into xPrev's array and swaps. */
  private double[] x;
  private double[] xPrev;
  private final double[] g;
  private final double[] gb;
  private final double[] xEpoch;
  private final double[] gEpoch;
  private final int[] perm;
  private final Evaluator ev;
  private final PathRecorder rec;
  private final StateRows states;
  private final FirstOrderMethod.Stepper stepper;
  private final Noise noise;
  private final long budget;
  private final DoubleList values = new DoubleList();
  private final DoubleList gnorms = new DoubleList();
  private final DoubleList batchLosses = new DoubleList();
  private double f;
  private double gnorm;
  private double fEpoch;
  /** The update count t of x, of xPrev (t-1 when it holds the previous iterate) and of xEpoch. */
  private long t;
  private long tPrev = -1;
  private long tEpoch;
  private int epochs;
  private long batchEvaluations;
  /** Set when the run ends: one of Result's statuses, and the sentence saying why. */
  private String status;
  private String message;

  DataRun(BatchObjective b, double[] start, FirstOrderMethod method, RunOptions o, String label) {
    this.b = b;
    this.method = method;
    this.o = o;
    this.label = label;
    box = o.bounds();
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
    states = o.states() ? new StateRows(stepper) : null;
    noise = Noise.of(o);
    budget = o.budget() == null ? Long.MAX_VALUE : o.budget();
    rec = new PathRecorder(n, o.record(), states);
  }

  /** Evaluations so far: minibatches and full-data passes. */
  private long spent() {
    return ev.evaluations + batchEvaluations;
  }

  Result run() {
    long t0 = System.nanoTime();
    long cap = o.stepsGiven() ? o.steps()
        : o.epochs() != null ? Long.MAX_VALUE : RunOptions.DEFAULT_STEPS;
    SplittableRandom rng = new SplittableRandom(o.seed());
    Ticker ticker = new Ticker(o.progress());
    boolean started = false;
    try {
      evalFull();
      started = true;
      values.add(f);
      gnorms.add(gnorm);
      if (finite()) stepper.begin(x, g);
      rec.offer(0, x, f, gnorm, spent());
      saveEpoch();
      if (!finite()) {
        stop(Result.DIVERGED, "The loss is not finite at the start (f = " + Check.num(f) + ").");
      }
      while (status == null) {
        if (gnorm <= o.gtol()) {
          stop(Result.CONVERGED, "Converged: the full-data " + Minimizer.gradientName(box)
              + "'s largest component " + Check.num(gnorm) + " is within gtol = "
              + Check.num(o.gtol()) + ".");
        } else if (o.epochs() != null && epochs >= o.epochs()) {
          stop(Result.MAX_STEPS, "Finished " + epochs + " epochs (" + t + " updates).");
        } else if (t >= cap) {
          stop(Result.MAX_STEPS, "Reached the step limit of " + cap + " updates.");
        } else {
          if (o.shuffle()) shuffle(rng);
          epoch(cap, ticker);
        }
      }
    } catch (RuntimeException e) {
      if (!b.isInterrupt(e)) throw e;
      interruptedInside(started);
    }
    ticker.done();
    if (status.equals(Result.MAX_STEPS) && message.endsWith(".")) {
      message = message.substring(0, message.length() - 1) + "; the full-data " + Minimizer.gradientName(box)
          + "'s largest component is " + StopNotes.distance(gnorm, o.gtol()) + ".";
    }
    rec.finish(t, x, f, gnorm, spent());
    double time = (System.nanoTime() - t0) / 1e9;
    return new Result(x.clone(), f, Minimizer.reported(box, x, g), gnorm, t, spent(),
        status, message, rec.path(), values.toArray(), method.describe(), label, time,
        batchLosses.toArray(), rec.iterations(), 0, epochs, gnorms.toArray(), rec.values(),
        rec.extras());
  }

  private void stop(String why, String sentence) {
    status = why;
    message = sentence;
  }

  /**
   * Ctrl-C inside an evaluation: back to the last epoch boundary (the start if the run had not
   * finished an epoch), or, if the start itself was being evaluated, the start with unknown f.
   */
  private void interruptedInside(boolean started) {
    long during = t + 1;
    if (!started) {
      f = Double.NaN;
      Arrays.fill(g, Double.NaN);
      gnorm = Double.NaN;
      stop(Result.INTERRUPTED, "Interrupted while evaluating the start.");
      return;
    }
    restoreEpoch();
    stop(Result.INTERRUPTED, "Interrupted during update " + during + "; the result is "
        + (epochs == 0 ? "the start" : "the end of epoch " + epochs + " (update " + t + ")")
        + ", the last point whose full-data loss is known.");
  }

  /** One pass over the shuffled rows, then the full-data loss; sets status if the run ends. */
  private void epoch(long cap, Ticker ticker) {
    int batch = o.batch() == null ? rows : Math.min(o.batch(), rows);
    for (int from = 0; from < rows; from += batch) {
      // room for this minibatch and the full-data pass that must follow it
      boolean spentBudget = spent() > budget - 2;
      if (o.interrupted() || t >= cap || spentBudget) {
        long last = t;
        if (o.interrupted()) stop(Result.INTERRUPTED, "Interrupted after " + t + " updates.");
        else if (t >= cap) stop(Result.MAX_STEPS, "Reached the step limit of " + cap + " updates.");
        else stop(Result.MAX_STEPS, "Used the budget of " + Minimizer.evaluations(budget) + " (minibatches and"
            + " full-data passes) in " + t + " updates.");
        if (!settle(false)) {
          stop(Result.DIVERGED, "The full-data loss is not finite at update " + last
              + "; stopped at update " + t + ", the last finite iterate; try a smaller"
              + " learning rate.");
        }
        return;
      }
      double loss = b.batchValueAndGradient(x, perm, from, Math.min(from + batch, rows), gb);
      batchEvaluations++;
      if (!Double.isFinite(loss) || !Vec.finite(gb)) {
        stop(Result.DIVERGED, "Update " + (t + 1) + " met a non-finite minibatch loss; try a"
            + " smaller learning rate (lr was " + Check.num(method.lr.rate(t + 1)) + ").");
        settle(true);
        return;
      }
      batchLosses.add(loss);
      if (ticker.due()) ticker.report(t, loss, Vec.normInf(gb));
      double rate = method.lr.rate(t + 1);
      if (noise != null) noise.add(gb);
      stepper.update(x, gb, loss, rate, t + 1, xPrev);
      if (box != null) box.clip(xPrev);
      if (!Vec.finite(xPrev)) {
        behind(); // the stepper's states have taken the rejected update
        tPrev = -1; // its array now holds the bad point
        stop(Result.DIVERGED, Minimizer.divergedMessage(t + 1, "point", rate));
        settle(false);
        return;
      }
      if (states != null) states.step = StateRows.distance(xPrev, x);
      double[] swap = xPrev;
      xPrev = x;
      x = swap;
      tPrev = t++;
      rec.offer(t, x, Double.NaN, Double.NaN, spent());
    }
    evalFull();
    if (!finite()) {
      stop(Result.DIVERGED, "The full-data loss became non-finite after epoch " + (epochs + 1)
          + " (update " + t + "); try a smaller learning rate.");
      settle(true);
      return;
    }
    epochs++;
    values.add(f);
    gnorms.add(gnorm);
    rec.know(t, f, gnorm);
    saveEpoch();
  }

  /**
   * Ends the run at the last iterate with a finite full-data loss: x_t unless {@code xBad} says
   * its loss is known not to be finite, then x_{t-1}, then the last epoch boundary. Returns
   * whether x_t itself was kept.
   */
  private boolean settle(boolean xBad) {
    if (!xBad) {
      if (t == tEpoch) return true; // its full-data numbers are the ones at hand
      if (spent() < budget) {
        evalFull();
        if (finite()) return true;
      }
    }
    boolean found = false;
    behind();
    if (tPrev == t - 1 && tPrev > tEpoch && spent() < budget) {
      System.arraycopy(xPrev, 0, x, 0, n);
      t = tPrev;
      evalFull();
      found = finite();
    }
    if (!found) restoreEpoch();
    rec.dropAfter(t);
    batchLosses.truncate((int) t);
    return false;
  }

  /** Back to the last epoch boundary (its full-data numbers are known); the path ends there. */
  private void restoreEpoch() {
    if (t != tEpoch) behind();
    System.arraycopy(xEpoch, 0, x, 0, n);
    System.arraycopy(gEpoch, 0, g, 0, n);
    f = fEpoch;
    gnorm = Minimizer.gnorm(box, x, g);
    t = tEpoch;
    rec.dropAfter(t);
    batchLosses.truncate((int) t);
  }

  /** The run ends at an iterate before the stepper's states: rows still to be kept get NaN states. */
  private void behind() {
    if (states != null) states.stale();
  }

  private void evalFull() {
    f = ev.eval(x, g);
    gnorm = Minimizer.gnorm(box, x, g);
  }

  private boolean finite() {
    return Double.isFinite(f) && Double.isFinite(gnorm);
  }

  private void saveEpoch() {
    System.arraycopy(x, 0, xEpoch, 0, n);
    System.arraycopy(g, 0, gEpoch, 0, n);
    fEpoch = f;
    tEpoch = t;
  }

  private void shuffle(SplittableRandom rng) {
    for (int i = rows - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int tmp = perm[i];
      perm[i] = perm[j];
      perm[j] = tmp;
    }
  }
}
