package gradus.sym;

import java.util.HashMap;
import java.util.Map;

/**
 * Greek letters in names as LaTeX commands: {@code θ} is {@code \theta}, {@code η₀}-style names
 * keep their other characters. Each letter maps to the command that draws its own glyph:
 * {@code ε} (U+03B5) is {@code \varepsilon} and {@code ϵ} (U+03F5) {@code \epsilon}, {@code φ}
 * (U+03C6) is {@code \varphi} and {@code ϕ} (U+03D5) {@code \phi}, as in unicode-math. Capitals
 * that look Latin have no command and print upright, as LaTeX sets Greek capitals:
 * {@code Α} is {@code \mathrm{A}}.
 */
final class Greek {
  private Greek() {}

  /** Each letter, then its command: a word is {@code \word}, a capital letter {@code \mathrm{A}}. */
  private static final String TABLE = """
      α alpha β beta γ gamma δ delta ε varepsilon ζ zeta η eta θ theta ι iota κ kappa λ lambda
      μ mu ν nu ξ xi ο o π pi ρ rho ς varsigma σ sigma τ tau υ upsilon φ varphi χ chi ψ psi ω omega
      ϑ vartheta ϕ phi ϖ varpi ϰ varkappa ϱ varrho ϵ epsilon
      Α A Β B Γ Gamma Δ Delta Ε E Ζ Z Η H Θ Theta Ι I Κ K Λ Lambda Μ M Ν N Ξ Xi Ο O Π Pi Ρ P
      Σ Sigma Τ T Υ Upsilon Φ Phi Χ X Ψ Psi Ω Omega""";

  private static final Map<Integer, String> COMMANDS = commands();

  private static Map<Integer, String> commands() {
    Map<Integer, String> m = new HashMap<>();
    String[] words = TABLE.strip().split("\\s+");
    for (int i = 0; i < words.length; i += 2) {
      String w = words[i + 1];
      m.put(words[i].codePointAt(0), w.equals("o") ? "o" : w.length() == 1 ? "\\mathrm{" + w + "}" : "\\" + w);
    }
    return Map.copyOf(m);
  }

  /** The name with each Greek letter replaced; a space ends a command that a letter follows. */
  static String latex(String name) {
    StringBuilder out = new StringBuilder();
    boolean openCommand = false;
    for (int i = 0; i < name.length(); ) {
      int cp = name.codePointAt(i);
      i += Character.charCount(cp);
      String cmd = COMMANDS.get(cp);
      if (openCommand && Character.isLetter(cp)) out.append(' ');
      out.append(cmd != null ? cmd : new String(Character.toChars(cp)));
      openCommand = cmd != null && Character.isLetter(cmd.charAt(cmd.length() - 1)) && cmd.startsWith("\\");
    }
    return out.toString();
  }
}
