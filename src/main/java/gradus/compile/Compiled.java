package gradus.compile;

import java.util.Arrays;

/** One instance of a function's generated code (see {@link CompiledFunction}). */
final class Compiled implements CompiledFunction {
  private static final double[] NONE = new double[0];

  private final Programs programs;
  private final int n;
  private final int nf;
  private Generated value;
  private Generated gradient;
  private Generated hessian;
  private Generated hvp;
  private double[] entries;

  Compiled(Programs programs) {
    this.programs = programs;
    this.n = programs.f.signature().dimension();
    this.nf = programs.f.signature().fieldCount();
  }

  @Override
  public int dimension() {
    return n;
  }

  @Override
  public int fieldCount() {
    return nf;
  }

  private Generated bind(Generated g, double[] x, double[] fields, int off) {
    Checks.args(x, n, fields, nf, off);
    g.x = x;
    g.f = nf > 0 ? fields : NONE;
    g.off = off;
    return g;
  }

  @Override
  public double value(double[] x, double[] fields, int off) {
    if (value == null) value = programs.value().instance();
    return bind(value, x, fields, off).run();
  }

  @Override
  public double valueAndGradient(double[] x, double[] fields, int off, double[] grad) {
    Checks.vector(grad, n, "gradient");
    Arrays.fill(grad, 0, n, 0.0);
    return accumulate(x, fields, off, grad);
  }

  @Override
  public double accumulate(double[] x, double[] fields, int off, double[] gradAcc) {
    Checks.vector(gradAcc, n, "gradient");
    if (gradient == null) gradient = programs.gradient().instance();
    Generated g = bind(gradient, x, fields, off);
    g.g = gradAcc;
    return g.run();
  }

  @Override
  public HessianPattern hessianPattern() {
    return programs.pattern();
  }

  @Override
  public void accumulateHessian(double[] x, double[] fields, int off, double[] values) {
    int[] order = programs.order();
    Checks.vector(values, programs.pattern().nnz(), "Hessian values");
    if (hessian == null) hessian = programs.hessian().instance();
    Generated g = bind(hessian, x, fields, off);
    g.hv = values;
    g.ho = order;
    g.hk = 0;
    g.run();
  }

  @Override
  public void hessian(double[] x, double[] fields, int off, double[] h) {
    HessianPattern p = hessianPattern();
    Checks.vector(h, (long) n * n, "Hessian");
    if (entries == null) entries = new double[p.nnz()];
    Arrays.fill(entries, 0);
    accumulateHessian(x, fields, off, entries);
    Arrays.fill(h, 0, n * n, 0.0);
    for (int j = 0; j < n; j++) {
      for (int q = p.colStarts()[j]; q < p.colStarts()[j + 1]; q++) h[p.rows()[q] * n + j] = entries[q];
    }
  }

  @Override
  public void accumulateHessianVector(double[] x, double[] fields, int off, double[] v, double[] out) {
    Checks.vector(v, n, "direction");
    Checks.vector(out, n, "result");
    if (hvp == null) hvp = programs.hvp().instance();
    Generated g = bind(hvp, x, fields, off);
    g.v = v;
    g.g = out;
    g.run();
  }

  @Override
  public CompiledFunction copy() {
    return new Compiled(programs);
  }
}
