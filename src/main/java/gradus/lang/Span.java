package gradus.lang;

/** A source range: 1-based line and column (columns counted in code points), inclusive start. */
public record Span(int line, int col, int endLine, int endCol) {
  public static final Span NONE = new Span(0, 0, 0, 0);

  public Span to(Span end) {
    return new Span(line, col, end.endLine, end.endCol);
  }
}
