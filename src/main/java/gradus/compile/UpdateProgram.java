package gradus.compile;

import gradus.sym.Expr;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One update of an optimizer written in Gradus, as {@code gradus.sym} expressions over one
 * coordinate: the interpreter builds it from the optimizer's statements, {@link UpdateCompiler}
 * turns it into a class. The expressions are taken exactly as given (never simplified or
 * regrouped), so the compiled update computes the operations of the statements, in their order.
 *
 * <p>Leaves: {@code x} and {@code g} (the coordinate of the point and of the gradient), each
 * state by its name (its value before the update), the per-update numbers {@code f}, {@code lr},
 * {@code t} and the dimension {@code n}, and the name of each sum.
 *
 * @param states the state names, in declaration order
 * @param sums   whole-vector sums: name → the summand (an expression of one coordinate, no sums),
 *               computed over all coordinates before the update
 * @param x      the new coordinate of the point
 * @param next   each state's new value (the state's own leaf when the update leaves it)
 * @param start  each state's start value, an expression of {@code x}, {@code g} and numbers
 */
public record UpdateProgram(List<String> states, Map<String, Expr> sums, Expr x, List<Expr> next,
    List<Expr> start) {
  /** The leaves every update has, whatever its statements. */
  public static final List<String> INPUTS = List.of("x", "g", "f", "lr", "t", "n");

  public UpdateProgram {
    states = List.copyOf(states);
    sums = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(sums));
    next = List.copyOf(next);
    start = List.copyOf(start);
    if (next.size() != states.size() || start.size() != states.size()) {
      throw new IllegalArgumentException("one next and one start value per state");
    }
  }
}
