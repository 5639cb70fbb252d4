package gradus.optim;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/** A name → (spec, maker) table: the optimizers and the schedules are each one of these. */
final class Registry<T> {
  private final String kind;
  private final BiFunction<T, String, T> describedAs;
  private final Map<String, MethodSpec> specs = new LinkedHashMap<>();
  private final Map<String, Function<Args, T>> makers = new LinkedHashMap<>();

  Registry(String kind, BiFunction<T, String, T> describedAs) {
    this.kind = kind;
    this.describedAs = describedAs;
  }

  Registry<T> add(MethodSpec spec, Function<Args, T> maker) {
    specs.put(spec.name(), spec);
    makers.put(spec.name(), maker);
    return this;
  }

  Map<String, MethodSpec> specs() {
    return Collections.unmodifiableMap(specs);
  }

  /** Validates the given arguments against the spec and builds the value, described as called. */
  T create(String name, Map<String, Object> given) {
    MethodSpec spec = specs.get(name);
    if (spec == null) throw Check.bad("unknown " + kind + " '" + name + "'");
    Args args = new Args(spec, given);
    return describedAs.apply(makers.get(name).apply(args), args.describe());
  }
}
