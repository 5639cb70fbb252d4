package gradus.optim;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/** The table of learning-rate schedules, for the interpreter. */
public final class Schedules {
  private Schedules() {}

  private static final Map<String, MethodSpec> SPECS = new LinkedHashMap<>();
  private static final Map<String, Function<Args, Schedule>> MAKERS = new LinkedHashMap<>();

  static {
    add(StepLr.SPEC, StepLr::from);
    add(ExponentialLr.SPEC, ExponentialLr::from);
    add(PolynomialLr.SPEC, PolynomialLr::from);
    add(CosineLr.SPEC, CosineLr::from);
    add(LinearWarmup.SPEC, LinearWarmup::from);
  }

  private static void add(MethodSpec spec, Function<Args, Schedule> maker) {
    SPECS.put(spec.name(), spec);
    MAKERS.put(spec.name(), maker);
  }

  /** Name → spec, in the order of SPEC §6. */
  public static Map<String, MethodSpec> specs() {
    return Collections.unmodifiableMap(SPECS);
  }

  /** Builds a schedule; {@code IllegalArgumentException} names a bad argument and its value. */
  public static Schedule create(String name, Map<String, Object> given) {
    MethodSpec spec = SPECS.get(name);
    if (spec == null) throw Check.bad("unknown schedule '" + name + "'");
    Args args = new Args(spec, given);
    return MAKERS.get(name).apply(args).describedAs(args.describe());
  }
}
