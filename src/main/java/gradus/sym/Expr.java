package gradus.sym;

import java.util.List;
import java.util.Locale;

/**
 * An immutable, hash-consed expression node. Build nodes only through {@link Sym}: its intern table
 * makes structurally equal nodes the same object, so a DAG shares sub-expressions and {@code ==}
 * is structural equality. Because children are interned, {@code equals}/{@code hashCode} compare
 * children by identity (constant time, no deep walk).
 *
 * <p>Representation choices:
 *
 * <ul>
 *   <li>Subtraction {@code a - b} is {@code Add[a, Mul[-1, b]]}; negation {@code -a} is
 *       {@code Mul[-1, a]} (a constant is negated directly).
 *   <li>Division {@code a / b} is {@code Mul[a, Pow(b, -1)]}.
 *   <li>Booleans (the result of {@link Cmp} and {@link Logic}) evaluate to 1 (true) and 0 (false);
 *       a condition is true when it is non-zero.
 *   <li>{@link Elem} indices are 1-based integer expressions of sum indices and constants.
 *   <li>{@link Var} is a scalar decision variable or a scalar field; vectors (variables or fields)
 *       are only referenced element-wise through {@link Elem}.
 * </ul>
 */
public sealed interface Expr
    permits Expr.Const, Expr.Var, Expr.Elem, Expr.Index, Expr.Add, Expr.Mul, Expr.Pow, Expr.Call,
        Expr.MinMax, Expr.Where, Expr.Cmp, Expr.Logic, Expr.Loop, Expr.Array, Expr.At {

  /** The one-argument elementary functions of SPEC §4. */
  enum Fn {
    ABS, SIGN, EXP, LOG, LOG1P, SQRT, SIN, COS, TAN, ASIN, ACOS, ATAN, SINH, COSH, TANH, SIGMOID,
    SOFTPLUS, RELU;

    /** The name used in the language ({@code sin}, {@code log1p}, ...). */
    public String text() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** The function called {@code name} in the language, or null. */
    public static Fn byName(String name) {
      for (Fn f : values()) if (f.text().equals(name)) return f;
      return null;
    }
  }

  /** A number. */
  record Const(double value) implements Expr {}

  /** A scalar decision variable or a scalar field. */
  record Var(String name) implements Expr {}

  /**
   * An element {@code x[i]} of a vector variable or field, or {@code W[j, k]} of a matrix one
   * (row-major); 1-based.
   */
  record Elem(String vector, List<Expr> indices) implements Expr {
    public Elem {
      indices = List.copyOf(indices);
    }

    /** The index of a vector's element (an error for a matrix's). */
    public Expr index() {
      if (indices.size() != 1) throw new IllegalStateException(vector + " takes " + indices.size() + " indices");
      return indices.get(0);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Elem e && e.vector.equals(vector) && Nodes.sameList(e.indices, indices);
    }

    @Override
    public int hashCode() {
      return vector.hashCode() * 31 + Nodes.listHash(indices);
    }
  }

  /** The integer index of an enclosing {@link Loop}. */
  record Index(String name) implements Expr {}

  /** A sum of terms (at least one). */
  record Add(List<Expr> terms) implements Expr {
    public Add {
      terms = List.copyOf(terms);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Add a && Nodes.sameList(a.terms, terms);
    }

    @Override
    public int hashCode() {
      return Nodes.listHash(terms) * 7 + 1;
    }
  }

  /** A product of factors (at least one). */
  record Mul(List<Expr> factors) implements Expr {
    public Mul {
      factors = List.copyOf(factors);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Mul m && Nodes.sameList(m.factors, factors);
    }

    @Override
    public int hashCode() {
      return Nodes.listHash(factors) * 7 + 2;
    }
  }

  /** {@code base ^ exponent}. */
  record Pow(Expr base, Expr exponent) implements Expr {
    @Override
    public boolean equals(Object o) {
      return o instanceof Pow p && p.base == base && p.exponent == exponent;
    }

    @Override
    public int hashCode() {
      return (System.identityHashCode(base) * 31 + System.identityHashCode(exponent)) * 7 + 3;
    }
  }

  /** An elementary function applied to one argument. */
  record Call(Fn fn, Expr arg) implements Expr {
    @Override
    public boolean equals(Object o) {
      return o instanceof Call c && c.fn == fn && c.arg == arg;
    }

    @Override
    public int hashCode() {
      return (fn.hashCode() * 31 + System.identityHashCode(arg)) * 7 + 4;
    }
  }

  /** {@code max(a, b)} when {@code isMax}, else {@code min(a, b)}. */
  record MinMax(boolean isMax, Expr a, Expr b) implements Expr {
    @Override
    public boolean equals(Object o) {
      return o instanceof MinMax m && m.isMax == isMax && m.a == a && m.b == b;
    }

    @Override
    public int hashCode() {
      return ((System.identityHashCode(a) * 31 + System.identityHashCode(b)) * 2 + (isMax ? 1 : 0)) * 7 + 5;
    }
  }

  /** {@code where(cond, a, b)}: a where cond is true (non-zero), else b. */
  record Where(Expr cond, Expr a, Expr b) implements Expr {
    @Override
    public boolean equals(Object o) {
      return o instanceof Where w && w.cond == cond && w.a == a && w.b == b;
    }

    @Override
    public int hashCode() {
      return ((System.identityHashCode(cond) * 31 + System.identityHashCode(a)) * 31
              + System.identityHashCode(b)) * 7 + 6;
    }
  }

  /** A comparison; {@code op} is one of {@code < <= > >= == !=}. Evaluates to 1 or 0. */
  record Cmp(String op, Expr a, Expr b) implements Expr {
    @Override
    public boolean equals(Object o) {
      return o instanceof Cmp c && c.op.equals(op) && c.a == a && c.b == b;
    }

    @Override
    public int hashCode() {
      return ((op.hashCode() * 31 + System.identityHashCode(a)) * 31 + System.identityHashCode(b)) * 7;
    }
  }

  /** {@code and}, {@code or} (two or more args) or {@code not} (one arg). Evaluates to 1 or 0. */
  record Logic(String op, List<Expr> args) implements Expr {
    public Logic {
      args = List.copyOf(args);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Logic l && l.op.equals(op) && Nodes.sameList(l.args, args);
    }

    @Override
    public int hashCode() {
      return op.hashCode() * 31 + Nodes.listHash(args);
    }
  }

  /** What a loop does with the values of its body. */
  enum Kind {
    SUM, PROD, MAX, LOGSUMEXP;

    /** The name in the language: {@code sum}, {@code prod}, {@code max}, {@code logsumexp}. */
    public String text() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** The value over an empty range: 0, 1, -inf, -inf. */
    public double empty() {
      return switch (this) {
        case SUM -> 0;
        case PROD -> 1;
        default -> Double.NEGATIVE_INFINITY;
      };
    }
  }

  /**
   * {@code sum(index in lo..hi, body)}, or {@code prod}, {@code max}, {@code logsumexp} (stable:
   * {@code log(sum(exp(body)))} without overflow). Bounds are inclusive integers and may depend on
   * enclosing indices; an empty range gives {@link Kind#empty()}.
   */
  record Loop(Kind kind, String index, Expr lo, Expr hi, Expr body) implements Expr {
    public boolean isProduct() {
      return kind == Kind.PROD;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Loop l && l.kind == kind && l.index.equals(index) && l.lo == lo
          && l.hi == hi && l.body == body;
    }

    @Override
    public int hashCode() {
      int h = index.hashCode();
      h = h * 31 + System.identityHashCode(lo);
      h = h * 31 + System.identityHashCode(hi);
      h = h * 31 + System.identityHashCode(body);
      return h * 5 + kind.ordinal();
    }
  }

  /**
   * A local array of a block body, by comprehension: {@code h[j in 1..16] = body} (one index) or
   * {@code A[i in a..b, j in c..d] = body} (two, row-major). It is computed once per evaluation
   * and read through {@link At}; its indices are bound in its body (like a loop's), and its bounds
   * are whole-number constants. {@code name} is the local's name, for printing only.
   */
  record Array(String name, List<String> indices, List<Expr> lo, List<Expr> hi, Expr body) implements Expr {
    public Array {
      indices = List.copyOf(indices);
      lo = List.copyOf(lo);
      hi = List.copyOf(hi);
    }

    /** The number of entries along index d. */
    public int extent(int d) {
      return (int) (((Const) hi.get(d)).value() - ((Const) lo.get(d)).value() + 1);
    }

    /** The number of entries. */
    public int size() {
      int n = 1;
      for (int d = 0; d < indices.size(); d++) n *= Math.max(0, extent(d));
      return n;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Array a && a.name.equals(name) && a.indices.equals(indices) && Nodes.sameList(a.lo, lo)
          && Nodes.sameList(a.hi, hi) && a.body == body;
    }

    @Override
    public int hashCode() {
      return (((name.hashCode() * 31 + indices.hashCode()) * 31 + Nodes.listHash(lo)) * 31 + Nodes.listHash(hi)) * 31
          + System.identityHashCode(body);
    }
  }

  /** An element of a local array: {@code h[j]}, {@code A[i, j]}, {@code z[label]}; 1-based within its ranges. */
  record At(Expr array, List<Expr> indices) implements Expr {
    public At {
      indices = List.copyOf(indices);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof At a && a.array == array && Nodes.sameList(a.indices, indices);
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(array) * 31 + Nodes.listHash(indices);
    }
  }

  /** The text form (SPEC §4 syntax, re-parseable); not simplified. */
  default String text() {
    return Printer.text(this);
  }

  /** LaTeX source; not simplified. */
  default String latex() {
    return Printer.latex(this);
  }
}
