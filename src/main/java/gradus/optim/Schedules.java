package gradus.optim;

import java.util.Map;

/** The table of learning-rate schedules, for the interpreter. */
public final class Schedules {
  private Schedules() {}

  private static final Registry<Schedule> TABLE = new Registry<Schedule>("schedule", Schedule::describedAs)
      .add(StepLr.SPEC, StepLr::from)
      .add(ExponentialLr.SPEC, ExponentialLr::from)
      .add(PolynomialLr.SPEC, PolynomialLr::from)
      .add(CosineLr.SPEC, CosineLr::from)
      .add(LinearWarmup.SPEC, LinearWarmup::from);

  /** Name → spec, in the order of SPEC §6. */
  public static Map<String, MethodSpec> specs() {
    return TABLE.specs();
  }

  /** Builds a schedule; {@code IllegalArgumentException} names a bad argument and its value. */
  public static Schedule create(String name, Map<String, Object> given) {
    return TABLE.create(name, given);
  }
}
