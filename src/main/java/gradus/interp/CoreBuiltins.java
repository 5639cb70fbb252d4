package gradus.interp;

import static gradus.interp.Builtins.add;

import gradus.sym.Expr;
import gradus.sym.Fns;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import org.ejml.data.Complex_F64;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/** Printing, conversions, elementary math on numbers and lists, and linear algebra (EJML). */
final class CoreBuiltins {
  private CoreBuiltins() {}

  /** The elementary functions of SPEC §4 on numbers: the symbolic engine's own definitions. */
  static final Map<String, DoubleUnaryOperator> ELEMENTARY = elementary();

  /** zeros/ones: a vector of n, or an m x k matrix, all equal to v. */
  private static Value filled(Args a, double v) {
    long n = a.integer("n");
    long k = a.has("k") ? a.integer("k") : 0;
    if (n < 1 || n > 100_000_000) throw a.error("n", "n must be between 1 and 1e8, got " + n);
    if (a.has("k") && (k < 1 || n * k > 100_000_000)) {
      throw a.error("k", "an m x k matrix needs k >= 1 and at most 1e8 entries, got " + n + " x " + k);
    }
    if (!a.has("k")) {
      double[] out = new double[(int) n];
      java.util.Arrays.fill(out, v);
      return new Value.Vec(out);
    }
    double[][] m = new double[(int) n][(int) k];
    for (double[] row : m) java.util.Arrays.fill(row, v);
    return new Value.Mat(m);
  }

  private static Map<String, DoubleUnaryOperator> elementary() {
    Map<String, DoubleUnaryOperator> table = new java.util.TreeMap<>();
    for (Expr.Fn fn : Expr.Fn.values()) table.put(fn.text(), x -> Fns.apply(fn, x));
    return java.util.Collections.unmodifiableMap(table);
  }

