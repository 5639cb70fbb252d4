package gradus.optim;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Settings of one run. {@code steps == null} means "not given": the cap is then 1000 updates,
 * except in a data run with {@code epochs} given, which has no step cap. {@code label == null}
 * means the method string. {@code record = k} keeps every k-th iterate in the path.
 * {@code batch == null} uses all rows per update; a data run happens when the objective is a
 * {@link BatchObjective} and batch or epochs is given.
 */
public record RunOptions(Integer steps, double gtol, String label, int record,
    AtomicBoolean interrupt, Integer batch, Integer epochs, long seed, boolean shuffle) {

  public static final int DEFAULT_STEPS = 1000;

  public RunOptions {
    if (steps != null && steps < 0) throw Check.bad("steps must be >= 0, got " + steps);
    if (!(gtol >= 0)) throw Check.bad("gtol must be >= 0, got " + Check.num(gtol));
    if (record < 1) throw Check.bad("record must be >= 1, got " + record);
    if (batch != null && batch < 1) throw Check.bad("batch must be >= 1, got " + batch);
    if (epochs != null && epochs < 0) throw Check.bad("epochs must be >= 0, got " + epochs);
  }

  public static RunOptions defaults() {
    return new RunOptions(null, 1e-6, null, 1, null, null, null, 0, true);
  }

  public boolean stepsGiven() {
    return steps != null;
  }

  public RunOptions withSteps(Integer v) {
    return new RunOptions(v, gtol, label, record, interrupt, batch, epochs, seed, shuffle);
  }

  public RunOptions withGtol(double v) {
    return new RunOptions(steps, v, label, record, interrupt, batch, epochs, seed, shuffle);
  }

  public RunOptions withLabel(String v) {
    return new RunOptions(steps, gtol, v, record, interrupt, batch, epochs, seed, shuffle);
  }

  public RunOptions withRecord(int v) {
    return new RunOptions(steps, gtol, label, v, interrupt, batch, epochs, seed, shuffle);
  }

  public RunOptions withInterrupt(AtomicBoolean v) {
    return new RunOptions(steps, gtol, label, record, v, batch, epochs, seed, shuffle);
  }

  public RunOptions withBatch(Integer v) {
    return new RunOptions(steps, gtol, label, record, interrupt, v, epochs, seed, shuffle);
  }

  public RunOptions withEpochs(Integer v) {
    return new RunOptions(steps, gtol, label, record, interrupt, batch, v, seed, shuffle);
  }

  public RunOptions withSeed(long v) {
    return new RunOptions(steps, gtol, label, record, interrupt, batch, epochs, v, shuffle);
  }

  public RunOptions withShuffle(boolean v) {
    return new RunOptions(steps, gtol, label, record, interrupt, batch, epochs, seed, v);
  }

  /** An opaque read: it sees the flag soon after Ctrl-C sets it, without fencing the loop. */
  boolean interrupted() {
    return interrupt != null && interrupt.getOpaque();
  }
}
