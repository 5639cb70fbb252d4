package gradus.compile;

import gradus.sym.VectorFunction;

/** One instance of a vector-valued model's generated code (see {@link CompiledVector}). */
final class CompiledOutputs implements CompiledVector {
  private static final double[] NONE = new double[0];

  private final VectorFunction f;
  private final Programs.Kind kind;
  private final Generated code;
  private final int n;
  private final int nf;

  CompiledOutputs(VectorFunction f, Programs.Kind kind) {
    this.f = f;
    this.kind = kind;
    this.code = kind.instance();
    this.n = f.signature().dimension();
    this.nf = f.signature().fieldCount();
  }

  @Override
  public int dimension() {
    return n;
  }

  @Override
  public int fieldCount() {
    return nf;
  }

  @Override
  public int length() {
    return f.length();
  }

  @Override
  public void values(double[] x, double[] fields, int off, double[] out) {
    Checks.args(x, n, fields, nf, off);
    Checks.vector(out, f.length(), "outputs");
    code.x = x;
    code.f = nf > 0 ? fields : NONE;
    code.off = off;
    java.util.Arrays.fill(out, 0, f.length(), 0.0);
    code.g = out;
    code.run();
  }

  @Override
  public CompiledVector copy() {
    return new CompiledOutputs(f, kind);
  }
}
