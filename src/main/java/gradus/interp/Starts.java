package gradus.interp;

import gradus.lang.GradusError;
import gradus.lang.Span;
import gradus.sym.Signature;
import gradus.sym.VarSpec;
import java.util.List;

/**
 * A start point (or any point) for a function's variables, flattened row-major in declaration
 * order: either all the numbers in one list ({@code randn(131)}), or one item per variable
 * ({@code [W1, b1, W2, b2]}) where each item has its variable's shape — a number, a list, or a
 * matrix (a list of rows; or its numbers row-major), checked, so a transposed matrix is an error
 * rather than scrambled weights.
 */
final class Starts {
  private Starts() {}

  static double[] point(FunctionValue f, Value v, Span span) {
    Signature sig = f.signature();
    int n = sig.dimension();
    List<VarSpec> vars = sig.vars();
    Value numeric = Values.numericOrSelf(v);
    if (numeric instanceof Value.Lst l && l.items().size() == vars.size()) return byVariable(f, l.items(), span);
    if (numeric instanceof Value.Mat m && vars.size() == 1 && vars.get(0).isMatrix()) {
      return shaped(f, vars.get(0), m, span);
    }
    if (numeric instanceof Value.Mat m && m.m().length == vars.size() && !matchesFlat(m, n)) return byVariable(f, rows(m), span);
    double[] x;
    if (numeric instanceof Value.Mat m) x = flat(m.m());
    else x = Values.vector(v, "the start point", span);
    if (x.length != n) {
      throw new GradusError(span, "the start point has " + x.length + " number" + (x.length == 1 ? "" : "s") + ", but "
          + f.name() + " takes " + FunctionValue.describeArity(sig));
    }
    return x;
  }

  private static boolean matchesFlat(Value.Mat m, int n) {
    return (long) m.m().length * (m.m().length == 0 ? 0 : m.m()[0].length) == n;
  }

  private static List<Value> rows(Value.Mat m) {
    return java.util.Arrays.stream(m.m()).map(r -> (Value) new Value.Vec(r)).toList();
  }

  /** One item per variable, each of its variable's shape. */
  private static double[] byVariable(FunctionValue f, List<Value> items, Span span) {
    double[] out = new double[f.signature().dimension()];
    int k = 0;
    List<VarSpec> vars = f.signature().vars();
    for (int i = 0; i < vars.size(); i++) {
      VarSpec p = vars.get(i);
      Value item = Values.numericOrSelf(items.get(i));
      double[] part;
      if (p.isMatrix() && item instanceof Value.Mat m) {
        part = shaped(f, p, m, span);
      } else if (p.isMatrix()) {
        // its numbers row-major, as randn(m*k) gives them
        part = Values.vector(item, "the start for " + p.name(), span);
        if (part.length != p.size()) {
          throw new GradusError(span, "the start for " + p.shapeText() + " (item " + (i + 1) + ") must be a matrix of "
              + p.dims().get(0) + " rows of " + p.cols() + " or a list of " + p.size() + " numbers, got " + describe(item));
        }
      } else {
        part = Values.vector(item, "the start for " + p.name(), span);
        if (part.length != p.width()) {
          throw new GradusError(span, "the start for " + p.shapeText() + " (item " + (i + 1) + ") must be "
              + (p.isVector() ? "a list of " + p.size() + " numbers" : "one number") + ", got " + describe(item));
        }
      }
      System.arraycopy(part, 0, out, k, part.length);
      k += part.length;
    }
    return out;
  }

  private static double[] shaped(FunctionValue f, VarSpec p, Value.Mat m, Span span) {
    int rows = m.m().length;
    int cols = rows == 0 ? 0 : m.m()[0].length;
    if (rows != p.dims().get(0) || cols != p.cols()) {
      throw new GradusError(span, "the start for " + p.shapeText() + " is a " + rows + " x " + cols + " matrix, but "
          + p.name() + " is " + p.dims().get(0) + " x " + p.cols() + " (rows x columns)");
    }
    return flat(m.m());
  }

  private static String describe(Value v) {
    if (v instanceof Value.Mat m) return "a " + m.m().length + " x " + (m.m().length == 0 ? 0 : m.m()[0].length) + " matrix";
    if (v instanceof Value.Vec vec) return "a list of " + vec.v().length + " numbers";
    if (v instanceof Value.Num) return "one number";
    return "a " + v.kind();
  }

  private static double[] flat(double[][] m) {
    int cols = m.length == 0 ? 0 : m[0].length;
    double[] out = new double[m.length * cols];
    for (int r = 0; r < m.length; r++) System.arraycopy(m[r], 0, out, r * cols, cols);
    return out;
  }
}
