package gradus.compile;

import gradus.sym.Expr;
import gradus.sym.Expr.Add;
import gradus.sym.Expr.Call;
import gradus.sym.Expr.Cmp;
import gradus.sym.Expr.Const;
import gradus.sym.Expr.Elem;
import gradus.sym.Expr.Index;
import gradus.sym.Expr.Logic;
import gradus.sym.Expr.Loop;
import gradus.sym.Expr.MinMax;
import gradus.sym.Expr.Mul;
import gradus.sym.Expr.Pow;
import gradus.sym.Expr.Var;
import gradus.sym.Expr.Where;
import gradus.sym.Fns;
import gradus.sym.ScalarFunction;
import gradus.sym.Signature;
import gradus.sym.Stmt;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The test oracle for the compiler: the same programs, evaluated by the most direct recursion
 * (no scheduling, no hoisting, no fusion, no locals), each operation by the same {@link Fns}
 * method in the same operand order. So wherever the compiler is right, its numbers are these,
 * bit for bit. An element out of range reads as nan (a where() branch not taken).
 */
final class Naive {
  private final Signature sig;
  private final double[] x;
  private final double[] f;
  private final int off;
  private final double[] v;

  Naive(Signature sig, double[] x, double[] fields, int off, double[] dir) {
    this.sig = sig;
    this.x = x;
    this.f = fields;
    this.off = off;
    this.v = dir;
  }

  /** Values of nodes that use no index, computed once (a shared DAG would otherwise cost exponentially). */
  private final Map<Expr, Double> closed = new java.util.IdentityHashMap<>();
  /** Per index environment (one per loop iteration), the values of the nodes that use an index. */
  private final Map<Map<String, Double>, Map<Expr, Double>> perEnv = new java.util.IdentityHashMap<>();

  double eval(Expr e, Map<String, Double> env) {
    Map<Expr, Double> memo = gradus.sym.Exprs.freeIndices(e).isEmpty() ? closed
        : perEnv.computeIfAbsent(env, k -> new java.util.IdentityHashMap<>());
    Double done = memo.get(e);
    if (done != null) return done;
    double v = compute(e, env);
    memo.put(e, v);
    return v;
  }

  private double compute(Expr e, Map<String, Double> env) {
    if (e instanceof Const c) return c.value();
    if (e instanceof Index i) return env.get(i.name());
    if (e instanceof Var var) return read(var.name(), 1);
    if (e instanceof Elem el) return read(el.vector(), eval(el.index(), env));
    if (e instanceof Add a) return fold(a.terms(), env, true);
    if (e instanceof Mul m) return product(m, env);
    if (e instanceof Pow p) return Fns.pow(eval(p.base(), env), eval(p.exponent(), env));
    if (e instanceof Call c) return Fns.apply(c.fn(), eval(c.arg(), env));
    if (e instanceof MinMax m) {
      double a = eval(m.a(), env);
      double b = eval(m.b(), env);
      return m.isMax() ? Fns.max(a, b) : Fns.min(a, b);
    }
    if (e instanceof Where w) return Fns.where(eval(w.cond(), env), eval(w.a(), env), eval(w.b(), env));
    if (e instanceof Cmp c) return Fns.compare(c.op(), eval(c.a(), env), eval(c.b(), env));
    if (e instanceof Logic l) return logic(l, env);
    Loop l = (Loop) e;
    double acc = l.isProduct() ? 1 : 0;
    for (long i = (long) eval(l.lo(), env); i <= (long) eval(l.hi(), env); i++) {
      Map<String, Double> inner = new HashMap<>(env);
      inner.put(l.index(), (double) i);
      double b = eval(l.body(), inner);
      perEnv.remove(inner);
      acc = l.isProduct() ? acc * b : acc + b;
    }
    return acc;
  }

  private double fold(List<Expr> xs, Map<String, Double> env, boolean add) {
    double acc = eval(xs.get(0), env);
    for (int k = 1; k < xs.size(); k++) acc = add ? acc + eval(xs.get(k), env) : acc * eval(xs.get(k), env);
    return acc;
  }

  private double product(Mul m, Map<String, Double> env) {
    List<Expr> fs = m.factors();
    double acc = eval(fs.get(0), env);
    for (int k = 1; k < fs.size(); k++) {
      Expr d = Operands.divisor(fs.get(k));
      acc = d != null ? acc / eval(d, env) : acc * eval(fs.get(k), env);
    }
    return acc;
  }

  private double logic(Logic l, Map<String, Double> env) {
    if (l.op().equals("not")) return Fns.not(eval(l.args().get(0), env));
    double acc = eval(l.args().get(0), env);
    for (int k = 1; k < l.args().size(); k++) {
      double b = eval(l.args().get(k), env);
      acc = l.op().equals("and") ? Fns.and(acc, b) : Fns.or(acc, b);
    }
    return acc;
  }

  private double read(String name, double k) {
    String base = ScalarFunction.directionOf(name);
    String var = base != null ? base : name;
    int size = Math.max(1, sig.find(var).size());
    if (k != Math.rint(k) || k < 1 || k > size) return Double.NaN;
    int slot = sig.offset(var) + (int) k - 1;
    if (base != null) return v[slot];
    return sig.isVariable(var) ? x[slot] : f[off + slot];
  }

  /** Receives the scatter-adds of a program. */
  interface Sink {
    void add(int row, int col, double value);
  }

  /** Runs a scatter program; an out-of-range slot is skipped, as in the compiled code. */
  void run(List<Stmt> stmts, Map<String, Double> env, Sink out) {
    for (Stmt s : stmts) {
      if (s instanceof Stmt.Acc a) {
        int col = slot(a.col(), env);
        int row = a.row() == null ? -1 : slot(a.row(), env);
        if (col < 0 || (a.row() != null && row < 0)) continue;
        out.add(row, col, eval(a.value(), env));
      } else if (s instanceof Stmt.For fo) {
        for (long i = (long) eval(fo.lo(), env); i <= (long) eval(fo.hi(), env); i++) {
          Map<String, Double> inner = new HashMap<>(env);
          inner.put(fo.index(), (double) i);
          run(fo.body(), inner, out);
          perEnv.remove(inner);
        }
      }
    }
  }

  private int slot(Stmt.Slot s, Map<String, Double> env) {
    if (s.index() == null) return sig.offset(s.var());
    double k = eval(s.index(), env);
    int size = sig.find(s.var()).size();
    if (k != Math.rint(k) || k < 1 || k > size) return -1;
    return sig.offset(s.var()) + (int) k - 1;
  }

  /** The value of a program. */
  static double value(Program p, double[] x, double[] fields, int off) {
    return new Naive(p.sig(), x, fields, off, null).eval(p.value(), Map.of());
  }

  /** The vector a VECTOR program scatters (a gradient, or H·v with direction dir). */
  static double[] vector(Program p, double[] x, double[] fields, int off, double[] dir) {
    double[] out = new double[p.sig().dimension()];
    new Naive(p.sig(), x, fields, off, dir).run(p.stmts(), Map.of(), (r, c, val) -> out[c] += val);
    return out;
  }

  /** The dense n×n matrix a Hessian program scatters, row-major. */
  static double[] matrix(Program p, double[] x, double[] fields, int off) {
    int n = p.sig().dimension();
    double[] out = new double[n * n];
    new Naive(p.sig(), x, fields, off, null).run(p.stmts(), Map.of(), (r, c, val) -> out[r * n + c] += val);
    return out;
  }
}
