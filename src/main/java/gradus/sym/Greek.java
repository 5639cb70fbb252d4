package gradus.sym;

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

  private static final Map<Integer, String> COMMANDS = Map.ofEntries(
      Map.entry(0x03B1, "\\alpha"), Map.entry(0x03B2, "\\beta"), Map.entry(0x03B3, "\\gamma"),
      Map.entry(0x03B4, "\\delta"), Map.entry(0x03B5, "\\varepsilon"), Map.entry(0x03B6, "\\zeta"),
      Map.entry(0x03B7, "\\eta"), Map.entry(0x03B8, "\\theta"), Map.entry(0x03B9, "\\iota"),
      Map.entry(0x03BA, "\\kappa"), Map.entry(0x03BB, "\\lambda"), Map.entry(0x03BC, "\\mu"),
      Map.entry(0x03BD, "\\nu"), Map.entry(0x03BE, "\\xi"), Map.entry(0x03BF, "o"),
      Map.entry(0x03C0, "\\pi"), Map.entry(0x03C1, "\\rho"), Map.entry(0x03C2, "\\varsigma"),
      Map.entry(0x03C3, "\\sigma"), Map.entry(0x03C4, "\\tau"), Map.entry(0x03C5, "\\upsilon"),
      Map.entry(0x03C6, "\\varphi"), Map.entry(0x03C7, "\\chi"), Map.entry(0x03C8, "\\psi"),
      Map.entry(0x03C9, "\\omega"),
      Map.entry(0x03D1, "\\vartheta"), Map.entry(0x03D5, "\\phi"), Map.entry(0x03D6, "\\varpi"),
      Map.entry(0x03F0, "\\varkappa"), Map.entry(0x03F1, "\\varrho"), Map.entry(0x03F5, "\\epsilon"),
      Map.entry(0x0391, "\\mathrm{A}"), Map.entry(0x0392, "\\mathrm{B}"), Map.entry(0x0393, "\\Gamma"),
      Map.entry(0x0394, "\\Delta"), Map.entry(0x0395, "\\mathrm{E}"), Map.entry(0x0396, "\\mathrm{Z}"),
      Map.entry(0x0397, "\\mathrm{H}"), Map.entry(0x0398, "\\Theta"), Map.entry(0x0399, "\\mathrm{I}"),
      Map.entry(0x039A, "\\mathrm{K}"), Map.entry(0x039B, "\\Lambda"), Map.entry(0x039C, "\\mathrm{M}"),
      Map.entry(0x039D, "\\mathrm{N}"), Map.entry(0x039E, "\\Xi"), Map.entry(0x039F, "\\mathrm{O}"),
      Map.entry(0x03A0, "\\Pi"), Map.entry(0x03A1, "\\mathrm{P}"), Map.entry(0x03A3, "\\Sigma"),
      Map.entry(0x03A4, "\\mathrm{T}"), Map.entry(0x03A5, "\\Upsilon"), Map.entry(0x03A6, "\\Phi"),
      Map.entry(0x03A7, "\\mathrm{X}"), Map.entry(0x03A8, "\\Psi"), Map.entry(0x03A9, "\\Omega"));

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
