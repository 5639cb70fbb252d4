package gradus.interp;

import gradus.lang.Ast;
import gradus.lang.GradusError;
import gradus.lang.Span;
import gradus.sym.Expr;
import gradus.sym.Signature;
import gradus.sym.Sym;
import gradus.sym.SymException;
import gradus.sym.VarSpec;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns the AST of a function body into a symbolic expression: variables and fields become
 * symbols, sum indices become index nodes, other names are captured as numbers, and calls of
 * declared functions are inlined.
 */
final class BodyBuilder {
  private static final Set<String> LOGIC = Set.of("<", "<=", ">", ">=", "==", "!=");

  private final Interpreter interp;
  private final Signature sig;
  private final String fname;
  private final Deque<String> indices = new ArrayDeque<>();

  BodyBuilder(Interpreter interp, Signature sig, String fname) {
    this.interp = interp;
    this.sig = sig;
    this.fname = fname;
  }

  Expr build(Ast.Expr e) {
    if (e instanceof Ast.Num n) return Sym.num(n.value());
    if (e instanceof Ast.Name n) return name(n);
    if (e instanceof Ast.Index i) return element(i);
    if (e instanceof Ast.Unary u) {
      return switch (u.op()) {
        case "-" -> Sym.neg(build(u.operand()));
        case "+" -> build(u.operand());
        default -> Sym.not(build(u.operand()));
      };
    }
    if (e instanceof Ast.Binary b) return binary(b);
    if (e instanceof Ast.Call c) return call(c);
    if (e instanceof Ast.Str) throw notInBody(e.span(), "a string");
    if (e instanceof Ast.ListLit) throw notInBody(e.span(), "a list");
    if (e instanceof Ast.Range) throw notInBody(e.span(), "a range (ranges belong in sum(i in a..b, ...))");
    Value v = interp.eval(e);
    if (v instanceof Value.Num num) return Sym.num(num.v());
    throw notInBody(e.span(), "a " + v.kind());
  }

  private GradusError notInBody(Span span, String what) {
    return new GradusError(span, what + " cannot appear in the body of " + fname + "; a body is a formula in its variables");
  }

  private Expr name(Ast.Name n) {
    String name = n.name();
    if (indices.contains(name)) return Sym.index(name);
    VarSpec v = sig.find(name);
    if (v != null) {
      if (v.size() > 0) {
        throw new GradusError(n.span(), "'" + name + "' is a vector of " + v.size() + " entries; use an element such as "
            + name + "[1] or " + name + "[i] inside sum(i in 1.." + v.size() + ", ...)");
      }
      return Sym.var(name);
    }
    if (interp.isBound(name)) {
      Value val = interp.lookup(name, n.span());
      if (val instanceof Value.Num num) return Sym.num(num.v());
      if (val instanceof Value.Bool b) return Sym.num(b.v() ? 1 : 0);
      throw new GradusError(n.span(), "'" + name + "' is a " + val.kind() + "; only numbers can be used by name in the body of "
          + fname + " (they are captured when it is declared)");
    }
    Set<String> known = new TreeSet<>(interp.knownNames());
    for (VarSpec s : sig.vars()) known.add(s.name());
    for (VarSpec s : sig.fields()) known.add(s.name());
    known.addAll(indices);
    throw new GradusError(n.span(), "unknown name '" + name + "' in the body of " + fname + Suggest.hint(name, known)
        + (Suggest.nearest(name, known) == null ? "; declare it as a variable, or bind it before the declaration" : ""));
  }

  private Expr element(Ast.Index i) {
    if (i.indices().size() > 1) {
      throw new GradusError(i.span(), "an element takes one index here, as in x[i]");
    }
    if (i.target() instanceof Ast.Name n) {
      VarSpec v = sig.find(n.name());
      if (v != null) {
        if (v.size() == 0) throw new GradusError(i.span(), "'" + n.name() + "' is a scalar and cannot be indexed");
        Expr index = build(i.index());
        if (index instanceof Expr.Const c) {
          double k = c.value();
          if (k != Math.rint(k)) throw new GradusError(i.index().span(), "an index must be a whole number, got " + Printer.print(new Value.Num(k)));
          if (k < 1 || k > v.size()) {
            throw new GradusError(i.index().span(), "index " + (long) k + " is out of range for " + n.name() + "[" + v.size()
                + "] (indices run from 1 to " + v.size() + ")");
          }
        }
        return Sym.elem(n.name(), index);
      }
    }
    Value v = interp.eval(i);
    if (v instanceof Value.Num num) return Sym.num(num.v());
    throw notInBody(i.span(), "a " + v.kind());
  }

