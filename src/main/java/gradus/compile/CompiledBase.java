package gradus.compile;

import java.util.Arrays;

/**
 * The superclass of every generated evaluator. Generated methods read the call's arguments from
 * these fields and keep node values ({@code s}) and adjoints ({@code a}) of large scopes in the
 * preallocated scratch arrays; small loop bodies live in JVM locals.
 */
public abstract class CompiledBase implements CompiledFunction {
  protected double[] s;
  protected double[] a;
  protected double[] x;
  protected double[] f;
  protected double[] g;
  protected int off;
  private int n;
  private int nf;
  private Interpreted hess;

  final void setup(int n, int nf, int scratch, Interpreted hess) {
    this.n = n;
    this.nf = nf;
    this.s = new double[scratch];
    this.a = new double[scratch];
    this.hess = hess;
    this.f = new double[0];
  }

  /** Forward pass only; returns the value. */
  protected abstract double fwd();

  /** Value and gradient in one forward and one reverse sweep; adds the gradient into {@code g}. */
  protected abstract double grad();

  @Override
  public final int dimension() {
    return n;
  }

  @Override
  public final int fieldCount() {
    return nf;
  }

  private void bind(double[] x, double[] fields, int off) {
    Checks.args(x, n, fields, nf, off);
    this.x = x;
    if (nf > 0) this.f = fields;
    this.off = off;
  }

  @Override
  public final double value(double[] x, double[] fields, int off) {
    bind(x, fields, off);
    return fwd();
  }

  @Override
  public final double valueAndGradient(double[] x, double[] fields, int off, double[] grad) {
    Checks.grad(grad, n);
    Arrays.fill(grad, 0, n, 0.0);
    return accumulate(x, fields, off, grad);
  }

  @Override
  public final double accumulate(double[] x, double[] fields, int off, double[] gradAcc) {
    Checks.grad(gradAcc, n);
    bind(x, fields, off);
    this.g = gradAcc;
    return grad();
  }

  /** Forward-over-reverse on the interpreter's tape (see {@link Interpreted}). */
  @Override
  public final void hessian(double[] x, double[] fields, int off, double[] h) {
    hess.hessian(x, fields, off, h);
  }
}
