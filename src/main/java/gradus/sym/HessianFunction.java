package gradus.sym;

import java.util.List;

/**
 * The Hessian of a scalar function: a symmetric n×n matrix function. It is kept as a scatter
 * program over pairs of slots, so evaluation touches only the structurally non-zero entries.
 */
public final class HessianFunction implements SymFunction {
  private final ScalarFunction f;
  private final List<Stmt> statements;
  private volatile Tape tape;
  private volatile List<List<Expr>> shown;

  HessianFunction(ScalarFunction f) {
    this.f = f;
    this.statements = Derivatives.hessianStatements(f.gradientStatements(), f.signature());
  }

  public ScalarFunction function() {
    return f;
  }

  /**
   * The scatter program over pairs: {@code Acc(row, col, v)} adds v to H[row][col]. It is the
   * Jacobian of the gradient program, so both (r, c) and (c, r) are computed in full;
   * {@link #evaluate} averages them (they differ only by rounding, or at non-smooth points).
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
    return rows();
  }

  /** Rows to print (null marks a {@code ...} row or entry of a summary of a large Hessian). */
  public List<List<Expr>> entries() {
    List<List<Expr>> s = shown;
    if (s == null) {
      s = Display.hessian(statements, signature());
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

  /** Largest n whose dense n×n Hessian {@link #evaluate} builds (about 400 MB of doubles). */
  public static final int MAX_DENSE = 7000;

  @Override
  public double[] evaluate(double[] x, double[] fields) {
    int n = rows();
    if (n > MAX_DENSE) {
      throw new SymException("the Hessian of " + n + " variables is too large to build as a dense matrix ("
          + Numbers.format((double) n * n) + " numbers)");
    }
    double[] out = new double[n * n];
    evaluateInto(x, fields, out);
    return out;
  }

  /** Overwrites {@code out} (n*n, row-major) with the symmetric Hessian. */
  public void evaluateInto(double[] x, double[] fields, double[] out) {
    Functions.checkArgs(signature(), x, fields);
    int n = rows();
    java.util.Arrays.fill(out, 0, n * n, 0);
    Tape t = tape();
    t.run(x, fields == null ? new double[0] : fields, out, n);
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        double a = out[i * n + j];
        double b = out[j * n + i];
        if (a != b) {
          double m = 0.5 * (a + b);
          out[i * n + j] = m;
          out[j * n + i] = m;
        }
      }
    }
  }

  /** Receives the structurally non-zero Hessian contributions of {@link #forEachEntry}. */
  @FunctionalInterface
  public interface EntrySink {
    /** Adds {@code value} to H[row][col] (0-based flat indices; a pair may come several times). */
    void add(int row, int col, double value);
  }

  /**
   * Runs the sparse scatter program without a dense matrix: every contribution to H[row][col] is
   * handed to {@code sink} (sum repeated pairs; both (r, c) and (c, r) are produced, each in full,
   * so average them for the symmetric value as {@link #evaluate} does). Use this for large n.
   */
  public void forEachEntry(double[] x, double[] fields, EntrySink sink) {
    Functions.checkArgs(signature(), x, fields);
    tape().run(x, fields == null ? new double[0] : fields, sink::add);
  }

  private Tape tape() {
    Tape t = tape;
    if (t == null) {
      t = Tape.ofStmts(statements, signature());
      tape = t;
    }
    return t;
  }

  @Override
  public String toString() {
    return text();
  }
}
