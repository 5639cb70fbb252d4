package gradus.interp;

import gradus.lang.GradusError;
import gradus.lang.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleBinaryOperator;

/** Arithmetic and comparison on values: numbers, and element-wise on lists and matrices. */
final class Ops {
  private Ops() {}

  static Value binary(String op, Value a, Value b, Span span) {
    switch (op) {
      case "==": return Value.Bool.of(equal(a, b));
      case "!=": return Value.Bool.of(!equal(a, b));
      case "<": case "<=": case ">": case ">=": return compare(op, a, b, span);
      default: break;
    }
    if (op.equals("+") && (a instanceof Value.Str || b instanceof Value.Str)) {
      if (a instanceof Value.Str x && b instanceof Value.Str y) return new Value.Str(x.s() + y.s());
      throw new GradusError(span, "cannot add a " + a.kind() + " and a " + b.kind()
          + " (use str(...) to turn a value into a string)");
    }
    if (op.equals("+") && a instanceof Value.Lst x && b instanceof Value.Lst y) {
      List<Value> joined = new ArrayList<>(x.items());
      joined.addAll(y.items());
      return new Value.Lst(joined);
    }
    // runs = [] then runs = runs + [r]: the empty list joins a list of non-numbers
    if (op.equals("+") && a instanceof Value.Lst && isEmpty(b)) return a;
    if (op.equals("+") && b instanceof Value.Lst && isEmpty(a)) return b;
    if (a instanceof SparseMatrix h || b instanceof SparseMatrix) return sparse(op, a, b, span);
    return elementwise(op, fn(op), a, b, span);
  }

  private static boolean isEmpty(Value v) {
    return v instanceof Value.Vec e && e.v().length == 0;
  }

  /** H * v (a list) and k * H / H * k (a number) on a sparse matrix. */
  private static Value sparse(String op, Value a, Value b, Span span) {
    if (op.equals("*") && a instanceof SparseMatrix h && !(b instanceof SparseMatrix)) {
      Value v = Values.numericOrSelf(b);
      if (v instanceof Value.Vec vec) return new Value.Vec(h.times(vec.v(), span));
      if (v instanceof Value.Num k) return h.scaled(k.v());
    }
    if (op.equals("*") && b instanceof SparseMatrix h && a instanceof Value.Num k) return h.scaled(k.v());
    throw new GradusError(span, "cannot apply '" + op + "' to a " + a.kind() + " and a " + b.kind()
        + " (a sparse matrix supports H * v, nnz(H), H[i, j] and dense(H))");
  }

  private static DoubleBinaryOperator fn(String op) {
    return switch (op) {
      case "+" -> Double::sum;
      case "-" -> (x, y) -> x - y;
      case "*" -> (x, y) -> x * y;
      case "/" -> (x, y) -> x / y;
      case "^" -> gradus.sym.Fns::pow;
      default -> throw new IllegalStateException(op);
    };
  }

