package gradus.sym;

import java.util.List;

/**
 * A declared scalar function {@code name(vars; fields) = body}, or a partial derivative. The body
 * is kept simplified ({@link #body()}: what prints); {@link #declaredBody()} is the validated body
 * as declared. The programs the compiler turns into code — the value, the gradient, the Hessian
 * and the Hessian-vector product — are built once, on first use, from the same normalized body.
 */
public final class ScalarFunction implements SymFunction {
  private final String name;
  private final Signature signature;
  private final Expr declared;
  private final Expr body;
  private final Expr display;
  private volatile Expr evaluated;
  private volatile List<Stmt> gradient;
  private volatile List<Stmt> hessian;
  private volatile List<Stmt> hvp;

  ScalarFunction(String name, Signature signature, Expr declared, Expr body, Expr display) {
    this.name = name;
    this.signature = signature;
    this.declared = declared;
    this.body = body;
    this.display = display;
  }

  public String name() {
    return name;
  }

  @Override
  public Signature signature() {
    return signature;
  }

  /** The simplified body: what prints. */
  public Expr body() {
    return body;
  }

  /** The body as declared (after validation: loop indices as {@link Expr.Index} nodes). */
  public Expr declaredBody() {
    return declared;
  }

  /** The body in evaluation form ({@link Normalize}): what is differentiated and compiled. */
  public Expr evaluationBody() {
    Expr e = evaluated;
    if (e == null) {
      e = Normalize.of(body);
      evaluated = e;
    }
    return e;
  }

  /** The gradient program of the evaluation body (its values share the body's nodes). */
  public List<Stmt> gradientProgram() {
    List<Stmt> g = gradient;
    if (g == null) {
      g = Derivatives.gradientProgram(evaluationBody(), signature);
      gradient = g;
    }
    return g;
  }

  /** The Hessian program: {@code Acc(row, col, v)} adds v to H[row][col]. */
  public List<Stmt> hessianProgram() {
    List<Stmt> h = hessian;
    if (h == null) {
      h = Derivatives.hessianProgram(gradientProgram(), signature);
      hessian = h;
    }
    return h;
  }

  /**
   * The Hessian-vector program: {@code Acc(null, col, v)} adds (H·d)[col], where the direction d
   * is read through the symbols {@code x'} (see {@link #directionName}).
   */
  public List<Stmt> hvpProgram() {
    List<Stmt> h = hvp;
    if (h == null) {
      h = Derivatives.hvpProgram(gradientProgram(), signature);
      hvp = h;
    }
    return h;
  }

  /** The name of the direction's component for variable {@code var} in {@link #hvpProgram}. */
  public static String directionName(String var) {
    return var + Tangent.PRIME;
  }

  /** The variable whose direction component {@code name} is, or null when it is not one. */
  public static String directionOf(String name) {
    return name.endsWith(Tangent.PRIME) ? name.substring(0, name.length() - Tangent.PRIME.length()) : null;
  }

  @Override
  public int rows() {
    return 1;
  }

  @Override
  public int cols() {
    return 1;
  }

  /** The simplified body (a derivative of a small vector case prints its sums unrolled). */
  @Override
  public String text() {
    return (display != null ? display : body).text();
  }

  @Override
  public String latex() {
    return (display != null ? display : body).latex();
  }

  /**
   * This function's body with its parameters replaced by a caller's arguments (variables, then
   * fields, in order): a scalar parameter takes an {@link Expr}; a vector parameter takes the name
   * (a String) of a caller's vector of the same size, or a {@code List<Expr>} of the right length
   * when the body indexes it only with constants. Sum indices are renamed where they would
   * capture a caller's index.
   */
  public Expr inline(List<Object> args) {
    return Inline.inline(this, args);
  }

  @Override
  public String toString() {
    return text();
  }
}
