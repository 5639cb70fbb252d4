package gradus.interp;

import gradus.compile.CompileError;
import gradus.compile.UpdateCode;
import gradus.compile.UpdateCompiler;
import gradus.compile.UpdateKernel;
import gradus.lang.Ast;
import gradus.lang.GradusError;
import gradus.lang.Span;
import gradus.optim.Param;
import gradus.optim.RuleMethod;
import gradus.optim.Schedule;
import gradus.sym.Expr;
import gradus.sym.Numbers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A declared optimizer, {@code optimizer lion(lr=0.0001, ...) { require ...; state m = 0; ... }}:
 * checked when declared (every name, the defaults against the require lines), printed by {@link
 * #text} and {@link #latex} from its own lines, and called like a built-in optimizer to make a
 * configured method, whose update is compiled ({@code compile.UpdateCompiler}).
 */
final class OptimizerDecl implements Value.Obj {
  /** A hyperparameter with its default (a number, or a boolean). */
  record Hyper(String name, Value fallback, Span span) {
    Param.Kind kind() {
      return name.equals("lr") ? Param.Kind.RATE : fallback instanceof Value.Bool ? Param.Kind.BOOLEAN : Param.Kind.NUMBER;
    }
  }

  private final String name;
  private final List<Hyper> hypers;
  private final List<Ast.Require> requires;
  private final List<Ast.State> states;
  private final List<Ast.Stmt> update;
  private final Interpreter interp;
  private String text;
  private String latex;
  private List<Expr> requireForms;

  private OptimizerDecl(String name, List<Hyper> hypers, List<Ast.Require> requires, List<Ast.State> states,
      List<Ast.Stmt> update, Interpreter interp) {
    this.name = name;
    this.hypers = hypers;
    this.requires = requires;
    this.states = states;
    this.update = update;
    this.interp = interp;
  }

  /** Checks a declaration and makes its value; errors point at the line at fault. */
  static OptimizerDecl declare(Interpreter interp, Ast.Optimizer o) {
    List<Hyper> hypers = hypers(interp, o);
    List<Ast.Require> requires = new ArrayList<>();
    List<Ast.State> states = new ArrayList<>();
    List<Ast.Stmt> update = new ArrayList<>();
    Set<String> names = new LinkedHashSet<>();
    for (Hyper h : hypers) names.add(h.name());
    for (Ast.Stmt s : o.body()) {
      if (!update.isEmpty() || !(s instanceof Ast.Require || s instanceof Ast.State)) {
        update.add(s);
      } else if (s instanceof Ast.Require r) {
        requires.add(r);
      } else {
        Ast.State st = (Ast.State) s;
        if (RuleBuilder.FIXED.contains(st.name()) || st.name().equals("lr")) {
          throw new GradusError(st.nameSpan(), st.name() + " is given to every update; a state needs another name");
        }
        if (!names.add(st.name())) {
          throw new GradusError(st.nameSpan(), "'" + st.name() + "' is already a hyperparameter or a state of " + o.name());
        }
        states.add(st);
      }
    }
    OptimizerDecl d = new OptimizerDecl(o.name(), hypers, requires, states, update, interp);
    d.print();
    d.checkDefaults();
    return d;
  }

  private static List<Hyper> hypers(Interpreter interp, Ast.Optimizer o) {
    List<Hyper> out = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (Ast.Arg a : o.params()) {
      if (!(a instanceof Ast.Keyword k)) {
        throw new GradusError(a.span(), "each hyperparameter of an optimizer needs a default, as in lr=0.001");
      }
      if (RuleBuilder.FIXED.contains(k.name())) {
        throw new GradusError(k.span(), k.name() + " is given to every update; a hyperparameter needs another name");
      }
      if (!seen.add(k.name())) throw new GradusError(k.span(), "the hyperparameter '" + k.name() + "' is given twice");
      Value v = interp.eval(k.value());
      if (!(v instanceof Value.Num || v instanceof Value.Bool)) {
        throw new GradusError(k.value().span(), "a hyperparameter's default must be a number or true/false, got a " + v.kind());
      }
      if (k.name().equals("lr") && !(v instanceof Value.Num)) {
        throw new GradusError(k.value().span(), "lr is the learning rate: its default must be a number");
      }
      out.add(new Hyper(k.name(), v, k.span()));
    }
    if (!seen.contains("lr")) {
      throw new GradusError(o.nameSpan(), o.name() + " needs a learning rate: declare lr=DEFAULT among its hyperparameters"
          + " (the update reads it as lr; a schedule may give it)");
    }
    return out;
  }

  /** The text and LaTeX forms; the TEXT walk is also the check of every name. */
  private void print() {
    RuleBuilder t = new RuleBuilder(this, RuleBuilder.Mode.TEXT);
    requireForms = new ArrayList<>();
    for (Ast.Require r : requires) requireForms.add(t.require(r));
    List<Expr> starts = new ArrayList<>();
    for (Ast.State s : states) starts.add(t.start(s));
    List<RuleBuilder.Line> lines = t.statements(update);
    text = RuleText.text(this, requireForms, starts, lines);
    RuleBuilder l = new RuleBuilder(this, RuleBuilder.Mode.LATEX);
    List<Expr> lr = new ArrayList<>();
    for (Ast.Require r : requires) lr.add(l.require(r));
    List<Expr> ls = new ArrayList<>();
    for (Ast.State s : states) ls.add(l.start(s));
    latex = RuleText.latex(this, lr, ls, l.statements(update));
  }

  /** The defaults must pass the require lines: a call without arguments has to work. */
  private void checkDefaults() {
    Map<String, Value> values = new LinkedHashMap<>();
    for (Hyper h : hypers) values.put(h.name(), h.fallback());
    for (int k = 0; k < requires.size(); k++) {
      Ast.Require r = requires.get(k);
      if (!holds(r, values)) {
        throw new GradusError(r.span(), name + ": the defaults do not meet require " + requireForms.get(k).text()
            + " (" + shown(requireForms.get(k), values) + ")");
      }
    }
  }

  private boolean holds(Ast.Require r, Map<String, Value> values) {
    return Ops.truth(interp.evalIn(values, r.cond()), r.cond().span());
  }

  /** {@code lr = -1, beta1 = 2}: the hyperparameters a condition reads, with their values. */
  private String shown(Expr form, Map<String, Value> values) {
    List<String> parts = new ArrayList<>();
    for (Hyper h : hypers) {
      if (gradus.sym.Exprs.names(form).contains(h.name())) {
        parts.add(h.name() + " = " + Printer.print(values.get(h.name())));
      }
    }
    return String.join(", ", parts);
  }

  // ---- the value --------------------------------------------------------------------------

  String name() {
    return name;
  }

  List<Hyper> hypers() {
    return hypers;
  }

  List<String> hyperNames() {
    return hypers.stream().map(Hyper::name).toList();
  }

  boolean isHyper(String n) {
    for (Hyper h : hypers) if (h.name().equals(n)) return true;
    return false;
  }

  List<Ast.State> states() {
    return states;
  }

  List<String> stateNames() {
    return states.stream().map(Ast.State::name).toList();
  }

  boolean isState(String n) {
    return stateNames().contains(n);
  }

  /** The declaration as Gradus source, re-declarable: hyperparameters with defaults, then every line. */
  String text() {
    return text;
  }

  String latex() {
    return latex;
  }

  /** The signature, {@code lion(lr=0.0001, beta1=0.9)}: what help and completion show. */
  String signature() {
    List<String> parts = new ArrayList<>();
    for (Hyper h : hypers) parts.add(h.name() + "=" + Printer.print(h.fallback()));
    return name + "(" + String.join(", ", parts) + ")";
  }

  @Override
  public String kind() {
    return "optimizer declaration";
  }

  @Override
  public String toString() {
    return "<optimizer " + signature() + ">";
  }

  /** A built-in-like function: {@code lion(lr=0.001)} makes the configured method. */
  Builtin maker() {
    List<String> params = hypers.stream().map(h -> h.name() + "?").toList();
    return new Builtin(name, params, "the " + name + " optimizer (written in Gradus): " + signature(), this::make);
  }

  /** The configured method: arguments checked by kind, then against the require lines; the update compiled. */
  OptimBuiltins.MethodValue make(Args a) {
    Map<String, Object> given = new LinkedHashMap<>();
    for (Hyper h : hypers) {
      if (!a.has(h.name())) continue;
      Value v = a.get(h.name());
      Span at = a.spanOf(h.name());
      String what = name + "'s " + h.name();
      given.put(h.name(), switch (h.kind()) {
        case BOOLEAN -> Values.bool(v, what, at);
        case RATE -> v instanceof OptimBuiltins.ScheduleValue s ? s.schedule()
            : (Object) Values.number(v, what + " (a number or a schedule such as step_lr(0.1, 10))", at);
        default -> Values.number(v, what, at);
      });
    }
    return configure(given, a);
  }

  /**
   * The method with these arguments (by name: Double, Boolean, or a Schedule for lr), checked
   * against the require lines; errors point at the argument of {@code a} they name.
   */
  OptimBuiltins.MethodValue configure(Map<String, Object> given, Args a) {
    Map<String, Value> values = new LinkedHashMap<>();
    Schedule rate = null;
    for (Hyper h : hypers) {
      Object v = given.get(h.name());
      if (v == null) values.put(h.name(), h.fallback());
      else if (v instanceof Schedule s) {
        rate = s;
        values.put(h.name(), new Value.Num(s.baseRate()));
      } else if (v instanceof Boolean b) values.put(h.name(), Value.Bool.of(b));
      else values.put(h.name(), new Value.Num(((Number) v).doubleValue()));
    }
    for (int k = 0; k < requires.size(); k++) {
      Ast.Require r = requires.get(k);
      if (holds(r, values)) continue;
      String message = name + ": " + requireForms.get(k).text() + " does not hold (" + shown(requireForms.get(k), values) + ")";
      throw blame(a, requireForms.get(k), message);
    }
    if (rate == null) rate = Schedule.constant(((Value.Num) values.get("lr")).v());
    RuleBuilder b = new RuleBuilder(this, RuleBuilder.Mode.COMPILE, interp, values);
    b.statements(update);
    UpdateKernel kernel;
    try {
      kernel = UpdateCompiler.compile(b.program());
    } catch (CompileError e) {
      throw a.error(name + ": " + e.getMessage());
    }
    try {
      RuleMethod m = new RuleMethod(name, call(given), rate, stateNames(), n -> update(kernel.newCode(n)));
      return new OptimBuiltins.MethodValue(m, this, given);
    } catch (gradus.optim.BadArgument e) {
      throw a.has(e.parameter()) ? a.error(e.parameter(), e.getMessage()) : a.error(e.getMessage());
    } catch (IllegalArgumentException e) {
      throw a.error(e.getMessage());
    }
  }

  /** The error of a failed require, at the first argument it reads that the call gave (else the call). */
  private GradusError blame(Args a, Expr form, String message) {
    for (Hyper h : hypers) {
      if (a.has(h.name()) && gradus.sym.Exprs.names(form).contains(h.name())) return a.error(h.name(), message);
    }
    return a.error(message);
  }

  /** {@code lion(lr=0.001)}: the name with the arguments given, in declaration order. */
  private String call(Map<String, Object> given) {
    List<String> parts = new ArrayList<>();
    for (Map.Entry<String, Object> e : given.entrySet()) {
      Object v = e.getValue();
      String shown = v instanceof Schedule s ? s.describe() : v instanceof Boolean b ? (b ? "true" : "false")
          : Numbers.format(((Number) v).doubleValue());
      parts.add(e.getKey() + "=" + shown);
    }
    return name + "(" + String.join(", ", parts) + ")";
  }

  private static RuleMethod.Update update(UpdateCode c) {
    return new RuleMethod.Update() {
      @Override
      public void start(double[] x, double[] g) {
        c.start(x, g);
      }

      @Override
      public void update(double[] x, double[] g, double f, double rate, long t, double[] out) {
        c.update(x, g, f, rate, t, out);
      }

      @Override
      public int width(int k) {
        return c.width(k);
      }

      @Override
      public void copyState(int k, double[] into, int off) {
        c.copyState(k, into, off);
      }
    };
  }
}
