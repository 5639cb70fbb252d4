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
        Expr.MinMax, Expr.Where, Expr.Cmp, Expr.Logic, Expr.Loop {

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

  /** An element {@code vector[index]} of a vector variable or field; 1-based. */
  record Elem(String vector, Expr index) implements Expr {
    @Override
    public boolean equals(Object o) {
      return o instanceof Elem e && e.vector.equals(vector) && e.index == index;
    }

    @Override
    public int hashCode() {
      return vector.hashCode() * 31 + System.identityHashCode(index);
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

  /**
   * {@code sum(index in lo..hi, body)} or, when {@code isProduct}, {@code prod(...)}. Bounds are
   * inclusive integers and may depend on enclosing indices; an empty range gives 0 (sum) or 1
   * (product).
   */
  record Loop(boolean isProduct, String index, Expr lo, Expr hi, Expr body) implements Expr {
    @Override
    public boolean equals(Object o) {
      return o instanceof Loop l && l.isProduct == isProduct && l.index.equals(index) && l.lo == lo
          && l.hi == hi && l.body == body;
    }

    @Override
    public int hashCode() {
      int h = index.hashCode();
      h = h * 31 + System.identityHashCode(lo);
      h = h * 31 + System.identityHashCode(hi);
      h = h * 31 + System.identityHashCode(body);
      return h * 2 + (isProduct ? 1 : 0);
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
