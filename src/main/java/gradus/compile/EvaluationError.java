package gradus.compile;

/**
 * A rule about indices broken while compiled code runs (an element out of range, an index that is
 * not a whole number): a user's error, with a message for the user, never a bug. When the index
 * came from a data field, {@code row} (1-based) names the data row; a direct call has none.
 */
public final class EvaluationError extends IllegalArgumentException {
  private final int row;
  private final String plain;

  public EvaluationError(String message) {
    this(message, 0);
  }

  public EvaluationError(String message, int row) {
    super(row > 0 ? "in row " + row + " of the data, " + message : message);
    this.row = row;
    this.plain = message;
  }

  /** The data row (1-based), or 0. */
  public int row() {
    return row;
  }

  /** The message without the row: for a function called directly on one point. */
  public String plainMessage() {
    return plain;
  }
}
