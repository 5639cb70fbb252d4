package gradus.optim;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Settings of one run (immutable; each {@code withX} returns a changed copy). {@code steps ==
 * null} means "not given": the cap is then 1000 updates, except in a data run with {@code epochs}
 * given, which has no step cap. {@code label == null} means the method string. {@code record = k}
 * keeps every k-th iterate in the path. {@code batch == null} uses all rows per update; a data run
 * happens when the objective is a {@link BatchObjective} and batch or epochs is given. {@code
 * progress}, when not null, sees the run a few times a second (see {@link Progress}). {@code
 * bounds == null} is an unbounded run.
 */
public final class RunOptions implements Cloneable {
  public static final int DEFAULT_STEPS = 1000;

  private Integer steps;
  private double gtol = 1e-6;
  private String label;
  private int record = 1;
  private AtomicBoolean interrupt;
  private Integer batch;
  private Integer epochs;
  private long seed;
  private boolean shuffle = true;
  private Progress progress;
  private Bounds bounds;
  private double noise;
  private boolean states;
  private Long budget;

  private RunOptions() {}

  public static RunOptions defaults() {
    return new RunOptions();
  }

  public Integer steps() {
    return steps;
  }

  public double gtol() {
    return gtol;
  }

  public String label() {
    return label;
  }

  public int record() {
    return record;
  }

  public AtomicBoolean interrupt() {
    return interrupt;
  }

  public Integer batch() {
    return batch;
  }

  public Integer epochs() {
    return epochs;
  }

  public long seed() {
    return seed;
  }

  public boolean shuffle() {
    return shuffle;
  }

  public Progress progress() {
    return progress;
  }

  public Bounds bounds() {
    return bounds;
  }

  /** The standard deviation of the Gaussian noise added to each gradient a first-order method sees (0: none). */
  public double noise() {
    return noise;
  }

  /** Whether the run records the optimizer's states per kept iterate ({@link PathExtras}). */
  public boolean states() {
    return states;
  }

  /** The most objective-and-gradient evaluations the run may make, or null for no limit. */
  public Long budget() {
    return budget;
  }

  public boolean stepsGiven() {
    return steps != null;
  }

  private RunOptions copy() {
    try {
      return (RunOptions) clone();
    } catch (CloneNotSupportedException e) {
      throw new AssertionError(e);
    }
  }

  public RunOptions withSteps(Integer v) {
    if (v != null && v < 0) throw Check.bad("steps must be >= 0, got " + v);
    RunOptions o = copy();
    o.steps = v;
    return o;
  }

  public RunOptions withGtol(double v) {
    if (!(v >= 0)) throw Check.bad("gtol must be >= 0, got " + Check.num(v));
    RunOptions o = copy();
    o.gtol = v;
    return o;
  }

  public RunOptions withLabel(String v) {
    RunOptions o = copy();
    o.label = v;
    return o;
  }

  public RunOptions withRecord(int v) {
    if (v < 1) throw Check.bad("record must be >= 1, got " + v);
    RunOptions o = copy();
    o.record = v;
    return o;
  }

  public RunOptions withInterrupt(AtomicBoolean v) {
    RunOptions o = copy();
    o.interrupt = v;
    return o;
  }

  public RunOptions withBatch(Integer v) {
    if (v != null && v < 1) throw Check.bad("batch must be >= 1, got " + v);
    RunOptions o = copy();
    o.batch = v;
    return o;
  }

  public RunOptions withEpochs(Integer v) {
    if (v != null && v < 0) throw Check.bad("epochs must be >= 0, got " + v);
    RunOptions o = copy();
    o.epochs = v;
    return o;
  }

  public RunOptions withSeed(long v) {
    RunOptions o = copy();
    o.seed = v;
    return o;
  }

  public RunOptions withShuffle(boolean v) {
    RunOptions o = copy();
    o.shuffle = v;
    return o;
  }

  public RunOptions withProgress(Progress v) {
    RunOptions o = copy();
    o.progress = v;
    return o;
  }

  public RunOptions withBounds(Bounds v) {
    RunOptions o = copy();
    o.bounds = v;
    return o;
  }

  public RunOptions withNoise(double v) {
    if (!(v >= 0) || !Double.isFinite(v)) throw Check.bad("noise", "noise must be a finite number >= 0, got " + Check.num(v));
    RunOptions o = copy();
    o.noise = v;
    return o;
  }

  public RunOptions withStates(boolean v) {
    RunOptions o = copy();
    o.states = v;
    return o;
  }

  public RunOptions withBudget(Long v) {
    if (v != null && v < 1) throw Check.bad("budget", "budget must be >= 1, got " + v);
    RunOptions o = copy();
    o.budget = v;
    return o;
  }

  /** An opaque read: it sees the flag soon after Ctrl-C sets it, without fencing the loop. */
  boolean interrupted() {
    return interrupt != null && interrupt.getOpaque();
  }
}
