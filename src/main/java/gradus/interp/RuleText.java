package gradus.interp;

import gradus.sym.Expr;
import gradus.sym.Sym;
import java.util.ArrayList;
import java.util.List;

/**
 * The printed forms of a declared optimizer, from its own lines: the text is Gradus source that
 * declares it again; the LaTeX an {@code aligned} block, one line per statement ({@code ←} for
 * an assignment), hyperparameters named as in the papers ({@link RuleNames}).
 */
final class RuleText {
  private RuleText() {}

  static String text(OptimizerDecl d, List<Expr> requires, List<Expr> starts, List<RuleBuilder.Line> lines) {
    StringBuilder b = new StringBuilder("optimizer ").append(d.signature()).append(" {\n");
    for (Expr r : requires) b.append("  require ").append(r.text()).append('\n');
    for (int k = 0; k < starts.size(); k++) {
      b.append("  state ").append(d.stateNames().get(k)).append(" = ").append(starts.get(k).text()).append('\n');
    }
    textLines(b, lines, "  ");
    return b.append('}').toString();
  }

  private static void textLines(StringBuilder b, List<RuleBuilder.Line> lines, String indent) {
    for (RuleBuilder.Line l : lines) {
      if (l instanceof RuleBuilder.Assign a) {
        b.append(indent).append(a.target()).append(" = ").append(a.value().text()).append('\n');
      } else {
        b.append(indent);
        textIf(b, (RuleBuilder.If) l, indent);
      }
    }
  }

  private static void textIf(StringBuilder b, RuleBuilder.If i, String indent) {
    b.append("if ").append(i.cond().text()).append(" {\n");
    textLines(b, i.then(), indent + "  ");
    b.append(indent).append('}');
    if (i.otherwise().size() == 1 && i.otherwise().get(0) instanceof RuleBuilder.If chained) {
      b.append(" else ");
      textIf(b, chained, indent);
      return;
    }
    if (!i.otherwise().isEmpty()) {
      b.append(" else {\n");
      textLines(b, i.otherwise(), indent + "  ");
      b.append(indent).append('}');
    }
    b.append('\n');
  }

  static String latex(OptimizerDecl d, List<Expr> requires, List<Expr> starts, List<RuleBuilder.Line> lines) {
    List<String> out = new ArrayList<>();
    List<String> params = new ArrayList<>();
    for (OptimizerDecl.Hyper h : d.hypers()) params.add(RuleNames.latex(h.name()) + " = " + value(h.fallback()));
    out.add("\\textbf{optimizer } \\mathrm{" + RuleNames.text(d.name()) + "}\\left(" + String.join(",\\ ", params) + "\\right)");
    for (Expr r : requires) out.add("\\quad \\textbf{require } " + r.latex());
    for (int k = 0; k < starts.size(); k++) {
      out.add("\\quad \\textbf{state } " + RuleNames.latex(d.stateNames().get(k)) + " = " + starts.get(k).latex());
    }
    latexLines(out, lines, "\\quad ");
    return "\\begin{aligned}\n&" + String.join(" \\\\\n&", out) + "\n\\end{aligned}";
  }

  private static void latexLines(List<String> out, List<RuleBuilder.Line> lines, String indent) {
    for (RuleBuilder.Line l : lines) {
      if (l instanceof RuleBuilder.Assign a) {
        out.add(indent + RuleNames.latex(a.target()) + " \\leftarrow " + a.value().latex());
        continue;
      }
      RuleBuilder.If i = (RuleBuilder.If) l;
      out.add(indent + "\\textbf{if } " + i.cond().latex() + ":");
      latexLines(out, i.then(), indent + "\\quad ");
      if (!i.otherwise().isEmpty()) {
        out.add(indent + "\\textbf{else}:");
        latexLines(out, i.otherwise(), indent + "\\quad ");
      }
    }
  }

  private static String value(Value v) {
    if (v instanceof Value.Bool b) return b.v() ? "\\mathrm{true}" : "\\mathrm{false}";
    return Sym.num(((Value.Num) v).v()).latex();
  }
}
