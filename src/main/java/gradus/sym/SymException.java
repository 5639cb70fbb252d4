package gradus.sym;

/** An error in a symbolic expression; the message is meant for the end user. */
public class SymException extends RuntimeException {
  public SymException(String message) {
    super(message);
  }
}
