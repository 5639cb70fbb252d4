package gradus.interp;

import gradus.optim.MethodSpec;
import gradus.optim.Param;
import gradus.sym.Numbers;
import gradus.sym.Sym;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The rules of the methods that are not one element-wise update (Newton, the quasi-Newton and
 * conjugate-gradient methods, Nelder–Mead): each step written once as text and LaTeX side by side,
 * after the hyperparameters and defaults of the method's table entry.
 */
final class SearchRules {
  private SearchRules() {}

  /** One line of a rule: as text, and as LaTeX. */
  private record Step(String text, String latex) {}

  private static final Map<String, List<Step>> RULES = Map.of(
      "newton", List.of(
          new Step("H = hessian(f)(x); tau = 0 when H is positive definite, else (modify=true) the smallest of"
              + " max(2*tau, beta) that makes H + tau*I positive definite (Nocedal & Wright, Alg. 3.3)",
              "H = \\nabla^2 f(x),\\quad \\tau = \\min\\{\\tau \\in \\{0, \\beta, 2\\beta, \\dots\\} : H + \\tau I \\succ 0\\}"),
          new Step("d = -solve(H + tau*I, g)   (modify=false: d = -solve(H, g), which walks into saddles)",
              "d = -\\left(H + \\tau I\\right)^{-1} g"),
          new Step("a = 1, halved until f(x + a*d) <= f + 0.0001*a*dot(g, d), at most 30 times (line_search=false: a = 1)",
              "a = \\max\\{2^{-k} : f(x + 2^{-k} d) \\le f(x) + 10^{-4}\\, 2^{-k} g^\\top d\\}"),
          new Step("x = x + a*d", "x \\leftarrow x + a d")),
      "newton_cg", List.of(
          new Step("p solves H*p = -g approximately by conjugate gradients on Hessian-vector products, from p = 0,"
              + " until the residual is at most min(0.5, sqrt(norm1(g)))*norm1(g) or the curvature is not positive"
              + " (maxiter CG steps; 0 means 20*n), as SciPy's Newton-CG",
              "p \\approx -H^{-1} g,\\quad \\lVert H p + g \\rVert_1 \\le \\min\\left(\\tfrac{1}{2}, \\sqrt{\\lVert g \\rVert_1}\\right) \\lVert g \\rVert_1"),
          new Step("a from SciPy's Wolfe line search (More-Thuente, then the strong-Wolfe search if that fails; c1 = 1e-4,"
              + " c2 = 0.9)", "a:\\ \\text{Wolfe conditions}"),
          new Step("x = x + a*p", "x \\leftarrow x + a p")),
      "bfgs", List.of(
          new Step("d = -H*g, H the inverse-Hessian estimate (I at the start)", "d = -H g,\\quad H_0 = I"),
          new Step("a from SciPy's Wolfe line search (More-Thuente, then the strong-Wolfe search if that fails; c1 = 1e-4,"
              + " c2 = 0.9); s = a*d, y = g(x + s) - g", "s = a d,\\quad y = \\nabla f(x + s) - g"),
          new Step("x = x + s; H = (I - rho*s*y')*H*(I - rho*y*s') + rho*s*s', rho = 1/dot(y, s)",
              "x \\leftarrow x + s,\\quad H \\leftarrow (I - \\rho s y^\\top) H (I - \\rho y s^\\top) + \\rho s s^\\top,\\quad \\rho = \\frac{1}{y^\\top s}")),
      "lbfgs", List.of(
          new Step("d = -H*g from the last m pairs (s, y) by the two-loop recursion, H0 = dot(s, y)/dot(y, y)*I",
              "d = -H_m g,\\quad H_0 = \\frac{s^\\top y}{y^\\top y} I"),
          new Step("a from the More-Thuente line search (L-BFGS-B's constants); with bounds, L-BFGS-B's projected search",
              "a:\\ \\text{Mor\\'e--Thuente}"),
          new Step("x = x + a*d; keep s = a*d, y = g(x) - g_old", "x \\leftarrow x + a d,\\quad s = a d,\\quad y = g_{+} - g")),
      "cg", List.of(
          new Step("beta = max(0, dot(g, g - g_old)/dot(g_old, g_old)) (Polak-Ribiere+); d = -g + beta*d",
              "\\beta = \\max\\left(0, \\frac{g^\\top (g - g_{-})}{g_{-}^\\top g_{-}}\\right),\\quad d \\leftarrow -g + \\beta d"),
          new Step("a from a strong-Wolfe line search (c1 = 1e-4, c2 = 0.4)", "a:\\ \\text{strong Wolfe}"),
          new Step("x = x + a*d", "x \\leftarrow x + a d")),
      "nelder_mead", List.of(
          new Step("a simplex of n + 1 points: reflect the worst through the centroid of the rest (rho = 1), expand"
              + " (chi = 2), contract (psi = 0.5) or shrink (sigma = 0.5); adaptive=true uses Gao and Han's"
              + " chi = 1 + 2/n, psi = 0.75 - 1/(2*n), sigma = 1 - 1/n",
              "x_r = \\bar{x} + \\rho(\\bar{x} - x_{n+1}),\\quad \\rho = 1,\\ \\chi = 2,\\ \\psi = \\tfrac{1}{2},\\ \\sigma = \\tfrac{1}{2}"),
          new Step("stop when every vertex is within xatol and every value within fatol of the best (function values only)",
              "\\max_i \\lVert x_i - x_1 \\rVert_\\infty \\le \\mathrm{xatol},\\quad \\max_i |f_i - f_1| \\le \\mathrm{fatol}")));

  static String text(MethodSpec spec) {
    StringBuilder b = new StringBuilder(signature(spec)).append('\n');
    for (Step s : steps(spec)) b.append("  ").append(s.text()).append('\n');
    return b.toString().stripTrailing();
  }

  static String latex(MethodSpec spec) {
    List<String> out = new ArrayList<>();
    List<String> params = new ArrayList<>();
    for (Param p : spec.params()) params.add(RuleNames.latex(p.name()) + " = " + latexValue(p.defaultValue()));
    out.add("\\textbf{" + RuleNames.text(spec.name()) + "}\\left(" + String.join(",\\ ", params) + "\\right)");
    for (Step s : steps(spec)) out.add("\\quad " + s.latex());
    return "\\begin{aligned}\n&" + String.join(" \\\\\n&", out) + "\n\\end{aligned}";
  }

  /** The method's name with each hyperparameter and its default. */
  static String signature(MethodSpec spec) {
    List<String> parts = new ArrayList<>();
    for (Param p : spec.params()) parts.add(p.name() + "=" + textValue(p.defaultValue()));
    return spec.name() + "(" + String.join(", ", parts) + ")";
  }

  private static List<Step> steps(MethodSpec spec) {
    List<Step> s = RULES.get(spec.name());
    if (s == null) throw new IllegalStateException("no rule text for " + spec.name());
    return s;
  }

  private static String textValue(Object v) {
    if (v instanceof Boolean b) return b ? "true" : "false";
    return Numbers.format(((Number) v).doubleValue());
  }

  private static String latexValue(Object v) {
    if (v instanceof Boolean b) return b ? "\\mathrm{true}" : "\\mathrm{false}";
    return Sym.num(((Number) v).doubleValue()).latex();
  }
}
