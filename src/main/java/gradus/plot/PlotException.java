package gradus.plot;

/** A plotting error with a message meant for the user (bad range, bad level count, unwritable file). */
public final class PlotException extends RuntimeException {
    public PlotException(String message) {
        super(message);
    }

    public PlotException(String message, Throwable cause) {
        super(message, cause);
    }
}
