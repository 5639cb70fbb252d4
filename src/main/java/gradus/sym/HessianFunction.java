package gradus.sym;

import java.util.List;

/**
 * The Hessian of a scalar function: an n×n matrix function whose entry (i, j) is ∂/∂x_j of
 * gradient entry i (symmetric wherever the function is smooth). It is a scatter program over
 * pairs of slots, so its sparsity pattern is known before any number is computed.
 */
public final class HessianFunction implements SymFunction {
  private final ScalarFunction f;
  private volatile List<List<Expr>> shown;

  HessianFunction(ScalarFunction f) {
    this.f = f;
  }

  public ScalarFunction function() {
    return f;
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
    return rows();
  }

  /** Rows to print (null marks a {@code ...} row or entry of a summary of a large Hessian). */
  public List<List<Expr>> entries() {
    List<List<Expr>> s = shown;
    if (s == null) {
      s = Display.hessian(Derivatives.simplified(f.hessianProgram(), signature()), signature());
      shown = s;
    }
    return s;
  }

  @Override
  public String text() {
    return Display.matrixText(entries(), false);
  }

  @Override
  public String latex() {
    return Display.matrixText(entries(), true);
  }

  @Override
  public String toString() {
    return text();
  }
}
