package gradus.interp;

import java.util.Set;

/**
 * How the names of an optimizer read in its LaTeX form: {@code lr} is η (the rate of the papers),
 * {@code eps} ε, a Greek word its letter ({@code rho} is ρ), trailing digits a subscript
 * ({@code beta1} is β₁), a letter before an underscore takes the rest as a subscript
 * ({@code v_max} is v with subscript max); other words stay upright ({@code \mathrm{vmax}}).
 */
final class RuleNames {
  private RuleNames() {}

  private static final Set<String> GREEK = Set.of("alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta",
      "theta", "iota", "kappa", "lambda", "mu", "nu", "xi", "pi", "rho", "sigma", "tau", "upsilon", "phi", "chi",
      "psi", "omega", "Gamma", "Delta", "Theta", "Lambda", "Xi", "Pi", "Sigma", "Upsilon", "Phi", "Psi", "Omega");

  static String latex(String name) {
    if (name.equals("lr")) return "\\eta";
    if (name.equals("eps")) return "\\epsilon";
    if (name.equals("inf")) return "\\infty";
    if (GREEK.contains(name)) return "\\" + name;
    int d = name.length();
    while (d > 0 && Character.isDigit(name.charAt(d - 1))) d--;
    if (d > 0 && d < name.length()) return latex(name.substring(0, d)) + "_{" + name.substring(d) + "}";
    int u = name.indexOf('_');
    if (u > 0 && u < name.length() - 1) {
      String base = name.substring(0, u);
      if (base.codePointCount(0, base.length()) == 1 || GREEK.contains(base)) {
        return latex(base) + "_{" + word(name.substring(u + 1)) + "}";
      }
    }
    return name.codePointCount(0, name.length()) == 1 ? name : word(name);
  }

  /** A word set upright, its underscores escaped. */
  static String word(String w) {
    return w.codePointCount(0, w.length()) == 1 ? w : "\\mathrm{" + text(w) + "}";
  }

  /** A name inside {@code \text{}} or {@code \mathrm{}}: names are letters, digits and underscores. */
  static String text(String s) {
    return s.replace("_", "\\_");
  }
}
