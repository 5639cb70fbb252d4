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
import gradus.sym.Signature;
import gradus.sym.Sym;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Facts about a DAG shared by the compiler and the interpreter: which sum indices a node depends
 * on (free indices), whether its derivative can be non-zero, and the normalisation both evaluate.
 */
final class Analysis {
  /** Wide Add/Mul/Logic nodes are regrouped into trees of at most this many children. */
  static final int MAX_ARITY = 8;

  final Signature sig;
  private final Map<Expr, Set<String>> free = new IdentityHashMap<>();
  private final Map<Expr, Boolean> dep = new IdentityHashMap<>();

  Analysis(Signature sig) {
    this.sig = sig;
  }

  /**
   * Regroups wide n-ary nodes into balanced trees so that no node's code grows with its arity (a
   * 20,000-term sum becomes a tree of 8-ary sums, each a small piece of bytecode).
   */
  static Expr normalize(Expr e, Map<Expr, Expr> memo) {
    Expr done = memo.get(e);
    if (done != null) return done;
    Expr out;
    if (e instanceof Add a) {
      out = group(map(a.terms(), memo), true);
    } else if (e instanceof Mul m) {
      out = group(map(m.factors(), memo), false);
    } else if (e instanceof Logic l) {
      List<Expr> args = map(l.args(), memo);
      if (!l.op().equals("not")) while (args.size() > MAX_ARITY) args = chunks(args, g -> Sym.logic(l.op(), g));
      out = Sym.logic(l.op(), args);
    } else if (e instanceof Pow p) {
      out = Sym.pow(normalize(p.base(), memo), normalize(p.exponent(), memo));
    } else if (e instanceof Call c) {
      out = Sym.call(c.fn(), normalize(c.arg(), memo));
    } else if (e instanceof MinMax m) {
      Expr a = normalize(m.a(), memo);
      Expr b = normalize(m.b(), memo);
      out = m.isMax() ? Sym.max(a, b) : Sym.min(a, b);
    } else if (e instanceof Where w) {
      out = Sym.where(normalize(w.cond(), memo), normalize(w.a(), memo), normalize(w.b(), memo));
    } else if (e instanceof Cmp c) {
      out = Sym.cmp(c.op(), normalize(c.a(), memo), normalize(c.b(), memo));
    } else if (e instanceof Elem el) {
      out = Sym.elem(el.vector(), normalize(el.index(), memo));
    } else if (e instanceof Loop l) {
      out = Sym.loop(l.isProduct(), l.index(), normalize(l.lo(), memo), normalize(l.hi(), memo),
          normalize(l.body(), memo));
    } else {
      out = e;
    }
    memo.put(e, out);
    return out;
  }

  private static List<Expr> map(List<Expr> xs, Map<Expr, Expr> memo) {
    List<Expr> out = new ArrayList<>(xs.size());
    for (Expr x : xs) out.add(normalize(x, memo));
    return out;
  }

  private static Expr group(List<Expr> xs, boolean add) {
    while (xs.size() > MAX_ARITY) xs = chunks(xs, g -> add ? Sym.add(g) : Sym.mul(g));
    return add ? Sym.add(xs) : Sym.mul(xs);
  }

  private static List<Expr> chunks(List<Expr> xs, java.util.function.Function<List<Expr>, Expr> build) {
    List<Expr> out = new ArrayList<>();
    for (int i = 0; i < xs.size(); i += MAX_ARITY) {
      List<Expr> g = xs.subList(i, Math.min(xs.size(), i + MAX_ARITY));
      out.add(g.size() == 1 ? g.get(0) : build.apply(new ArrayList<>(g)));
    }
    return out;
  }

  /** The children evaluated before {@code e} (for Loop: only the bounds; the body is a scope). */
  static List<Expr> operands(Expr e) {
    if (e instanceof Add a) return a.terms();
    if (e instanceof Mul m) return m.factors();
    if (e instanceof Pow p) return List.of(p.base(), p.exponent());
    if (e instanceof Call c) return List.of(c.arg());
    if (e instanceof MinMax m) return List.of(m.a(), m.b());
    if (e instanceof Where w) return List.of(w.cond(), w.a(), w.b());
    if (e instanceof Cmp c) return List.of(c.a(), c.b());
    if (e instanceof Logic l) return l.args();
    if (e instanceof Elem el) return List.of(el.index());
    if (e instanceof Loop l) return List.of(l.lo(), l.hi());
    return List.of();
  }

  /** Sum indices {@code e} depends on. */
  Set<String> free(Expr e) {
    Set<String> s = free.get(e);
    if (s != null) return s;
    if (e instanceof Index i) {
      s = Set.of(i.name());
    } else {
      Set<String> acc = new HashSet<>();
      for (Expr c : operands(e)) acc.addAll(free(c));
      if (e instanceof Loop l) {
        Set<String> b = new HashSet<>(free(l.body()));
        b.remove(l.index());
        acc.addAll(b);
      }
      s = acc.isEmpty() ? Collections.emptySet() : acc;
    }
    free.put(e, s);
    return s;
  }

  boolean closed(Expr e) {
    return free(e).isEmpty();
  }

  /** Whether a variable is a decision variable (not a field); throws for unknown names. */
  boolean isVariable(String name) {
    if (sig.isVariable(name)) return true;
    if (sig.isField(name)) return false;
    throw new IllegalArgumentException("unknown name '" + name + "' (known: " + String.join(", ", sig.names()) + ")");
  }

  /** Whether the derivative of {@code e} with respect to some variable can be non-zero. */
  boolean dep(Expr e) {
    Boolean b = dep.get(e);
    if (b != null) return b;
    boolean r;
    if (e instanceof Var v) r = isVariable(v.name());
    else if (e instanceof Elem el) r = isVariable(el.vector());
    else if (e instanceof Const || e instanceof Index || e instanceof Cmp || e instanceof Logic) r = false;
    else if (e instanceof Call c) r = c.fn() != Expr.Fn.SIGN && dep(c.arg());
    else if (e instanceof Where w) r = dep(w.a()) || dep(w.b());
    else if (e instanceof Loop l) r = dep(l.body());
    else if (e instanceof Pow p) r = dep(p.base()) || dep(p.exponent());
    else {
      r = false;
      for (Expr c : operands(e)) r |= dep(c);
    }
    dep.put(e, r);
    return r;
  }

  /**
   * Checks every name: a {@code Var} must be a declared scalar, an {@code Elem} a declared vector.
   * Throws IllegalArgumentException naming the problem.
   */
  void validate(Expr root) {
    Set<Expr> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    List<Expr> todo = new ArrayList<>();
    todo.add(root);
    while (!todo.isEmpty()) {
      Expr e = todo.remove(todo.size() - 1);
      if (!seen.add(e)) continue;
      if (e instanceof Var v) {
        isVariable(v.name());
        if (sig.find(v.name()).isVector()) {
          throw new IllegalArgumentException("'" + v.name() + "' is a vector of " + size(v.name())
              + " elements: name one element, as in " + v.name() + "[1]");
        }
      } else if (e instanceof Elem el) {
        isVariable(el.vector());
        if (!sig.find(el.vector()).isVector()) {
          throw new IllegalArgumentException("'" + el.vector() + "' is a scalar and cannot be indexed");
        }
      }
      todo.addAll(operands(e));
      if (e instanceof Loop l) todo.add(l.body());
    }
  }

  /** Size of a vector variable/field (0 for a scalar). */
  int size(String name) {
    return sig.find(name).size();
  }
}
