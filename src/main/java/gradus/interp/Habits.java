package gradus.interp;

import gradus.lang.Ast;
import gradus.lang.GradusError;
import java.util.Map;

/**
 * What Python and IPython users type out of habit, answered with the Gradus way: {@code help(x)}
 * prints the {@code :help x} text, and names such as {@code exit} or {@code range} get a pointer
 * instead of a bare "unknown name".
 */
final class Habits {
  private Habits() {}

  private static final Map<String, String> POINTERS = Map.of(
      "quit", "quit and exit leave the REPL (like :quit or Ctrl-D); a script ends after its last line",
      "exit", "quit and exit leave the REPL (like :quit or Ctrl-D); a script ends after its last line",
      "range", "Gradus writes ranges as a..b, inclusive: for i in 1..10 { ... }, sum(i in 1..n, ...)",
      "None", "Gradus has no None: print(...) returns nothing, and a missing number is nan",
      "np", "Gradus needs no imports: exp, sqrt, dot, norm, linspace, ... are built in",
      "numpy", "Gradus needs no imports: exp, sqrt, dot, norm, linspace, ... are built in",
      "math", "Gradus needs no imports: exp, sqrt, dot, norm, linspace, ... are built in");

  /** The pointer for a habitual name, or null. */
  static String pointer(String name) {
    return POINTERS.get(name);
  }

  /**
   * The text {@code help(...)} prints. A bare name or a string is a topic, looked up without
   * evaluating it (so {@code help(diff)} works); another expression is evaluated and its kind
   * is looked up ({@code help(adam(lr=0.1))} is the help of adam).
   */
  static String help(Interpreter interp, Ast.Call c) {
    if (c.args().isEmpty()) return HelpTopics.topic("", interp);
    if (c.args().size() > 1 || !(c.args().get(0) instanceof Ast.Positional p)) {
      throw new GradusError(c.span(), "help takes one name, as in help(adam), or a topic, as in help(\"plots\")");
    }
    if (p.value() instanceof Ast.Name n) return HelpTopics.topic(n.name(), interp);
    if (p.value() instanceof Ast.Str s) return HelpTopics.topic(s.value(), interp);
    Value v = interp.eval(p.value());
    if (v instanceof Builtin b) return HelpTopics.topic(b.name(), interp);
    if (v instanceof OptimBuiltins.MethodValue m) return HelpTopics.topic(m.method().name(), interp);
    if (v instanceof OptimBuiltins.ScheduleValue s) {
      return HelpTopics.topic(s.schedule().describe().replaceFirst("\\(.*", ""), interp);
    }
    return "a " + v.kind() + ": " + Printer.print(v);
  }
}
