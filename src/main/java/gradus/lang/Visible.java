package gradus.lang;

/**
 * Characters a terminal does not show — controls, format characters such as the zero-width space
 * or a byte-order mark, spaces other than the plain one — and how messages name them, so that
 * an error about one never reads as an error about nothing.
 */
public final class Visible {
  private Visible() {}

  public static boolean isInvisible(int cp) {
    if (cp == ' ') return false;
    return switch (Character.getType(cp)) {
      case Character.CONTROL, Character.FORMAT, Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR,
          Character.PARAGRAPH_SEPARATOR, Character.UNASSIGNED, Character.PRIVATE_USE, Character.SURROGATE -> true;
      default -> false;
    };
  }

  /** {@code U+200B (ZERO WIDTH SPACE)}. */
  public static String name(int cp) {
    String name = Character.getName(cp);
    return code(cp) + (name == null ? "" : " (" + name + ")");
  }

  /** {@code U+200B}. */
  public static String code(int cp) {
    return String.format("U+%04X", cp);
  }

  /** {@code s} with each invisible character written as {@code \u200b} (tabs and newlines too). */
  public static String escape(String s) {
    StringBuilder out = null;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      int n = Character.charCount(cp);
      if (isInvisible(cp)) {
        if (out == null) out = new StringBuilder(s.length() + 8).append(s, 0, i);
        out.append(switch (cp) {
          case '\t' -> "\\t";
          case '\n' -> "\\n";
          case '\r' -> "\\r";
          default -> String.format(cp > 0xFFFF ? "\\U%08x" : "\\u%04x", cp);
        });
      } else if (out != null) {
        out.appendCodePoint(cp);
      }
      i += n;
    }
    return out == null ? s : out.toString();
  }
}
