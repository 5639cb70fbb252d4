package gradus.optim;

import java.util.List;

/** The name and ordered hyperparameters of an optimizer or schedule, for the interpreter. */
public record MethodSpec(String name, List<Param> params) {
  public MethodSpec {
    params = List.copyOf(params);
  }

  public Param param(String paramName) {
    for (Param p : params) if (p.name().equals(paramName)) return p;
    return null;
  }
}
