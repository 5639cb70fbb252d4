package gradus.data;

/**
 * A problem with a data set that a user must fix: a bad CSV file, or a loss whose fields do not
 * match the data's columns. The message is complete and fit to show as is.
 *
 * <p>For CSV errors, {@link #file()} is the path as given to {@link Csv#read}, {@link #row()} the
 * 1-based line number in the file (the header is line 1) and {@link #column()} the column's name;
 * each is absent ({@code null}, 0, {@code null}) when it does not apply.
 */
public final class DataException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String file;
  private final long row;
  private final String column;

  /** An error not tied to a file, e.g. an unknown column. */
  public DataException(String message) {
    this(null, 0, null, message);
  }

  /**
   * An error in a file; the message is prefixed with {@code file: row R, column "C": } for
   * whichever parts are present.
   */
  public DataException(String file, long row, String column, String detail) {
    super(prefix(file, row, column) + detail);
    this.file = file;
    this.row = row;
    this.column = column;
  }

  private DataException(String file, long row, String column, String message, boolean whole) {
    super(message);
    this.file = file;
    this.row = row;
    this.column = column;
  }

  /** An error in a file whose message the caller words in full (it should start with the file). */
  static DataException worded(String file, long row, String column, String message) {
    return new DataException(file, row, column, message, true);
  }

  private static String prefix(String file, long row, String column) {
    StringBuilder b = new StringBuilder();
    if (file != null) b.append(file).append(": ");
    if (row > 0) b.append("row ").append(row);
    if (column != null) b.append(row > 0 ? ", " : "").append("column \"").append(column).append('"');
    if (row > 0 || column != null) b.append(": ");
    return b.toString();
  }

  /** The file as given to the reader, or {@code null}. */
  public String file() {
    return file;
  }

  /** The 1-based line in the file (header = 1), or 0 when no single row is at fault. */
  public long row() {
    return row;
  }

  /** The column's name, or {@code null} when no single column is at fault. */
  public String column() {
    return column;
  }
}
