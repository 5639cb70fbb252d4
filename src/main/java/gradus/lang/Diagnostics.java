package gradus.lang;

/** Formats an error as SPEC §1 asks: {@code FILE:LINE:COL: error: MESSAGE}, the line, a caret. */
public final class Diagnostics {
  private Diagnostics() {}

  public static String format(String file, String source, Span span, String message) {
    String oneLine = message.replace('\n', ' ');
    if (span == null || span.line() <= 0) {
      return file + ": error: " + oneLine;
    }
    StringBuilder out = new StringBuilder();
    out.append(file).append(':').append(span.line()).append(':').append(span.col())
        .append(": error: ").append(oneLine).append('\n');
    String text = lineOf(source, span.line());
    out.append(text).append('\n');
    int caretCol = Math.min(Math.max(span.col(), 1), text.codePointCount(0, text.length()) + 1);
    StringBuilder pad = new StringBuilder();
    int i = 0;
    for (int cp = 1; cp < caretCol && i < text.length(); cp++) {
      int c = text.codePointAt(i);
      pad.append(c == '\t' ? '\t' : ' ');
      i += Character.charCount(c);
    }
    int width = span.endLine() == span.line() ? Math.max(1, span.endCol() - span.col()) : 1;
    width = Math.min(width, Math.max(1, text.codePointCount(0, text.length()) - caretCol + 1));
    out.append(pad).append("^").append("~".repeat(Math.max(0, width - 1)));
    return out.toString();
  }

  static String lineOf(String source, int line) {
    String[] lines = source.split("\r\n|\r|\n", -1);
    return line - 1 < lines.length ? lines[line - 1] : "";
  }
}
