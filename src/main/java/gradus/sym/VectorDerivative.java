package gradus.sym;

import java.util.List;

/**
 * A derivative of a scalar function with one entry per flattened variable — the gradient, or
 * the Hessian-vector product — printed from the simplified entries of its program.
 */
abstract class VectorDerivative implements SymFunction {
  private final ScalarFunction f;
  private volatile List<Expr> shown;

  VectorDerivative(ScalarFunction f) {
    this.f = f;
  }

  /** The function differentiated (its programs are what evaluates). */
  public ScalarFunction function() {
    return f;
  }

  /** The scatter program whose entries this prints. */
  abstract List<Stmt> program();

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

  /** The entries to print (null marks the {@code ...} of a summary of a long vector). */
  public List<Expr> entries() {
    List<Expr> s = shown;
    if (s == null) {
      s = Display.gradient(Derivatives.simplified(program(), signature()), signature());
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
  public String toString() {
    return text();
  }
}
