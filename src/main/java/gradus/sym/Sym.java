package gradus.sym;

import gradus.sym.Expr.Add;
import gradus.sym.Expr.Call;
import gradus.sym.Expr.Cmp;
import gradus.sym.Expr.Const;
import gradus.sym.Expr.Elem;
import gradus.sym.Expr.Fn;
import gradus.sym.Expr.Index;
import gradus.sym.Expr.Logic;
import gradus.sym.Expr.Loop;
import gradus.sym.Expr.MinMax;
import gradus.sym.Expr.Mul;
import gradus.sym.Expr.Pow;
import gradus.sym.Expr.Var;
import gradus.sym.Expr.Where;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * The factory of {@link Expr} nodes. Every node goes through an intern table, so structurally
 * equal nodes are the same object. The builders only build (plus two trivial foldings: negating a
 * constant gives a constant, and one-element sums and products are their element); use {@link
 * #simplify} for the canonical form.
 */
public final class Sym {
  private Sym() {}

  private static final Map<Expr, WeakReference<Expr>> TABLE = new WeakHashMap<>();

  public static final Expr ZERO = num(0);
  public static final Expr ONE = num(1);
  public static final Expr MINUS_ONE = num(-1);

  /** The canonical instance of a node structurally equal to {@code e}. */
  @SuppressWarnings("unchecked")
  public static <E extends Expr> E intern(E e) {
    Cancel.check(); // every pass makes nodes: a long one stops on Ctrl-C here
    synchronized (TABLE) {
      WeakReference<Expr> ref = TABLE.get(e);
      Expr old = ref == null ? null : ref.get();
      if (old != null) return (E) old;
      TABLE.put(e, new WeakReference<>(e));
      return e;
    }
  }

  public static Expr num(double v) {
    return intern(new Const(v));
  }

  public static Expr var(String name) {
    return intern(new Var(name));
  }

  public static Expr elem(String vector, Expr index) {
    return intern(new Elem(vector, List.of(index)));
  }

  /** {@code x[i]} (one index) or {@code W[j, k]} (two). */
  public static Expr elem(String vector, List<Expr> indices) {
    return intern(new Elem(vector, indices));
  }

  public static Expr elem(String vector, int index) {
    return elem(vector, num(index));
  }

  public static Expr index(String name) {
    return intern(new Index(name));
  }

  public static Expr add(Expr... terms) {
    return add(List.of(terms));
  }

  public static Expr add(List<Expr> terms) {
    if (terms.isEmpty()) return ZERO;
    if (terms.size() == 1) return terms.get(0);
    return intern(new Add(terms));
  }

  /** {@code a - b}, as {@code Add[a, Mul[-1, b]]}. */
  public static Expr sub(Expr a, Expr b) {
    return add(a, neg(b));
  }

  public static Expr mul(Expr... factors) {
    return mul(List.of(factors));
  }

  public static Expr mul(List<Expr> factors) {
    if (factors.isEmpty()) return ONE;
    if (factors.size() == 1) return factors.get(0);
    return intern(new Mul(factors));
  }

  /** {@code a / b}, as {@code Mul[a, Pow(b, -1)]}. */
  public static Expr div(Expr a, Expr b) {
    return mul(a, pow(b, MINUS_ONE));
  }

  /** {@code -a}: a negated constant, else {@code Mul[-1, a]}. */
  public static Expr neg(Expr a) {
    if (a instanceof Const c) return num(-c.value());
    return mul(MINUS_ONE, a);
  }

  public static Expr pow(Expr base, Expr exponent) {
    return intern(new Pow(base, exponent));
  }

  public static Expr pow(Expr base, double exponent) {
    return pow(base, num(exponent));
  }

  public static Expr call(Fn fn, Expr arg) {
    return intern(new Call(fn, arg));
  }

  /** A call by the language's function name ({@code "sin"}); throws for an unknown name. */
  public static Expr call(String fn, Expr arg) {
    Fn f = Fn.byName(fn);
    if (f == null) throw new SymException("unknown function '" + fn + "'");
    return call(f, arg);
  }

  public static Expr min(Expr a, Expr b) {
    return intern(new MinMax(false, a, b));
  }

  public static Expr max(Expr a, Expr b) {
    return intern(new MinMax(true, a, b));
  }

  public static Expr where(Expr cond, Expr a, Expr b) {
    return intern(new Where(cond, a, b));
  }

  private static final Set<String> CMP_OPS = Set.of("<", "<=", ">", ">=", "==", "!=");

  public static Expr cmp(String op, Expr a, Expr b) {
    if (!CMP_OPS.contains(op)) throw new SymException("unknown comparison '" + op + "'");
    return intern(new Cmp(op, a, b));
  }

  public static Expr and(Expr... args) {
    return logic("and", List.of(args));
  }

  public static Expr or(Expr... args) {
    return logic("or", List.of(args));
  }

  public static Expr not(Expr a) {
    return intern(new Logic("not", List.of(a)));
  }

  /** {@code and}/{@code or} of two or more arguments, or {@code not} of one. */
  public static Expr logic(String op, List<Expr> args) {
    boolean ok = op.equals("not") ? args.size() == 1 : (op.equals("and") || op.equals("or")) && args.size() >= 2;
    if (!ok) throw new SymException("bad logical operation '" + op + "' with " + args.size() + " arguments");
    return intern(new Logic(op, new ArrayList<>(args)));
  }

  public static Expr sum(String index, Expr lo, Expr hi, Expr body) {
    return loop(Expr.Kind.SUM, index, lo, hi, body);
  }

  public static Expr prod(String index, Expr lo, Expr hi, Expr body) {
    return loop(Expr.Kind.PROD, index, lo, hi, body);
  }

  public static Expr loop(boolean isProduct, String index, Expr lo, Expr hi, Expr body) {
    return loop(isProduct ? Expr.Kind.PROD : Expr.Kind.SUM, index, lo, hi, body);
  }

  public static Expr loop(Expr.Kind kind, String index, Expr lo, Expr hi, Expr body) {
    return intern(new Loop(kind, index, lo, hi, body));
  }

  /** A local array by comprehension over one or two indices (see {@link Expr.Array}). */
  public static Expr array(String name, List<String> indices, List<Expr> lo, List<Expr> hi, Expr body) {
    return intern(new Expr.Array(name, indices, lo, hi, body));
  }

  /** An element of a local array. */
  public static Expr at(Expr array, List<Expr> indices) {
    return intern(new Expr.At(array, indices));
  }


  /**
   * Declares {@code name(vars; fields) = body}: checks names, element use and constant indices
   * (a {@link SymException} with a message for the user otherwise) and keeps the body simplified.
   * A {@link Expr.Var} named like an enclosing sum's index is read as that index.
   */
  public static ScalarFunction declare(String name, Signature signature, Expr body) {
    return Declare.declare(name, signature, body);
  }

  /** Declares a vector-valued model, whose body's value is a local list (see {@link VectorFunction}). */
  public static VectorFunction declareVector(String name, Signature signature, Expr body) {
    return Declare.declareVector(name, signature, body);
  }

  /**
   * A function whose body is {@code body} exactly as given: not validated, not simplified (for
   * tests and for tools that build bodies themselves; users' functions go through {@link #declare}).
   */
  public static ScalarFunction function(String name, Signature signature, Expr body) {
    return new ScalarFunction(name, signature, body, body, null);
  }

  /** The canonical simplified form, terms ordered by the signature's variables (null: by name). */
  public static Expr simplify(Expr e, Signature signature) {
    return Simplifier.simplify(e, signature);
  }

  public static Expr simplify(Expr e) {
    return Simplifier.simplify(e, null);
  }
}
