package gradus.plot;

/** A plotting error with a message meant for the user (bad range, bad level count, unwritable file). */
public final class PlotException extends RuntimeException {
    private final String argument;

    public PlotException(String message) {
        this(null, message);
    }

    /** An error about one argument of the plot call ({@code x}, {@code levels}, {@code colormap}, ...). */
    public PlotException(String argument, String message) {
        super(message);
        this.argument = argument;
    }

    public PlotException(String message, Throwable cause) {
        super(message, cause);
        this.argument = null;
    }

    /** The argument the error is about, or null when it is about the call as a whole. */
    public String argument() {
        return argument;
    }
}
