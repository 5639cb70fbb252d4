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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
  /** The locals of the block body defined so far: a scalar's expression or a local array. */
  private final Map<String, Expr> locals = new LinkedHashMap<>();
  /** Locals the block defines further down (a use of one is "used before it is defined"). */
  private final Map<String, Span> later = new HashMap<>();

  BodyBuilder(Interpreter interp, Signature sig, String fname) {
    this.interp = interp;
    this.sig = sig;
    this.fname = fname;
  }

  Expr build(Ast.Expr e) {
    if (e instanceof Ast.Block b) return block(b);
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

  /**
   * A block body: each local in order (a scalar is just its expression, shared where it is used;
   * a list or a comprehension is a local array), then the value — a number, or a list.
   */
  private Expr block(Ast.Block b) {
    if (!locals.isEmpty()) throw new GradusError(b.span(), "a block cannot be nested inside another body");
    for (Ast.Local l : b.locals()) later.putIfAbsent(l.name(), l.span());
    for (Ast.Local l : b.locals()) {
      later.remove(l.name());
      checkLocalName(l);
      locals.put(l.name(), l.ranges().isEmpty() ? localValue(l.name(), l.value()) : comprehension(l));
    }
    Ast.Expr v = b.value();
    if (v instanceof Ast.Name n && locals.get(n.name()) instanceof Expr.Array a) return a;
    if (v instanceof Ast.ListLit) return localValue("out", v);
    Expr value = build(v);
    return value;
  }

  private void checkLocalName(Ast.Local l) {
    String name = l.name();
    if (sig.find(name) != null) {
      throw new GradusError(l.span(), "'" + name + "' is a " + (sig.isVariable(name) ? "variable" : "field") + " of " + fname
          + "; a local needs a name of its own");
    }
    if (locals.containsKey(name)) throw new GradusError(l.span(), "the local '" + name + "' is defined twice in " + fname);
    for (Ast.IndexBinding r : l.ranges()) {
      if (sig.find(r.name()) != null || locals.containsKey(r.name()) || r.name().equals(name)) {
        throw new GradusError(r.span(), "the index '" + r.name() + "' of " + name + " has the name of a variable or local of " + fname);
      }
    }
    if (l.ranges().size() == 2 && l.ranges().get(0).name().equals(l.ranges().get(1).name())) {
      throw new GradusError(l.span(), name + "'s two indices need different names");
    }
  }

  /** {@code a = expr}: a scalar; {@code z = [..]} a list; {@code A = [[..], [..]]} a matrix; {@code z = net(...)} a list. */
  private Expr localValue(String name, Ast.Expr value) {
    if (value instanceof Ast.ListLit list) {
      if (list.items().isEmpty()) throw new GradusError(value.span(), "the list " + name + " is empty");
      if (list.items().stream().allMatch(x -> x instanceof Ast.ListLit)) {
        List<List<Expr>> rows = new ArrayList<>();
        for (Ast.Expr r : list.items()) {
          List<Expr> row = new ArrayList<>();
          for (Ast.Expr x : ((Ast.ListLit) r).items()) row.add(build(x));
          if (!rows.isEmpty() && row.size() != rows.get(0).size()) {
            throw new GradusError(r.span(), "the rows of " + name + " have different lengths (" + rows.get(0).size() + " and " + row.size() + ")");
          }
          rows.add(row);
        }
        return gradus.sym.Blocks.matrix(name, rows);
      }
      List<Expr> items = new ArrayList<>();
      for (Ast.Expr x : list.items()) items.add(build(x));
      return gradus.sym.Blocks.list(name, items);
    }
    Expr v = build(value);
    if (v instanceof Expr.Array a) return Sym.array(name, a.indices(), a.lo(), a.hi(), a.body());
    return v;
  }

  /** {@code h[j in 1..16] = expr} or {@code A[i in 1..m, j in 1..n] = expr}: a local array. */
  private Expr comprehension(Ast.Local l) {
    List<String> names = new ArrayList<>();
    List<Expr> los = new ArrayList<>();
    List<Expr> his = new ArrayList<>();
    for (Ast.IndexBinding r : l.ranges()) {
      if (!(r.range() instanceof Ast.Range range)) {
        throw new GradusError(r.range().span(), l.name() + "[" + r.name() + " in a..b] needs an integer range a..b");
      }
      Expr lo = build(range.lo());
      Expr hi = build(range.hi());
      checkInteger(lo, range.lo().span());
      checkInteger(hi, range.hi().span());
      names.add(r.name());
      los.add(lo);
      his.add(hi);
    }
    for (String n : names) indices.push(n);
    try {
      return Sym.array(l.name(), names, los, his, build(l.value()));
    } finally {
      for (int k = 0; k < names.size(); k++) indices.pop();
    }
  }

  private GradusError notInBody(Span span, String what) {
    return new GradusError(span, what + " cannot appear in the body of " + fname + "; a body is a formula in its variables");
  }

  private Expr name(Ast.Name n) {
    String name = n.name();
    if (indices.contains(name)) return Sym.index(name);
    Expr local = locals.get(name);
    if (local instanceof Expr.Array a) {
      throw new GradusError(n.span(), "'" + name + "' is the local " + gradus.sym.Blocks.shape(a) + "; use an element, as in "
          + name + (a.indices().size() == 1 ? "[1]" : "[1, 1]"));
    }
    if (local != null) return local;
    if (later.containsKey(name)) {
      throw new GradusError(n.span(), "the local '" + name + "' is used before it is defined (on line " + later.get(name).line()
          + "); define it first");
    }
    VarSpec v = sig.find(name);
    if (v != null) {
      if (v.isMatrix()) {
        throw new GradusError(n.span(), "'" + name + "' is the matrix " + v.shapeText() + "; use an element such as "
            + name + "[1, 1] or " + name + "[j, k] inside sums over j and k");
      }
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

  /** {@code x[i]}, {@code W[j, k]}, a local's {@code h[j]} or {@code z[label]}, or {@code net(...)[c]}. */
  private Expr element(Ast.Index i) {
    if (i.target() instanceof Ast.Name n) {
      Expr local = locals.get(n.name());
      if (local instanceof Expr.Array a) return localElement(a, i);
      if (local != null) throw new GradusError(i.span(), "the local '" + n.name() + "' is a number and cannot be indexed");
      if (later.containsKey(n.name())) name(n);
      VarSpec v = sig.find(n.name());
      if (v != null) {
        if (v.size() == 0) throw new GradusError(i.span(), "'" + n.name() + "' is a scalar and cannot be indexed");
        if (i.indices().size() != v.rank()) {
          throw new GradusError(i.span(), "'" + v.shapeText() + "' takes " + (v.rank() == 1 ? "one index, as in " + n.name() + "[i]"
              : "two indices, as in " + n.name() + "[j, k]") + ", got " + i.indices().size());
        }
        List<Expr> ix = new ArrayList<>();
        for (int d = 0; d < v.rank(); d++) {
          Ast.Expr ie = i.indices().get(d);
          Expr index = build(ie);
          int size = v.dims().get(d);
          if (index instanceof Expr.Const c) {
            double k = c.value();
            if (k != Math.rint(k)) throw new GradusError(ie.span(), "an index must be a whole number, got " + Printer.print(new Value.Num(k)));
            if (k < 1 || k > size) {
              throw new GradusError(ie.span(), "index " + (long) k + " is out of range for " + v.shapeText()
                  + " (indices run from 1 to " + size + ")");
            }
          }
          ix.add(index);
        }
        return Sym.elem(n.name(), ix);
      }
    }
    if (i.target() instanceof Ast.Call c && build(c) instanceof Expr.Array a) return localElement(a, i);
    Value v = interp.eval(i);
    if (v instanceof Value.Num num) return Sym.num(num.v());
    throw notInBody(i.span(), "a " + v.kind());
  }

  private Expr localElement(Expr.Array a, Ast.Index i) {
    if (i.indices().size() != a.indices().size()) {
      throw new GradusError(i.span(), "the local " + gradus.sym.Blocks.shape(a) + " takes "
          + (a.indices().size() == 1 ? "one index" : "two indices") + ", got " + i.indices().size());
    }
    List<Expr> ix = new ArrayList<>();
    for (int d = 0; d < i.indices().size(); d++) {
      Ast.Expr ie = i.indices().get(d);
      Expr index = build(ie);
      double lo = ((Expr.Const) a.lo().get(d)).value();
      double hi = ((Expr.Const) a.hi().get(d)).value();
      if (index instanceof Expr.Const c && (c.value() != Math.rint(c.value()) || c.value() < lo || c.value() > hi)) {
        throw new GradusError(ie.span(), "index " + Printer.print(new Value.Num(c.value())) + " is out of range for "
            + gradus.sym.Blocks.shape(a) + " (valid: " + Printer.print(new Value.Num(lo)) + ".." + Printer.print(new Value.Num(hi)) + ")");
      }
      ix.add(index);
    }
    return Sym.at(a, ix);
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
    boolean bound = !c.args().isEmpty() && c.args().get(0) instanceof Ast.IndexBinding;
    switch (name) {
      case "sum", "prod", "logsumexp" -> {
        return loop(Expr.Kind.valueOf(name.toUpperCase(java.util.Locale.ROOT)), c);
      }
      case "where" -> {
        List<Expr> a = positional(c, 3);
        return Sym.where(a.get(0), a.get(1), a.get(2));
      }
      case "min", "max" -> {
        if (bound && name.equals("max")) return loop(Expr.Kind.MAX, c);
        if (bound) throw new GradusError(c.span(), "there is no min(i in a..b, body); write -max(i in a..b, -body)");
        List<Expr> a = positional(c, 2);
        return name.equals("min") ? Sym.min(a.get(0), a.get(1)) : Sym.max(a.get(0), a.get(1));
      }
      default -> { }
    }
    if (CoreBuiltins.ELEMENTARY.containsKey(name)) {
      return Sym.call(name, positional(c, 1).get(0));
    }
    Set<String> allowed = new TreeSet<>(CoreBuiltins.ELEMENTARY.keySet());
    allowed.addAll(List.of("sum", "prod", "logsumexp", "where", "min", "max"));
    for (var entry : interp.globals.entrySet()) if (entry.getValue() instanceof FunctionValue) allowed.add(entry.getKey());
    if (interp.builtins.containsKey(name)) {
      throw new GradusError(fn.span(), name + "(...) cannot be used inside a function body; a body may use "
          + String.join(" ", CoreBuiltins.ELEMENTARY.keySet().stream().sorted().toList()) + ", min, max, where, sum, prod, logsumexp and declared functions");
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

  private Expr loop(Expr.Kind kind, Ast.Call c) {
    String what = kind.text();
    if (c.args().size() != 2 || !(c.args().get(0) instanceof Ast.IndexBinding ib) || !(c.args().get(1) instanceof Ast.Positional body)) {
      throw new GradusError(c.span(), "in a function body, " + what + " takes the form " + what + "(i in a..b, body)");
    }
    if (!(ib.range() instanceof Ast.Range range)) {
      throw new GradusError(ib.range().span(), what + "(" + ib.name() + " in a..b, ...) needs an integer range a..b");
    }
    if (sig.find(ib.name()) != null || locals.containsKey(ib.name())) {
      throw new GradusError(ib.span(), "the index '" + ib.name() + "' has the name of a variable or local of " + fname + "; choose another");
    }
    Expr lo = build(range.lo());
    Expr hi = build(range.hi());
    checkInteger(lo, range.lo().span());
    checkInteger(hi, range.hi().span());
    indices.push(ib.name());
    try {
      return Sym.loop(kind, ib.name(), lo, hi, build(body.value()));
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
    if (!f.isDeclared() && !f.isModel()) {
      throw new GradusError(c.fn().span(), "only declared functions can be called inside a body; "
          + f.name() + " is " + f.describeShape());
    }
    Signature callee = f.signature();
    List<VarSpec> params = new ArrayList<>(callee.vars());
    params.addAll(callee.fields());
    List<Ast.Arg> args = c.args();
    if (args.size() != params.size() || !args.stream().allMatch(a -> a instanceof Ast.Positional)) {
      throw new GradusError(c.span(), f.name() + " takes " + params.size() + " argument" + (params.size() == 1 ? "" : "s")
          + " (" + String.join(", ", params.stream().map(VarSpec::shapeText).toList()) + "), got " + args.size());
    }
    List<Object> bound = new ArrayList<>();
    for (int k = 0; k < params.size(); k++) {
      VarSpec p = params.get(k);
      Ast.Expr arg = ((Ast.Positional) args.get(k)).value();
      bound.add(p.size() == 0 ? build(arg) : vectorArgument(p, arg, f.name()));
    }
    try {
      return f.isModel() ? f.model().inline(bound) : f.declared().inline(bound);
    } catch (SymException e) {
      throw new GradusError(c.span(), e.getMessage());
    }
  }

  /** A vector or matrix parameter takes a variable or field of the same shape, a local array, or a list. */
  private Object vectorArgument(VarSpec p, Ast.Expr arg, String callee) {
    if (arg instanceof Ast.Name n) {
      if (locals.get(n.name()) instanceof Expr.Array a) return a;
      VarSpec v = sig.find(n.name());
      if (v != null && v.size() == p.size() && v.cols() == p.cols()) return n.name();
      if (v != null) {
        throw new GradusError(arg.span(), callee + "'s " + p.shapeText() + " takes " + (p.isMatrix() ? "a matrix" : "a vector")
            + " of the same shape, but " + n.name() + " is " + (v.size() == 0 ? "a scalar" : v.shapeText()));
      }
    }
    if (arg instanceof Ast.ListLit l && !p.isMatrix()) {
      if (l.items().size() != p.size()) {
        throw new GradusError(arg.span(), callee + "'s " + p.name() + " has " + p.size() + " entries, got a list of " + l.items().size());
      }
      List<Expr> items = new ArrayList<>();
      for (Ast.Expr x : l.items()) items.add(build(x));
      return items;
    }
    if (arg instanceof Ast.Call || arg instanceof Ast.Index) {
      Expr e = build(arg);
      if (e instanceof Expr.Array a) return a;
    }
    throw new GradusError(arg.span(), callee + "'s " + p.shapeText() + " is " + (p.isMatrix() ? "a matrix" : "a vector")
        + ": pass a variable of the same shape, a local list, or a list");
  }
}
