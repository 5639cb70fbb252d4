package gradus.lang;

/** An error in the user's program: a message and where it happened. Never shows a Java trace. */
public class GradusError extends RuntimeException {
  private final transient Span span;

  public GradusError(Span span, String message) {
    super(message, null, false, false);
    this.span = span == null ? Span.NONE : span;
  }

  public Span span() {
    return span;
  }
}
