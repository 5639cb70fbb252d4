package gradus.sym;

import java.util.List;

/**
 * The Hessian-vector product of a scalar function: for a point x and a direction v, the vector
 * H(x)·v, computed by forward mode over the gradient program without forming H. It prints as
 * its entries, in which {@code x'} stands for the direction's x component.
 */
public final class HvpFunction implements SymFunction {
  private final ScalarFunction f;
  private volatile List<Expr> shown;

  HvpFunction(ScalarFunction f) {
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
    return 1;
  }

  public List<Expr> entries() {
    List<Expr> s = shown;
    if (s == null) {
      s = Display.gradient(Derivatives.simplified(f.hvpProgram(), signature()), signature());
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
