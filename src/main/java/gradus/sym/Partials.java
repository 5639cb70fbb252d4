package gradus.sym;

import gradus.sym.Expr.Add;
import gradus.sym.Expr.Call;
import gradus.sym.Expr.Const;
import gradus.sym.Expr.Fn;
import gradus.sym.Expr.MinMax;
import gradus.sym.Expr.Mul;
import gradus.sym.Expr.Pow;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Every local derivative rule, as expressions, in one place (micrograd's "each op states its
 * local derivative"): {@link #of(Expr, int)} is ∂node/∂operand k. Reverse mode ({@link Reverse}),
 * forward mode ({@link Tangent}) and therefore gradients, Hessians (the rules applied twice) and
 * Hessian-vector products are all built from these, and the compiler only evaluates what they
 * build. A rule may refer to the node itself — d(exp a) is the node {@code exp(a)} — and because
 * nodes are hash-consed, the derivative then shares the forward value instead of recomputing it.
 *
 * <p>Non-smooth points follow PyTorch's autograd: {@code d|a| = sign(a)} (0 at 0),
 * {@code relu'(0) = 0}, {@code sign' = 0}; {@code max}/{@code min} split the derivative evenly on a
 * tie ({@code torch.maximum}); for {@code b^c}, ∂/∂b is 0 where {@code c == 0} and ∂/∂c is 0 where
 * {@code b == 0 and c >= 0} ({@code torch.pow}). {@code where} selects a branch, and is handled by
 * the passes (the branch not taken receives nothing, not even a nan); so are the loops ({@code
 * max} splits evenly among tied maxima like {@code torch.amax}; {@code logsumexp}'s partial is the
 * softmax {@code exp(body - L)}) and the local arrays of block bodies.
 */
public final class Partials {
  private Partials() {}

  /** d fn(a)/da as an expression of the argument {@code a} and the node {@code y = fn(a)}. */
  private interface Rule {
    Expr of(Expr a, Expr y);
  }

  private static final Map<Fn, Rule> CALLS = new EnumMap<>(Fn.class);

  static {
    CALLS.put(Fn.ABS, (a, y) -> Sym.call(Fn.SIGN, a));
    CALLS.put(Fn.SIGN, (a, y) -> Sym.ZERO);
    CALLS.put(Fn.EXP, (a, y) -> y);
    CALLS.put(Fn.LOG, (a, y) -> Sym.pow(a, -1));
    CALLS.put(Fn.LOG1P, (a, y) -> Sym.pow(Sym.add(Sym.ONE, a), -1));
    CALLS.put(Fn.SQRT, (a, y) -> Sym.mul(Sym.num(0.5), Sym.pow(y, -1)));
    CALLS.put(Fn.SIN, (a, y) -> Sym.call(Fn.COS, a));
    CALLS.put(Fn.COS, (a, y) -> Sym.neg(Sym.call(Fn.SIN, a)));
    CALLS.put(Fn.TAN, (a, y) -> Sym.add(Sym.ONE, Sym.pow(y, 2)));
    CALLS.put(Fn.ASIN, (a, y) -> Sym.pow(Sym.sub(Sym.ONE, Sym.pow(a, 2)), -0.5));
    CALLS.put(Fn.ACOS, (a, y) -> Sym.neg(Sym.pow(Sym.sub(Sym.ONE, Sym.pow(a, 2)), -0.5)));
    CALLS.put(Fn.ATAN, (a, y) -> Sym.pow(Sym.add(Sym.ONE, Sym.pow(a, 2)), -1));
    CALLS.put(Fn.SINH, (a, y) -> Sym.call(Fn.COSH, a));
    CALLS.put(Fn.COSH, (a, y) -> Sym.call(Fn.SINH, a));
    CALLS.put(Fn.TANH, (a, y) -> Sym.sub(Sym.ONE, Sym.pow(y, 2)));
    CALLS.put(Fn.SIGMOID, (a, y) -> Sym.mul(y, Sym.sub(Sym.ONE, y)));
    CALLS.put(Fn.SOFTPLUS, (a, y) -> Sym.call(Fn.SIGMOID, a));
    CALLS.put(Fn.RELU, (a, y) -> Sym.where(Sym.cmp(">", a, Sym.ZERO), Sym.ONE, Sym.ZERO));
  }

  /** The operands a node is differentiated with respect to (a loop's body is not one of them). */
  public static List<Expr> operands(Expr e) {
    if (e instanceof Add a) return a.terms();
    if (e instanceof Mul m) return m.factors();
    if (e instanceof Pow p) return List.of(p.base(), p.exponent());
    if (e instanceof Call c) return List.of(c.arg());
    if (e instanceof MinMax m) return List.of(m.a(), m.b());
    return List.of();
  }

  /** ∂e/∂(operand k) for an Add, Mul, Pow, Call or MinMax node. */
  public static Expr of(Expr e, int k) {
    return of(e, k, e);
  }

  /**
   * As {@link #of(Expr, int)}, with {@code self} standing for the node's own value in a rule
   * that uses it (d exp(a) = exp(a)): the body of a local array passes its element read
   * {@code h[j]}, so the derivative reads the stored value instead of recomputing it.
   */
  public static Expr of(Expr e, int k, Expr self) {
    if (e instanceof Add) return Sym.ONE;
    if (e instanceof Mul m) return others(m.factors(), k);
    if (e instanceof Pow p) return k == 0 ? powBase(p) : powExponent(p, self);
    if (e instanceof Call c) return CALLS.get(c.fn()).of(c.arg(), self);
    if (e instanceof MinMax m) return minMax(m, k == 0);
    throw new IllegalArgumentException("no local derivative rule for " + e.getClass().getSimpleName());
  }

  /** The product of every factor but factor k (zero-safe: no division). */
  private static Expr others(List<Expr> fs, int k) {
    List<Expr> rest = new ArrayList<>(fs.size() - 1);
    for (int j = 0; j < fs.size(); j++) if (j != k) rest.add(fs.get(j));
    return Sym.mul(rest);
  }

  /** d(b^c)/db = c*b^(c-1), and 0 where c == 0 (so 0^0 has no nan derivative). */
  private static Expr powBase(Pow p) {
    Expr b = p.base();
    Expr c = p.exponent();
    if (c instanceof Const k) {
      double n = k.value();
      if (n == 0) return Sym.ZERO;
      if (n == 1) return Sym.ONE;
      if (n == 2) return Sym.mul(Sym.num(2), b);
      return Sym.mul(k, Sym.pow(b, Sym.num(n - 1)));
    }
    Expr d = Sym.mul(c, Sym.pow(b, Sym.sub(c, Sym.ONE)));
    return Sym.where(Sym.cmp("==", c, Sym.ZERO), Sym.ZERO, d);
  }

  /** d(b^c)/dc = b^c*log(b), and 0 where b == 0 and c >= 0 (its limit; torch.pow's rule). */
  private static Expr powExponent(Pow p, Expr self) {
    Expr b = p.base();
    Expr c = p.exponent();
    Expr d = Sym.mul(self, Sym.call(Fn.LOG, b));
    if (b instanceof Const k && k.value() != 0) return d;
    Expr zero = Sym.and(Sym.cmp("==", b, Sym.ZERO), Sym.cmp(">=", c, Sym.ZERO));
    return Sym.where(zero, Sym.ZERO, d);
  }

  /** d max(a, b)/da: 1 where a wins, 0 where it loses, 1/2 on a tie (torch.maximum). */
  private static Expr minMax(MinMax m, boolean first) {
    Expr self = first ? m.a() : m.b();
    Expr other = first ? m.b() : m.a();
    String wins = m.isMax() ? ">" : "<";
    String loses = m.isMax() ? "<" : ">";
    return Sym.where(Sym.cmp(wins, self, other), Sym.ONE,
        Sym.where(Sym.cmp(loses, self, other), Sym.ZERO, Sym.num(0.5)));
  }
}