  static void register(Map<String, Builtin> t) {
    add(t, "print", List.of("values*"), "print(a, b, ...) prints its arguments separated by spaces", a -> {
      StringBuilder line = new StringBuilder();
      for (Value v : a.rest()) {
        if (line.length() > 0) line.append(' ');
        line.append(Printer.print(v));
      }
      a.interp.out.println(line);
      a.interp.out.flush();
      return Value.None.NONE;
    });
    add(t, "clock", List.of(), "clock(): seconds from an arbitrary start, for timing (like Python's time.perf_counter)",
        a -> new Value.Num(System.nanoTime() / 1e9));
    add(t, "randn", List.of("n", "seed?", "scale?"), "randn(n, seed=0, scale=1): n seeded normal random numbers times scale (a start point)", a -> {
      long n = a.integer("n");
      if (n < 1 || n > 100_000_000) throw a.error("n", "n must be between 1 and 1e8, got " + n);
      double scale = a.number("scale", 1);
      java.util.Random random = new java.util.Random(a.integer("seed", 0));
      double[] out = new double[(int) n];
      for (int i = 0; i < out.length; i++) {
        Interrupts.every(i);
        out[i] = scale * random.nextGaussian();
      }
      return new Value.Vec(out);
    });
    add(t, "zeros", List.of("n", "k?"), "zeros(n): n zeros; zeros(m, k): an m x k matrix of zeros (NumPy's np.zeros)",
        a -> filled(a, 0));
    add(t, "ones", List.of("n", "k?"), "ones(n): n ones; ones(m, k): an m x k matrix of ones (NumPy's np.ones)",
        a -> filled(a, 1));
    add(t, "mean", List.of("values"), "mean(list): the average", a -> {
      double[] v = a.vector("values");
      if (v.length == 0) throw a.error("values", "mean() of an empty list");
      double s = 0;
      for (double x : v) s += x;
      return new Value.Num(s / v.length);
    });
    add(t, "str", List.of("value"), "str(v) is v's printed form", a -> new Value.Str(Printer.print(a.get("value"))));
    add(t, "len", List.of("value"), "len(v) counts the items of a list, rows of a matrix, characters of a string", a -> {
      Value v = Values.numericOrSelf(a.get("value"));
      if (v instanceof Value.Vec x) return new Value.Num(x.v().length);
      if (v instanceof Value.Mat m) return new Value.Num(m.m().length);
      if (v instanceof Value.Lst l) return new Value.Num(l.items().size());
      if (v instanceof Value.Str s) return new Value.Num(s.s().codePointCount(0, s.s().length()));
      if (v instanceof Value.Range r) return new Value.Num(r.size());
      if (v instanceof Sized sz) return new Value.Num(sz.size());
      throw a.error("value", "len() needs a list, matrix, string or data set, got a " + v.kind());
    });
    for (Map.Entry<String, DoubleUnaryOperator> f : ELEMENTARY.entrySet()) {
      add(t, f.getKey(), List.of("x"), f.getKey() + "(x), element-wise on lists", a -> elementwise(a, f.getValue()));
    }
    add(t, "round", List.of("x", "ndigits?"), "round(x, ndigits=0): x rounded to ndigits decimals, halves to even,"
        + " as Python's round (round(2.675, 2) is 2.67: the double 2.675 lies just below it); element-wise on lists", a -> {
      long k = a.integer("ndigits", 0);
      return elementwise(a, x -> Rounding.round(x, k, a));
    });
    add(t, "min", List.of("a", "b?"), "min(a, b) or min(list)", a -> extreme(a, false));
    add(t, "max", List.of("a", "b?"), "max(a, b) or max(list)", a -> extreme(a, true));
    add(t, "sum", List.of("values"), "sum(list), or sum(i in a..b, body)", a -> fold(a, false));
    add(t, "prod", List.of("values"), "prod(list), or prod(i in a..b, body)", a -> fold(a, true));
    add(t, "linspace", List.of("a", "b", "n"), "linspace(a, b, n): n evenly spaced numbers from a to b", a -> {
      double lo = a.number("a"), hi = a.number("b");
      long n = a.integer("n");
      if (n < 1 || n > 100_000_000) throw a.error("n", "linspace's n must be between 1 and 1e8, got " + n);
      double[] out = new double[(int) n];
      for (int i = 0; i < n; i++) out[i] = n == 1 ? lo : lo + (hi - lo) * i / (n - 1);
      if (n > 1) out[(int) n - 1] = hi;
      return new Value.Vec(out);
    });
    add(t, "norm", List.of("v"), "norm(v): the Euclidean norm (Frobenius for a matrix)", a -> {
      Value v = Values.numericOrSelf(a.get("v"));
      double s = 0;
      if (v instanceof Value.Mat m) {
        for (double[] row : m.m()) for (double x : row) s += x * x;
      } else {
        for (double x : a.vector("v")) s += x * x;
      }
      return new Value.Num(Math.sqrt(s));
    });
    add(t, "dot", List.of("a", "b"), "dot(a, b): the inner product of two lists, or a matrix product", a -> dot(a));
    add(t, "transpose", List.of("m"), "transpose(m)", a -> {
      Value v = Values.numericOrSelf(a.get("m"));
      if (v instanceof Value.Vec vec) {
        double[][] col = new double[vec.v().length][];
        for (int i = 0; i < col.length; i++) col[i] = new double[] {vec.v()[i]};
        return new Value.Mat(col);
      }
      return new Value.Mat(toArrays(CommonOps_DDRM.transpose(matrix(a, "m"), null)));
    });
    add(t, "det", List.of("m"), "det(m): the determinant of a square matrix", a -> new Value.Num(CommonOps_DDRM.det(square(a, "m"))));
    add(t, "inv", List.of("m"), "inv(m): the inverse of a square matrix", a -> {
      DMatrixRMaj m = square(a, "m");
      DMatrixRMaj out = new DMatrixRMaj(m.numRows, m.numCols);
      if (!CommonOps_DDRM.invert(m, out) || !finite(out)) throw a.error("m", "the matrix is singular: it has no inverse");
      return new Value.Mat(toArrays(out));
    });
    add(t, "solve", List.of("A", "b"), "solve(A, b): x with A x = b", a -> {
      DMatrixRMaj m = square(a, "A");
      Value bv = Values.numericOrSelf(a.get("b"));
      boolean vector = !(bv instanceof Value.Mat);
      DMatrixRMaj rhs = vector ? column(a.vector("b")) : matrix(a, "b");
      if (rhs.numRows != m.numRows) {
        throw a.error("b", "solve(A, b) needs b with " + m.numRows + " rows to match A, got " + rhs.numRows);
      }
      DMatrixRMaj x = new DMatrixRMaj(m.numCols, rhs.numCols);
      if (!CommonOps_DDRM.solve(m, rhs, x) || !finite(x)) throw a.error("A", "the matrix is singular: A x = b has no unique solution");
      return vector ? new Value.Vec(x.getData().clone()) : new Value.Mat(toArrays(x));
    });
    add(t, "eig", List.of("m"), "eig(m): the eigenvalues of a symmetric matrix, ascending", a -> {
      DMatrixRMaj m = square(a, "m");
      for (int i = 0; i < m.numRows; i++) {
        for (int j = 0; j < i; j++) {
          if (Math.abs(m.get(i, j) - m.get(j, i)) > 1e-9 * (1 + Math.abs(m.get(i, j)))) {
            throw a.error("m", "eig(m) needs a symmetric matrix; m[" + (i + 1) + "][" + (j + 1) + "] differs from m["
                + (j + 1) + "][" + (i + 1) + "]");
          }
        }
      }
      EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(m.numRows, false, true);
      if (!eig.decompose(m.copy())) throw a.error("m", "the eigenvalue computation did not converge");
      double[] values = new double[m.numRows];
      for (int i = 0; i < values.length; i++) {
        Complex_F64 c = eig.getEigenvalue(i);
        values[i] = c.real;
      }
      java.util.Arrays.sort(values);
      return new Value.Vec(values);
    });
  }

