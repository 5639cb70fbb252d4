package gradus.plot;

/**
 * One optimizer run as the plots see it.
 *
 * @param label      legend text
 * @param path       iterates, one row per step; a row is a point {@code [x, y]} (or {@code [x]}, …)
 * @param values     f at each recorded point (may be shorter than path or null when unknown)
 * @param gnorms     gradient norm at each recorded point, or null when not recorded
 * @param iterations the iteration number of each value (null: 0, 1, 2, …)
 * @param epochs     the epoch number of each value, or null for a full-batch run, where one
 *                   iteration is one pass over the data
 * @param evaluations the objective-and-gradient evaluations made up to each value, or null when
 *                   not known
 */
public record Trace(String label, double[][] path, double[] values, double[] gnorms, double[] iterations,
        double[] epochs, double[] evaluations) {
    public Trace {
        if (label == null) {
            label = "run";
        }
        if (path == null) {
            path = new double[0][];
        }
    }

    public Trace(String label, double[][] path, double[] values, double[] gnorms) {
        this(label, path, values, gnorms, null, null, null);
    }

    public Trace(String label, double[][] path, double[] values, double[] gnorms, double[] iterations,
            double[] epochs) {
        this(label, path, values, gnorms, iterations, epochs, null);
    }

    /** Number of iterates on the path. */
    public int steps() {
        return path.length;
    }

    /** Whether the values were recorded per epoch (a minibatch run). */
    public boolean perEpoch() {
        return epochs != null;
    }

    /** Where value k sits on an axis counting iterations, epochs or evaluations. */
    double at(int k, ConvergencePlot.Step step) {
        double[] xs = step == ConvergencePlot.Step.EPOCHS && epochs != null ? epochs
                : step == ConvergencePlot.Step.EVALUATIONS && evaluations != null ? evaluations : iterations;
        return xs != null && k < xs.length ? xs[k] : k;
    }
}
