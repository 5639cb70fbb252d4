package gradus.plot;

/**
 * One optimizer run as the plots see it.
 *
 * @param label  legend text
 * @param path   iterates, one row per step; a row is a point {@code [x, y]} (or {@code [x]}, …)
 * @param values f at each iterate (may be shorter than path or null when unknown)
 * @param gnorms gradient norm at each iterate, or null when not recorded
 */
public record Trace(String label, double[][] path, double[] values, double[] gnorms) {
    public Trace {
        if (label == null) {
            label = "run";
        }
        if (path == null) {
            path = new double[0][];
        }
    }

    /** Number of iterates on the path. */
    public int steps() {
        return path.length;
    }
}