  private Expr binary(Ast.Binary b) {
    if (b.op().equals("+") || b.op().equals("-")) return chain(b, true);
    if (b.op().equals("*")) return chain(b, false);
    Expr l = build(b.left());
    Expr r = build(b.right());
    return switch (b.op()) {
      case "+" -> Sym.add(l, r);
      case "-" -> Sym.sub(l, r);
      case "*" -> Sym.mul(l, r);
      case "/" -> Sym.div(l, r);
      case "^" -> Sym.pow(l, r);
      case "and" -> Sym.and(l, r);
      case "or" -> Sym.or(l, r);
      default -> {
        if (!LOGIC.contains(b.op())) throw new GradusError(b.span(), "unknown operator " + b.op());
        yield Sym.cmp(b.op(), l, r);
      }
    };
  }

  /**
   * A chain {@code a + b - c + ...} (or {@code a*b*c}) as one sum (product), built in one pass
   * down the parser's left-leaning tree: a long sum then costs linear time to build and to
   * simplify, not quadratic.
   */
  private Expr chain(Ast.Binary top, boolean sum) {
    List<Expr> right = new ArrayList<>();
    Ast.Expr e = top;
    while (e instanceof Ast.Binary b && (sum ? b.op().equals("+") || b.op().equals("-") : b.op().equals("*"))) {
      Expr r = build(b.right());
      right.add(b.op().equals("-") ? Sym.neg(r) : r);
      e = b.left();
    }
    List<Expr> all = new ArrayList<>(right.size() + 1);
    all.add(build(e));
    for (int k = right.size() - 1; k >= 0; k--) all.add(right.get(k));
    return sum ? Sym.add(all) : Sym.mul(all);
  }

  private Expr call(Ast.Call c) {
    if (!(c.fn() instanceof Ast.Name fn)) {
      throw new GradusError(c.fn().span(), "only named functions can be called in the body of " + fname);
    }
    String name = fn.name();
    boolean shadowed = sig.find(name) != null || indices.contains(name);
    if (shadowed) throw new GradusError(fn.span(), "'" + name + "' is a variable of " + fname + ", not a function");
    if (interp.isBound(name)) {
      Value target = interp.lookup(name, fn.span());
      if (target instanceof FunctionValue f) return inline(f, c);
      throw new GradusError(fn.span(), "'" + name + "' is a " + target.kind() + ", not a function");
    }
    switch (name) {
      case "sum", "prod" -> {
        return loop(name.equals("prod"), c);
      }
      case "where" -> {
        List<Expr> a = positional(c, 3);
        return Sym.where(a.get(0), a.get(1), a.get(2));
      }
      case "min", "max" -> {
        List<Expr> a = positional(c, 2);
        return name.equals("min") ? Sym.min(a.get(0), a.get(1)) : Sym.max(a.get(0), a.get(1));
      }
      default -> { }
    }
    if (CoreBuiltins.ELEMENTARY.containsKey(name)) {
      return Sym.call(name, positional(c, 1).get(0));
    }
    Set<String> allowed = new TreeSet<>(CoreBuiltins.ELEMENTARY.keySet());
    allowed.addAll(List.of("sum", "prod", "where", "min", "max"));
    for (var entry : interp.globals.entrySet()) if (entry.getValue() instanceof FunctionValue) allowed.add(entry.getKey());
    if (interp.builtins.containsKey(name)) {
      throw new GradusError(fn.span(), name + "(...) cannot be used inside a function body; a body may use "
          + String.join(" ", CoreBuiltins.ELEMENTARY.keySet().stream().sorted().toList()) + ", min, max, where, sum, prod and declared functions");
    }
    throw new GradusError(fn.span(), "unknown function '" + name + "'" + Suggest.hint(name, allowed));
  }