  /** Values whose len() is defined (data sets). */
  interface Sized {
    int size();
  }

  private static Value elementwise(Args a, DoubleUnaryOperator f) {
    Value v = Values.numericOrSelf(a.get("x"));
    if (v instanceof Value.Num n) return new Value.Num(f.applyAsDouble(n.v()));
    if (v instanceof Value.Vec x) return new Value.Vec(Ops.map(x.v(), f));
    if (v instanceof Value.Mat m) {
      double[][] out = new double[m.m().length][];
      for (int i = 0; i < out.length; i++) out[i] = Ops.map(m.m()[i], f);
      return new Value.Mat(out);
    }
    if (v instanceof FunctionValue) {
      throw a.error("x", a.fn + "(...) of a function: declare a new function instead, e.g. h(x) = " + a.fn + "(f(x))");
    }
    throw a.error("x", a.fn + "(...) needs a number or a list of numbers, got a " + v.kind());
  }

  private static Value extreme(Args a, boolean max) {
    if (a.has("b")) {
      return Ops.elementwise(max ? "max" : "min", max ? Math::max : Math::min, a.get("a"), a.get("b"), a.span);
    }
    double[] v = Values.vector(a.get("a"), a.fn + "'s argument", a.spanOf("a"));
    if (v.length == 0) throw a.error("a", a.fn + "() of an empty list");
    double best = v[0];
    for (double x : v) best = max ? Math.max(best, x) : Math.min(best, x);
    return new Value.Num(best);
  }

  private static Value fold(Args a, boolean product) {
    Value v = Values.numericOrSelf(a.get("values"));
    if (v instanceof Value.Mat m) {
      double[] acc = new double[m.m().length == 0 ? 0 : m.m()[0].length];
      if (product) java.util.Arrays.fill(acc, 1);
      for (double[] row : m.m()) for (int j = 0; j < acc.length; j++) acc[j] = product ? acc[j] * row[j] : acc[j] + row[j];
      return new Value.Vec(acc);
    }
    double acc = product ? 1 : 0;
    for (double x : a.vector("values")) acc = product ? acc * x : acc + x;
    return new Value.Num(acc);
  }

  private static Value dot(Args a) {
    Value x = Values.numericOrSelf(a.get("a"));
    Value y = Values.numericOrSelf(a.get("b"));
    if (x instanceof Value.Vec p && y instanceof Value.Vec q) {
      if (p.v().length != q.v().length) {
        throw a.error("b", "dot(a, b) needs lists of the same length, got " + p.v().length + " and " + q.v().length);
      }
      double s = 0;
      for (int i = 0; i < p.v().length; i++) s += p.v()[i] * q.v()[i];
      return new Value.Num(s);
    }
    boolean vectorResult = y instanceof Value.Vec;
    DMatrixRMaj m1 = x instanceof Value.Vec p ? row(p.v()) : matrix(a, "a");
    DMatrixRMaj m2 = y instanceof Value.Vec q ? column(q.v()) : matrix(a, "b");
    if (m1.numCols != m2.numRows) {
      throw a.error("b", "dot(a, b): shapes do not match (" + m1.numRows + "x" + m1.numCols + " and " + m2.numRows + "x" + m2.numCols + ")");
    }
    DMatrixRMaj out = new DMatrixRMaj(m1.numRows, m2.numCols);
    CommonOps_DDRM.mult(m1, m2, out);
    if (vectorResult || x instanceof Value.Vec) return new Value.Vec(out.getData().clone());
    return new Value.Mat(toArrays(out));
  }

  static DMatrixRMaj matrix(Args a, String name) {
    double[][] m = a.matrix(name);
    if (m.length == 0) throw a.error(name, a.fn + "() of an empty matrix");
    return new DMatrixRMaj(m);
  }

  private static DMatrixRMaj square(Args a, String name) {
    DMatrixRMaj m = matrix(a, name);
    if (m.numRows != m.numCols) throw a.error(name, a.fn + "() needs a square matrix, got " + m.numRows + "x" + m.numCols);
    return m;
  }

  private static DMatrixRMaj column(double[] v) {
    return new DMatrixRMaj(v.length, 1, true, v);
  }

  private static DMatrixRMaj row(double[] v) {
    return new DMatrixRMaj(1, v.length, true, v);
  }

  static double[][] toArrays(DMatrixRMaj m) {
    double[][] out = new double[m.numRows][m.numCols];
    for (int i = 0; i < m.numRows; i++) for (int j = 0; j < m.numCols; j++) out[i][j] = m.get(i, j);
    return out;
  }

  private static boolean finite(DMatrixRMaj m) {
    for (double x : m.getData()) if (!Double.isFinite(x)) return false;
    return true;
  }
}
