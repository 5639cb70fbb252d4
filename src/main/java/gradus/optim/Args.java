package gradus.optim;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The arguments of one method or schedule call, checked against its {@link MethodSpec}: unknown
 * names and wrong kinds are rejected here; ranges are checked by the constructors.
 */
final class Args {
  private final MethodSpec spec;
  private final Map<String, Object> given;

  Args(MethodSpec spec, Map<String, Object> given) {
    this.spec = spec;
    this.given = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : given.entrySet()) {
      Param p = spec.param(e.getKey());
      if (p == null) {
        throw Check.bad(spec.params().isEmpty()
            ? spec.name() + " takes no parameters, got '" + e.getKey() + "'"
            : spec.name() + " has no parameter '" + e.getKey() + "'; it takes "
                + String.join(", ", spec.params().stream().map(Param::name).toList()));
      }
      this.given.put(e.getKey(), checkKind(p, e.getValue()));
    }
    for (Param p : spec.params()) {
      if (p.required() && !this.given.containsKey(p.name())) {
        throw Check.bad(spec.name() + " needs " + p.name() + "=");
      }
    }
  }

  private static Object checkKind(Param p, Object v) {
    switch (p.kind()) {
      case BOOLEAN -> {
        if (v instanceof Boolean) return v;
        throw Check.bad(p.name(), p.name() + " must be true or false, got " + show(v));
      }
      case INTEGER -> {
        if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
            && Math.abs(n.doubleValue()) < Integer.MAX_VALUE) return n.intValue();
        throw Check.bad(p.name(), p.name() + " must be a whole number, got " + show(v));
      }
      case NUMBER -> {
        if (v instanceof Number n) return n.doubleValue();
        throw Check.bad(p.name(), p.name() + " must be a number, got " + show(v));
      }
      default -> {
        if (v instanceof Number n) return n.doubleValue();
        if (v instanceof Schedule) return v;
        throw Check.bad(p.name(), p.name() + " must be a number or a schedule, got " + show(v));
      }
    }
  }

  static String show(Object v) {
    if (v instanceof Number n) return Check.num(n.doubleValue());
    if (v instanceof Schedule s) return s.describe();
    if (v instanceof String s) return "\"" + s + "\"";
    return String.valueOf(v);
  }

  private Object get(String name) {
    Object v = given.get(name);
    return v != null ? v : spec.param(name).defaultValue();
  }

  double num(String name) {
    return ((Number) get(name)).doubleValue();
  }

  int integer(String name) {
    return ((Number) get(name)).intValue();
  }

  boolean bool(String name) {
    return (Boolean) get(name);
  }

  Schedule rate(String name) {
    Object v = get(name);
    return v instanceof Schedule s ? s : Schedule.constant(((Number) v).doubleValue());
  }

  /** {@code name(k=v, ...)} with only the given arguments, in the table's order. */
  String describe() {
    StringBuilder b = new StringBuilder(spec.name()).append('(');
    boolean first = true;
    for (Param p : spec.params()) {
      if (!given.containsKey(p.name())) continue;
      if (!first) b.append(", ");
      first = false;
      b.append(p.name()).append('=').append(show(given.get(p.name())));
    }
    return b.append(')').toString();
  }
}