  static Value elementwise(String op, DoubleBinaryOperator f, Value a, Value b, Span span) {
    a = Values.numericOrSelf(a);
    b = Values.numericOrSelf(b);
    if (a instanceof Value.Num x && b instanceof Value.Num y) return new Value.Num(f.applyAsDouble(x.v(), y.v()));
    if (a instanceof Value.Num x && b instanceof Value.Vec y) return new Value.Vec(map(y.v(), v -> f.applyAsDouble(x.v(), v)));
    if (a instanceof Value.Vec x && b instanceof Value.Num y) return new Value.Vec(map(x.v(), v -> f.applyAsDouble(v, y.v())));
    if (a instanceof Value.Vec x && b instanceof Value.Vec y) {
      sameLength(x.v().length, y.v().length, op, span);
      double[] out = new double[x.v().length];
      for (int i = 0; i < out.length; i++) out[i] = f.applyAsDouble(x.v()[i], y.v()[i]);
      return new Value.Vec(out);
    }
    if (a instanceof Value.Mat x && b instanceof Value.Mat y) {
      sameLength(x.m().length, y.m().length, op, span);
      double[][] out = new double[x.m().length][];
      for (int i = 0; i < out.length; i++) {
        out[i] = ((Value.Vec) elementwise(op, f, new Value.Vec(x.m()[i]), new Value.Vec(y.m()[i]), span)).v();
      }
      return new Value.Mat(out);
    }
    if (a instanceof Value.Mat x && (b instanceof Value.Num || b instanceof Value.Vec)) {
      double[][] out = new double[x.m().length][];
      for (int i = 0; i < out.length; i++) out[i] = ((Value.Vec) elementwise(op, f, new Value.Vec(x.m()[i]), b, span)).v();
      return new Value.Mat(out);
    }
    if (a instanceof Value.Num && b instanceof Value.Mat y) {
      double[][] out = new double[y.m().length][];
      for (int i = 0; i < out.length; i++) out[i] = ((Value.Vec) elementwise(op, f, a, new Value.Vec(y.m()[i]), span)).v();
      return new Value.Mat(out);
    }
    if (a instanceof Value.Range r) throw Values.tooLong(r, span);
    if (b instanceof Value.Range r) throw Values.tooLong(r, span);
    throw new GradusError(span, "cannot apply '" + op + "' to a " + a.kind() + " and a " + b.kind());
  }

  private static void sameLength(int n, int m, String op, Span span) {
    if (n != m) throw new GradusError(span, "'" + op + "' needs lists of the same length, got " + n + " and " + m);
  }

  static double[] map(double[] v, java.util.function.DoubleUnaryOperator f) {
    double[] out = new double[v.length];
    for (int i = 0; i < v.length; i++) out[i] = f.applyAsDouble(v[i]);
    return out;
  }

  /** Unary {@code -} and {@code +} ({@code op}): numbers, and element-wise on lists and matrices. */
  static Value sign(String op, Value a, Span span) {
    Value n = Values.numericOrSelf(a);
    if (n instanceof Value.Range r) throw Values.tooLong(r, span);
    if (!(n instanceof Value.Num || n instanceof Value.Vec || n instanceof Value.Mat)) {
      throw new GradusError(span, "unary '" + op + "' needs a number or a list of numbers, got a " + a.kind());
    }
    if (op.equals("+")) return n;
    if (n instanceof Value.Num x) return new Value.Num(-x.v());
    return elementwise("*", (x, y) -> x * y, new Value.Num(-1), n, span);
  }

  private static Value compare(String op, Value a, Value b, Span span) {
    if (a instanceof Value.Num x && b instanceof Value.Num y) {
      double p = x.v(), q = y.v();
      return Value.Bool.of(switch (op) {
        case "<" -> p < q;
        case "<=" -> p <= q;
        case ">" -> p > q;
        default -> p >= q;
      });
    }
    if (a instanceof Value.Str x && b instanceof Value.Str y) {
      int c = x.s().compareTo(y.s());
      return Value.Bool.of(switch (op) {
        case "<" -> c < 0;
        case "<=" -> c <= 0;
        case ">" -> c > 0;
        default -> c >= 0;
      });
    }
    throw new GradusError(span, "cannot compare a " + a.kind() + " and a " + b.kind() + " with '" + op + "'");
  }

  static boolean equal(Value a, Value b) {
    a = Values.numericOrSelf(a);
    b = Values.numericOrSelf(b);
    if (a instanceof Value.Num x && b instanceof Value.Num y) return x.v() == y.v();
    if (a instanceof Value.Vec x && b instanceof Value.Vec y) return java.util.Arrays.equals(x.v(), y.v());
    if (a instanceof Value.Mat x && b instanceof Value.Mat y) return java.util.Arrays.deepEquals(x.m(), y.m());
    return a.equals(b);
  }

  static boolean truth(Value v, Span span) {
    if (v instanceof Value.Bool b) return b.v();
    if (v instanceof Value.Num n) return n.v() != 0 && !Double.isNaN(n.v());
    throw new GradusError(span, "a condition must be true or false, got a " + v.kind());
  }
}
