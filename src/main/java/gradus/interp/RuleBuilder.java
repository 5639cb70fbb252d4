package gradus.interp;

import gradus.compile.UpdateProgram;
import gradus.lang.Ast;
import gradus.lang.GradusError;
import gradus.lang.Span;
import gradus.sym.Expr;
import gradus.sym.Expr.Fn;
import gradus.sym.Sym;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * An optimizer's lines as {@code gradus.sym} expressions, in three readings of one walk:
 * {@link Mode#TEXT} checks every name (at the declaration) and gives the printed form,
 * {@link Mode#LATEX} the same in LaTeX, and {@link Mode#COMPILE} (at a call) the update itself:
 * the hyperparameters are numbers, each {@code if} is decided, and each name stands for its value
 * at its line, so {@code x = x - lr*g} reads the x before it. Expressions are built as written
 * (chains of {@code + -} and of {@code *} flattened left to right, as in function bodies) and never
 * simplified, so the compiled update makes exactly the operations of the statements.
 */
final class RuleBuilder {
  enum Mode { TEXT, LATEX, COMPILE }

  /** Where an expression stands, which decides the names it may read. */
  private enum Ctx {
    /** a require line or an if's condition: the hyperparameters only */
    HYPER,
    /** a state's start: x, g, n and the hyperparameters other than lr */
    START,
    /** a statement of the update */
    UPDATE,
    /** the argument of norm, dot, sum or mean: values before the update */
    REDUCE
  }

  /** A printed line of the update. */
  sealed interface Line permits Assign, If {}

  record Assign(String target, Expr value) implements Line {}

  /** {@code otherwise} is empty when there is no else branch. */
  record If(Expr cond, List<Line> then, List<Line> otherwise) implements Line {}

  static final Set<String> FIXED = Set.of("x", "g", "t", "f", "n");
  static final List<String> REDUCTIONS = List.of("norm", "dot", "sum", "mean");
  private static final Set<String> PREDEFINED = Set.copyOf(Interpreter.PREDEFINED);

  private final OptimizerDecl decl;
  private final Mode mode;
  private final Interpreter interp;
  private final Map<String, Value> values;
  private Map<String, Expr> env = new HashMap<>();
  /** Names the update has assigned so far, and where. */
  private Map<String, Span> assigned = new LinkedHashMap<>();
  /** Names assigned in only one branch of an if (where the if is): not readable after it. */
  private Map<String, Span> oneBranch = new HashMap<>();
  private final Map<String, Expr> sums = new LinkedHashMap<>();
  private final Map<Expr, String> sumNames = new IdentityHashMap<>();

  /** A printing walk (TEXT or LATEX). */
  RuleBuilder(OptimizerDecl decl, Mode mode) {
    this(decl, mode, null, null);
  }

  /** A compiling walk: {@code values} holds every hyperparameter's value (lr as its base rate). */
  RuleBuilder(OptimizerDecl decl, Mode mode, Interpreter interp, Map<String, Value> values) {
    this.decl = decl;
    this.mode = mode;
    this.interp = interp;
    this.values = values;
    env.put("x", leaf("x"));
    env.put("g", leaf("g"));
    for (String s : decl.stateNames()) env.put(s, leaf(s));
  }

  /** The update's program (COMPILE), after {@link #statements}. */
  UpdateProgram program() {
    List<Expr> next = new ArrayList<>();
    List<Expr> start = new ArrayList<>();
    for (Ast.State s : decl.states()) {
      next.add(env.get(s.name()));
      start.add(start(s));
    }
    return new UpdateProgram(decl.stateNames(), sums, env.get("x"), next, start);
  }

  Expr require(Ast.Require r) {
    return build(r.cond(), Ctx.HYPER);
  }

  Expr start(Ast.State s) {
    return build(s.start(), Ctx.START);
  }

  /** The lines of the update (empty in COMPILE mode, which only moves the names' values). */
  List<Line> statements(List<Ast.Stmt> stmts) {
    List<Line> out = new ArrayList<>();
    for (Ast.Stmt s : stmts) {
      if (s instanceof Ast.Bind b) out.add(assign(b));
      else if (s instanceof Ast.If i) {
        Line l = ifStatement(i);
        if (l != null) out.add(l);
      } else throw misplaced(s);
    }
    return out;
  }

  private GradusError misplaced(Ast.Stmt s) {
    String what;
    if (s instanceof Ast.Require || s instanceof Ast.State) {
      what = "require and state lines come first in an optimizer, before the statements of the update";
    } else if (s instanceof Ast.ExprStmt) {
      what = "an update's statements assign names (x = ..., m = ...); this line computes a value and keeps nothing";
    } else if (s instanceof Ast.For) {
      what = "an update has no for loops: its statements already apply to every coordinate (norm, dot, sum and mean"
          + " reduce over all of them)";
    } else {
      what = "an optimizer's body holds require and state lines, then assignments and ifs";
    }
    return new GradusError(s.span(), what);
  }

  private Line assign(Ast.Bind b) {
    String name = b.name();
    if (decl.isHyper(name)) {
      throw new GradusError(b.span(), name + " is a hyperparameter of " + decl.name() + ": the update reads it but cannot"
          + " assign it; use another name");
    }
    if (FIXED.contains(name) && !name.equals("x") && !name.equals("g")) {
      throw new GradusError(b.span(), name + " is " + describeFixed(name) + "; the update cannot assign it");
    }
    Expr value = build(b.value(), Ctx.UPDATE);
    env.put(name, mode == Mode.COMPILE ? value : leaf(name));
    assigned.put(name, b.span());
    oneBranch.remove(name);
    return new Assign(name, value);
  }

  private static String describeFixed(String name) {
    return switch (name) {
      case "t" -> "the update number (1, 2, ...)";
      case "f" -> "the objective's value at x";
      default -> "the number of coordinates";
    };
  }

  private Line ifStatement(Ast.If i) {
    Expr cond = build(i.cond(), Ctx.HYPER);
    List<Ast.Stmt> otherwise = i.otherwise() == null ? List.of() : i.otherwise();
    if (mode == Mode.COMPILE) {
      boolean take = Ops.truth(interp.evalIn(values, i.cond()), i.cond().span());
      statements(take ? i.then() : otherwise);
      return null;
    }
    Map<String, Expr> env0 = new HashMap<>(env);
    Map<String, Span> assigned0 = new LinkedHashMap<>(assigned);
    Map<String, Span> oneBranch0 = new HashMap<>(oneBranch);
    List<Line> a = statements(i.then());
    Map<String, Expr> envA = env;
    Map<String, Span> assignedA = assigned;
    env = new HashMap<>(env0);
    assigned = new LinkedHashMap<>(assigned0);
    oneBranch = new HashMap<>(oneBranch0);
    List<Line> b = statements(otherwise);
    for (Map.Entry<String, Span> e : assignedA.entrySet()) assigned.putIfAbsent(e.getKey(), e.getValue());
    Set<String> names = new TreeSet<>(envA.keySet());
    names.addAll(env.keySet());
    for (String n : names) {
      if (env0.containsKey(n)) continue;
      if (envA.containsKey(n) && env.containsKey(n)) {
        oneBranch.remove(n);
        continue;
      }
      env.remove(n);
      oneBranch.put(n, i.span());
    }
    return new If(cond, a, b);
  }

  // ---- expressions -----------------------------------------------------------------------

  /** A leaf as the mode reads it: the name itself (TEXT, COMPILE) or its LaTeX form. */
  private Expr leaf(String name) {
    return Sym.var(mode == Mode.LATEX ? RuleNames.latex(name) : name);
  }

  private Expr build(Ast.Expr e, Ctx ctx) {
    if (e instanceof Ast.Num n) return Sym.num(n.value());
    if (e instanceof Ast.Name n) return name(n, ctx);
    if (e instanceof Ast.Unary u) {
      return switch (u.op()) {
        case "-" -> Sym.neg(build(u.operand(), ctx));
        case "+" -> build(u.operand(), ctx);
        default -> Sym.not(build(u.operand(), ctx));
      };
    }
    if (e instanceof Ast.Binary b) return binary(b, ctx);
    if (e instanceof Ast.Call c) return call(c, ctx);
    if (e instanceof Ast.Index i) {
      throw new GradusError(i.span(), "an update is written for one coordinate: x, g and each state are numbers"
          + " there, so write x, not x[i]");
    }
    String what = e instanceof Ast.Str ? "a string" : e instanceof Ast.ListLit ? "a list"
        : e instanceof Ast.Range ? "a range" : "a field";
    throw new GradusError(e.span(), what + " cannot appear in an optimizer; its statements are formulas in numbers");
  }

  private Expr binary(Ast.Binary b, Ctx ctx) {
    String op = b.op();
    if (op.equals("+") || op.equals("-") || op.equals("*")) return chain(b, !op.equals("*"), ctx);
    Expr l = build(b.left(), ctx);
    Expr r = build(b.right(), ctx);
    return switch (op) {
      case "/" -> Sym.div(l, r);
      case "^" -> Sym.pow(l, r);
      case "and" -> Sym.and(l, r);
      case "or" -> Sym.or(l, r);
      default -> Sym.cmp(op, l, r);
    };
  }

  /** {@code a + b - c} as one sum, {@code a*b*c} as one product: left to right, as in function bodies. */
  private Expr chain(Ast.Binary top, boolean sum, Ctx ctx) {
    List<Expr> right = new ArrayList<>();
    Ast.Expr e = top;
    while (e instanceof Ast.Binary b && (sum ? b.op().equals("+") || b.op().equals("-") : b.op().equals("*"))) {
      Expr r = build(b.right(), ctx);
      right.add(b.op().equals("-") ? Sym.neg(r) : r);
      e = b.left();
    }
    List<Expr> all = new ArrayList<>(right.size() + 1);
    all.add(build(e, ctx));
    for (int k = right.size() - 1; k >= 0; k--) all.add(right.get(k));
    return sum ? Sym.add(all) : Sym.mul(all);
  }

  private Expr call(Ast.Call c, Ctx ctx) {
    if (!(c.fn() instanceof Ast.Name fn)) {
      throw new GradusError(c.fn().span(), "only named functions can be called in an optimizer");
    }
    String name = fn.name();
    for (Ast.Arg a : c.args()) {
      if (a instanceof Ast.IndexBinding) {
        throw new GradusError(a.span(), "sum(v) in an optimizer adds v over the coordinates; indexed sums"
            + " sum(i in a..b, ...) belong in functions");
      }
      if (!(a instanceof Ast.Positional)) {
        throw new GradusError(a.span(), name + "(...) in an optimizer takes positional arguments only");
      }
    }
    if (REDUCTIONS.contains(name)) return reduction(name, c, ctx);
    switch (name) {
      case "where" -> {
        List<Expr> a = args(c, 3, ctx);
        return Sym.where(a.get(0), a.get(1), a.get(2));
      }
      case "min", "max" -> {
        List<Expr> a = args(c, 2, ctx);
        return name.equals("min") ? Sym.min(a.get(0), a.get(1)) : Sym.max(a.get(0), a.get(1));
      }
      default -> { }
    }
    if (Fn.byName(name) != null) return Sym.call(name, args(c, 1, ctx).get(0));
    Set<String> allowed = new TreeSet<>(CoreBuiltins.ELEMENTARY.keySet());
    allowed.addAll(List.of("where", "min", "max", "norm", "dot", "sum", "mean"));
    throw new GradusError(fn.span(), "'" + name + "' cannot be called in an optimizer" + Suggest.hint(name, allowed)
        + "; it may call " + String.join(" ", allowed));
  }

  private List<Expr> args(Ast.Call c, int count, Ctx ctx) {
    String name = ((Ast.Name) c.fn()).name();
    if (c.args().size() != count) {
      throw new GradusError(c.span(), name + "(...) takes " + count + " argument" + (count == 1 ? "" : "s")
          + ", got " + c.args().size());
    }
    List<Expr> out = new ArrayList<>();
    for (Ast.Arg a : c.args()) out.add(build(((Ast.Positional) a).value(), ctx));
    return out;
  }

  /** norm(a), dot(a, b), sum(a), mean(a): over every coordinate, of the values before the update. */
  private Expr reduction(String kind, Ast.Call c, Ctx ctx) {
    if (ctx != Ctx.UPDATE) {
      String where = ctx == Ctx.REDUCE ? "inside another reduction" : ctx == Ctx.START ? "in a state's start"
          : "in a require line or an if's condition";
      throw new GradusError(c.span(), kind + "(...) reduces over the coordinates of the update; it cannot appear " + where);
    }
    List<Expr> a = args(c, kind.equals("dot") ? 2 : 1, Ctx.REDUCE);
    if (mode == Mode.TEXT) {
      List<String> parts = a.stream().map(Expr::text).toList();
      return Sym.var(kind + "(" + String.join(", ", parts) + ")");
    }
    if (mode == Mode.LATEX) {
      return Sym.var(switch (kind) {
        case "norm" -> "\\lVert " + a.get(0).latex() + " \\rVert";
        case "dot" -> "\\langle " + a.get(0).latex() + ", " + a.get(1).latex() + " \\rangle";
        default -> "\\mathrm{" + kind + "}\\left(" + a.get(0).latex() + "\\right)";
      });
    }
    Expr summand = switch (kind) {
      case "norm" -> Sym.mul(a.get(0), a.get(0));
      case "dot" -> Sym.mul(a.get(0), a.get(1));
      default -> a.get(0);
    };
    Expr total = Sym.var(sumNames.computeIfAbsent(summand, s -> {
      String key = "#" + sums.size();
      sums.put(key, s);
      return key;
    }));
    return switch (kind) {
      case "norm" -> Sym.call(Fn.SQRT, total);
      case "mean" -> Sym.div(total, Sym.var("n"));
      default -> total;
    };
  }

  private Expr name(Ast.Name n, Ctx ctx) {
    String name = n.name();
    if (decl.isHyper(name)) return hyper(name, n.span(), ctx);
    if (ctx == Ctx.HYPER) {
      if (PREDEFINED.contains(name)) return predefined(name);
      throw new GradusError(n.span(), "'" + name + "' is not a hyperparameter of " + decl.name() + ": require lines and"
          + " if conditions are decided when the optimizer is made, from " + String.join(", ", decl.hyperNames())
          + (FIXED.contains(name) || env.containsKey(name) ? "; for a choice per coordinate or per update use where(cond, a, b)" : ""));
    }
    if (ctx == Ctx.START) {
      if (name.equals("x") || name.equals("g") || name.equals("n")) return leaf(name);
      if (PREDEFINED.contains(name) && !decl.isState(name)) return predefined(name);
      if (decl.isState(name) || name.equals("t") || name.equals("f")) {
        throw new GradusError(n.span(), "a state starts from x, g, n and the hyperparameters, not from " + name);
      }
      throw unknown(n);
    }
    if (name.equals("t") || name.equals("f") || name.equals("n")) return leaf(name);
    Expr v = env.get(name);
    if (v != null) {
      if (ctx == Ctx.REDUCE && assigned.containsKey(name)) {
        throw new GradusError(n.span(), "norm, dot, sum and mean take the values before the update, but " + name
            + " is assigned above (line " + assigned.get(name).line() + "); reduce before assigning it");
      }
      return v;
    }
    Span branch = oneBranch.get(name);
    if (branch != null) {
      throw new GradusError(n.span(), name + " is assigned in only one branch of the if on line " + branch.line()
          + "; assign it in both (or before the if)");
    }
    if (PREDEFINED.contains(name)) return predefined(name);
    throw unknown(n);
  }

  private Expr hyper(String name, Span span, Ctx ctx) {
    if (name.equals("lr") && ctx == Ctx.START) {
      throw new GradusError(span, "a state's start cannot read lr (a schedule changes it with t); set it in the update,"
          + " as in where(t == 1, lr, ...)");
    }
    if (mode != Mode.COMPILE || name.equals("lr")) return leaf(name);
    Value v = values.get(name);
    if (v instanceof Value.Bool b) return Sym.num(b.v() ? 1 : 0);
    return Sym.num(((Value.Num) v).v());
  }

  private Expr predefined(String name) {
    if (mode == Mode.COMPILE) {
      Value v = Interpreter.predefined(name);
      return Sym.num(v instanceof Value.Bool b ? (b.v() ? 1 : 0) : ((Value.Num) v).v());
    }
    if (mode == Mode.TEXT) return Sym.var(name);
    return Sym.var(switch (name) {
      case "pi" -> "\\pi";
      case "inf" -> "\\infty";
      case "e" -> "e";
      default -> "\\mathrm{" + name + "}";
    });
  }

  private GradusError unknown(Ast.Name n) {
    Set<String> known = new TreeSet<>(env.keySet());
    known.addAll(decl.hyperNames());
    known.addAll(FIXED);
    String hint = Suggest.hint(n.name(), known);
    return new GradusError(n.span(), "unknown name '" + n.name() + "' in optimizer " + decl.name() + hint
        + (hint.isEmpty() ? "; it may read x, g, t, f, n, its hyperparameters, its states and names assigned above" : ""));
  }
}
