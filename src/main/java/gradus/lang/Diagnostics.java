package gradus.lang;

/**
 * Formats an error as SPEC §1 asks: {@code FILE:LINE:COL: error: MESSAGE}, the line, a caret.
 * What the terminal shows is what the user typed: invisible characters in the message and the
 * line are written out ({@code \u200b}, {@code <U+200B>}) and the caret stays under its column;
 * a very long line is shown as a window around the caret.
 */
public final class Diagnostics {
  private Diagnostics() {}

  /** Columns of a line shown in full; longer lines are cut around the caret. */
  static final int MAX_SHOWN = 160;
  private static final int BEFORE = 60;

  public static String format(String file, String source, Span span, String message) {
    String oneLine = Visible.escape(message.replace('\n', ' '));
    if (span == null || span.line() <= 0) {
      return file + ": error: " + oneLine;
    }
    int[] text = lineOf(source, span.line()).codePoints().toArray();
    int caret = Math.min(Math.max(span.col(), 1), text.length + 1) - 1; // 0-based
    int width = span.endLine() == span.line() ? Math.max(1, span.endCol() - span.col()) : 1;
    width = Math.min(width, Math.max(1, text.length - caret));
    // the window of code points shown: all of the line, or about MAX_SHOWN columns around the caret
    int from = 0;
    int to = text.length;
    if (shownWidth(text, 0, text.length) > MAX_SHOWN) {
      from = caret;
      while (from > 0 && shownWidth(text, from - 1, caret) <= BEFORE) from--;
      to = caret;
      while (to < text.length && shownWidth(text, from, to + 1) <= MAX_SHOWN) to++;
    }
    StringBuilder line = new StringBuilder();
    StringBuilder pad = new StringBuilder();
    int underline = 0;
    if (from > 0) {
      line.append("...");
      pad.append("   ");
    }
    for (int i = from; i < to; i++) {
      String shown = show(text[i]);
      int w = shown.codePointCount(0, shown.length());
      line.append(shown);
      if (i < caret) pad.append(text[i] == '\t' ? "\t" : " ".repeat(w));
      else if (i < caret + width) underline += w;
    }
    if (to < text.length) line.append("...");
    return file + ':' + span.line() + ':' + span.col() + ": error: " + oneLine + '\n'
        + line + '\n' + pad + '^' + "~".repeat(Math.max(0, underline - 1));
  }

  private static int shownWidth(int[] text, int from, int to) {
    int w = 0;
    for (int i = from; i < to; i++) w += Visible.isInvisible(text[i]) && text[i] != '\t' ? 8 : 1;
    return w;
  }

  private static String show(int cp) {
    if (cp == '\t' || !Visible.isInvisible(cp)) return new String(Character.toChars(cp));
    return "<" + Visible.code(cp) + ">";
  }

  /** Line {@code line} (1-based) of {@code source}; lines end at '\n', as the lexer counts them. */
  static String lineOf(String source, int line) {
    int start = 0;
    for (int l = 1; l < line; l++) {
      int nl = source.indexOf('\n', start);
      if (nl < 0) return "";
      start = nl + 1;
    }
    int end = source.indexOf('\n', start);
    if (end < 0) end = source.length();
    if (end > start && source.charAt(end - 1) == '\r') end--;
    return source.substring(start, end);
  }
}
