package gradus.sym;

import java.util.List;

/** The gradient of a scalar function: a vector function with one entry per flattened variable. */
public final class GradientFunction implements SymFunction {
  private final ScalarFunction f;
  private volatile List<Expr> shown;

  GradientFunction(ScalarFunction f) {
    this.f = f;
  }

  /** The function differentiated (its programs are what evaluates). */
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
    return 1;
  }

  /** The entries to print (null marks the {@code ...} of a summary of a large gradient). */
  public List<Expr> entries() {
    List<Expr> s = shown;
    if (s == null) {
      s = Display.gradient(Derivatives.simplified(f.gradientProgram(), signature()), signature());
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
