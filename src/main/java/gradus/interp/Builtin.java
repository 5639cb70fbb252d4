package gradus.interp;

import java.util.List;

/**
 * A built-in function value. {@code params} names the parameters in positional order; a name
 * ending in {@code ?} is optional, {@code *} takes all remaining positional arguments, and
 * {@code **} accepts any keyword (the builtin checks them itself).
 */
public record Builtin(String name, List<String> params, String help, Body body) implements Value.Obj {

  @FunctionalInterface
  public interface Body {
    Value call(Args args);
  }

  public String kind() {
    return "built-in function";
  }

  @Override
  public String toString() {
    return "<built-in " + name + ">";
  }

  /** The plain names of the parameters, for completion and suggestions. */
  public List<String> paramNames() {
    return params.stream().map(p -> p.replace("?", "").replace("*", "")).filter(p -> !p.isEmpty()).toList();
  }

  Value invoke(Args args) {
    return body.call(args);
  }
}
