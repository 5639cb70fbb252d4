package gradus.sym;

import java.util.List;

/**
 * A declared scalar function {@code name(vars; fields) = body}, or a partial derivative. The body
 * is kept simplified ({@link #body()}); {@link #declaredBody()} is the validated body as declared.
 */
public final class ScalarFunction implements SymFunction {
  private final String name;
  private final Signature signature;
  private final Expr declared;
  private final Expr body;
  private final Expr display;
  private volatile Tape tape;
  private volatile List<Stmt> gradient;

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

  /** The simplified body: what is differentiated, evaluated and compiled. */
  public Expr body() {
    return body;
  }

  /** The body as declared (after validation: loop indices as {@link Expr.Index} nodes). */
  public Expr declaredBody() {
    return declared;
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

  @Override
  public double[] evaluate(double[] x, double[] fields) {
    return new double[] {value(x, fields)};
  }

  /** The value at the flattened variables and fields. */
  public double value(double[] x, double[] fields) {
    Functions.checkArgs(signature, x, fields);
    return tape().value(x, fields == null ? new double[0] : fields);
  }

  /** The simplified gradient program of the body (cached). */
  List<Stmt> gradientStatements() {
    List<Stmt> g = gradient;
    if (g == null) {
      g = Derivatives.gradientStatements(body, signature);
      gradient = g;
    }
    return g;
  }

  private Tape tape() {
    Tape t = tape;
    if (t == null) {
      t = Tape.ofExpr(body, signature);
      tape = t;
    }
    return t;
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