  private List<Expr> positional(Ast.Call c, int count) {
    String name = ((Ast.Name) c.fn()).name();
    if (c.args().size() != count || !c.args().stream().allMatch(a -> a instanceof Ast.Positional)) {
      throw new GradusError(c.span(), name + "(...) takes " + count + " argument" + (count == 1 ? "" : "s")
          + ", got " + c.args().size());
    }
    List<Expr> out = new ArrayList<>();
    for (Ast.Arg a : c.args()) out.add(build(((Ast.Positional) a).value()));
    return out;
  }

  private Expr loop(boolean product, Ast.Call c) {
    String what = product ? "prod" : "sum";
    if (c.args().size() != 2 || !(c.args().get(0) instanceof Ast.IndexBinding ib) || !(c.args().get(1) instanceof Ast.Positional body)) {
      throw new GradusError(c.span(), "in a function body, " + what + " takes the form " + what + "(i in a..b, body)");
    }
    if (!(ib.range() instanceof Ast.Range range)) {
      throw new GradusError(ib.range().span(), what + "(" + ib.name() + " in a..b, ...) needs an integer range a..b");
    }
    if (sig.find(ib.name()) != null) {
      throw new GradusError(ib.span(), "the index '" + ib.name() + "' has the name of a variable of " + fname + "; choose another");
    }
    Expr lo = build(range.lo());
    Expr hi = build(range.hi());
    checkInteger(lo, range.lo().span());
    checkInteger(hi, range.hi().span());
    indices.push(ib.name());
    try {
      Expr b = build(body.value());
      return product ? Sym.prod(ib.name(), lo, hi, b) : Sym.sum(ib.name(), lo, hi, b);
    } finally {
      indices.pop();
    }
  }

  private static void checkInteger(Expr bound, Span span) {
    if (bound instanceof Expr.Const c && c.value() != Math.rint(c.value())) {
      throw new GradusError(span, "a range bound must be a whole number, got " + Printer.print(new Value.Num(c.value())));
    }
  }

  private Expr inline(FunctionValue f, Ast.Call c) {
    if (!f.isDeclared()) {
      throw new GradusError(c.fn().span(), "only declared scalar functions can be called inside a body; "
          + f.name() + " is " + f.describeShape());
    }
    Signature callee = f.signature();
    List<VarSpec> params = new ArrayList<>(callee.vars());
    params.addAll(callee.fields());
    List<Ast.Arg> args = c.args();
    if (args.size() != params.size() || !args.stream().allMatch(a -> a instanceof Ast.Positional)) {
      throw new GradusError(c.span(), f.name() + " takes " + params.size() + " argument" + (params.size() == 1 ? "" : "s")
          + " (" + String.join(", ", params.stream().map(p -> p.size() > 0 ? p.name() + "[" + p.size() + "]" : p.name()).toList())
          + "), got " + args.size());
    }
    List<Object> bound = new ArrayList<>();
    for (int k = 0; k < params.size(); k++) {
      VarSpec p = params.get(k);
      Ast.Expr arg = ((Ast.Positional) args.get(k)).value();
      bound.add(p.size() == 0 ? build(arg) : vectorArgument(p, arg, f.name()));
    }
    try {
      return f.declared().inline(bound);
    } catch (SymException e) {
      throw new GradusError(c.span(), e.getMessage());
    }
  }

  private Object vectorArgument(VarSpec p, Ast.Expr arg, String callee) {
    if (arg instanceof Ast.Name n) {
      VarSpec v = sig.find(n.name());
      if (v != null && v.size() == p.size()) return n.name();
      if (v != null) {
        throw new GradusError(arg.span(), callee + "'s " + p.name() + " has " + p.size() + " entries, but " + n.name()
            + " has " + (v.size() == 0 ? "1 (a scalar)" : v.size()));
      }
    }
    if (arg instanceof Ast.ListLit l) {
      if (l.items().size() != p.size()) {
        throw new GradusError(arg.span(), callee + "'s " + p.name() + " has " + p.size() + " entries, got a list of " + l.items().size());
      }
      List<Expr> items = new ArrayList<>();
      for (Ast.Expr x : l.items()) items.add(build(x));
      return items;
    }
    throw new GradusError(arg.span(), callee + "'s " + p.name() + " is a vector of " + p.size()
        + " entries: pass a vector variable of the same size, or a list");
  }
}
