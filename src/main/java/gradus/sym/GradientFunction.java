package gradus.sym;

import java.util.List;

/** The gradient of a scalar function: a vector function with one entry per flattened variable. */
public final class GradientFunction implements SymFunction {
  private final ScalarFunction f;
  private final List<Stmt> statements;
  private volatile Tape tape;
  private volatile List<Expr> shown;

  GradientFunction(ScalarFunction f) {
    this.f = f;
    this.statements = f.gradientStatements();
  }

  /** The function differentiated. */
  public ScalarFunction function() {
    return f;
  }

  /**
   * The scatter program: running it with zeroed output adds every partial derivative into its
   * flat slot ({@code Acc.row} is null).
   */
  public List<Stmt> statements() {
    return statements;
  }

  @Override
  public Signature signature() {
    return f.signature();
  }

  @Override
  public int rows() {
    return f.signature().dimension();
  }

  @Override
  public int cols() {
    return 1;
  }

  /** The entries to print (null marks the {@code ...} of a summary of a large gradient). */
  public List<Expr> entries() {
    List<Expr> s = shown;
    if (s == null) {
      s = Display.gradient(statements, signature());
      shown = s;
    }
    return s;
  }

  @Override
  public String text() {
    return Display.vectorText(entries(), false);
  }

  @Override
  public String latex() {
    return Display.vectorText(entries(), true);
  }

  @Override
  public double[] evaluate(double[] x, double[] fields) {
    double[] out = new double[rows()];
    evaluateInto(x, fields, out);
    return out;
  }

  /** Overwrites {@code out} (length n) with the gradient. */
  public void evaluateInto(double[] x, double[] fields, double[] out) {
    Functions.checkArgs(signature(), x, fields);
    java.util.Arrays.fill(out, 0, rows(), 0);
    Tape t = tape;
    if (t == null) {
      t = Tape.ofStmts(statements, signature());
      tape = t;
    }
    t.run(x, fields == null ? new double[0] : fields, out, 0);
  }

  @Override
  public String toString() {
    return text();
  }
}
