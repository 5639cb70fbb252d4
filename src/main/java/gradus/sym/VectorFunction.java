package gradus.sym;

import gradus.sym.Expr.Array;
import java.util.ArrayList;
import java.util.List;

/**
 * A vector-valued model: a block body whose value is a list ({@code z[c in 1..3] = ...; z}), such
 * as a network's outputs. Its body is one local {@link Array}; entry k of the value is the
 * array's k-th entry (1-based, whatever the array's own range). It is not differentiated itself
 * — a loss that calls it is — but it is evaluated (by the compiler's vector program), printed
 * and inlined into other bodies ({@code z = net(W, b, x)}, then {@code z[c]}).
 */
public final class VectorFunction implements SymFunction {
  private final String name;
  private final Signature signature;
  private final Array body;

  VectorFunction(String name, Signature signature, Array body) {
    this.name = name;
    this.signature = signature;
    this.body = body;
  }

  public String name() {
    return name;
  }

  @Override
  public Signature signature() {
    return signature;
  }

  /** The simplified body: the array of outputs. */
  public Array body() {
    return body;
  }

  /** The number of outputs. */
  public int length() {
    return body.size();
  }

  /** The outputs' array in evaluation form (what is compiled). */
  public Array evaluationBody() {
    return (Array) Normalize.of(body);
  }

  @Override
  public int rows() {
    return length();
  }

  @Override
  public int cols() {
    return 1;
  }

  /** The block: the locals (the outputs' array last), then that array's name as the value. */
  @Override
  public String text() {
    return Printer.text(body);
  }

  @Override
  public String latex() {
    return Printer.latex(body);
  }

  /** This function's body (an array) with its parameters replaced by a caller's arguments (see {@link ScalarFunction#inline}). */
  public Expr inline(List<Object> args) {
    return Inline.inline(name, signature, body, args);
  }

  /** The outputs as a list of expressions (element reads of the body array), for small cases. */
  public List<Expr> entries() {
    List<Expr> out = new ArrayList<>();
    double lo = ((Expr.Const) body.lo().get(0)).value();
    for (int k = 0; k < length(); k++) out.add(Sym.at(body, List.of(Sym.num(lo + k))));
    return out;
  }

  @Override
  public String toString() {
    return text();
  }
}
