package gradus.plot;

import java.awt.GraphicsEnvironment;
import java.util.List;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/** The plot factories of SPEC §7. Every error is a {@link PlotException} with a message for the user. */
public final class Plots {
    /** Samples per axis of a contour grid. */
    public static final int CONTOUR_GRID = 200;

    private Plots() {
    }

    /** True when windows can be opened ({@link Plot#show()}). */
    public static boolean displayAvailable() {
        return !GraphicsEnvironment.isHeadless();
    }

    /** Filled contours of f with 20 linear levels, the runs' paths, no data points. */
    public static ContourPlot contour(DoubleBinaryOperator f, double[] xr, double[] yr, List<Trace> paths) {
        return contour(f, xr, yr, paths, 20, false, null);
    }

    /**
     * Filled contours of f on xr × yr with iso-lines at {@code levels} levels (log-spaced in
     * f - min + δ when {@code log}), a colour bar, each run's path with its start (ring) and end
     * (star) marked, and optional data points coloured by class.
     */
    public static ContourPlot contour(DoubleBinaryOperator f, double[] xr, double[] yr, List<Trace> paths,
            int levels, boolean log, Points points) {
        checkRange("x", xr);
        checkRange("y", yr);
        return new ContourPlot(f, xr, yr, paths, levels, log, points, CONTOUR_GRID);
    }

    /** A shaded 3-D view of f on xr × yr (viridis), with the runs drawn on the surface. */
    public static Plot surface(DoubleBinaryOperator f, double[] xr, double[] yr, List<Trace> paths) {
        return surface(f, xr, yr, paths, "viridis");
    }

    public static Plot surface(DoubleBinaryOperator f, double[] xr, double[] yr, List<Trace> paths,
            String colormap) {
        checkRange("x", xr);
        checkRange("y", yr);
        return new SurfacePlot(f, xr, yr, paths == null ? List.of() : paths, Colormap.named(colormap));
    }

    /** f per iteration on a log axis. */
    public static Plot convergence(List<Trace> runs) {
        return convergence(runs, "f", true);
    }

    /**
     * One line per run of the metric per iteration: "f", "gnorm" (gradient norm) or "gap"
     * (f minus the smallest f of all runs). On a log axis a gap or norm of exactly 0 is drawn at
     * the bottom edge, marked; negative values are left out.
     */
    public static Plot convergence(List<Trace> runs, String metric, boolean log) {
        return convergence(runs, metric, log, "iterations", null);
    }

    /**
     * As above, counting {@code x} = "iterations", "epochs" or "evaluations" on the x axis (a
     * full-batch run counts one epoch per iteration), with gap = f − {@code fstar} when fstar is
     * not null.
     */
    public static Plot convergence(List<Trace> runs, String metric, boolean log, String x, Double fstar) {
        ConvergencePlot.Step step = switch (x == null ? "iterations" : x) {
            case "iterations" -> ConvergencePlot.Step.ITERATIONS;
            case "epochs" -> ConvergencePlot.Step.EPOCHS;
            case "evaluations" -> ConvergencePlot.Step.EVALUATIONS;
            default -> throw new PlotException("x", "x must be \"iterations\", \"epochs\" or \"evaluations\", got \"" + x + "\"");
        };
        return new ConvergencePlot(runs, metric, log, step, fstar);
    }

    /** A 1-D function on xr, 400 samples; non-finite values leave gaps. */
    public static Plot plot1d(DoubleUnaryOperator g, double[] xr, String label) {
        checkRange("x", xr);
        return new FunctionPlot(g, xr, label);
    }

    /** A line through the points (xs[k], ys[k]), as matplotlib's {@code plot(xs, ys)}. */
    public static Plot line(double[] xs, double[] ys, String xName, String yName) {
        if (xs.length != ys.length) {
            throw new PlotException("plot(xs, ys) needs lists of the same length, got " + xs.length + " and " + ys.length);
        }
        if (xs.length == 0) throw new PlotException("there is nothing to draw: the list is empty");
        return new FunctionPlot(xs, ys, xName, yName);
    }

    /** Panels side by side, {@code cols} per row, all drawn at one cell size. */
    public static Plot figure(List<Plot> panels, int cols) {
        return new FigurePlot(panels, cols);
    }

    /** An animated contour plot of the runs growing step by step: at most 60 frames, 100 ms each. */
    public static Plot animate(DoubleBinaryOperator f, double[] xr, double[] yr, List<Trace> paths) {
        return animate(f, xr, yr, paths, 20, false, 60, 100);
    }

    public static Plot animate(DoubleBinaryOperator f, double[] xr, double[] yr, List<Trace> paths,
            int levels, boolean log, int maxFrames, int delayMs) {
        ContourPlot background = contour(f, xr, yr, paths, levels, log, null);
        return new AnimationPlot(background, maxFrames, delayMs);
    }

    static void checkRange(String axis, double[] r) {
        if (r == null || r.length != 2) {
            throw new PlotException(axis, axis + " range must be two numbers [a, b]");
        }
        if (!Double.isFinite(r[0]) || !Double.isFinite(r[1])) {
            throw new PlotException(axis, axis + " range " + range(r) + " must be finite");
        }
        if (!(r[0] < r[1])) {
            throw new PlotException(axis, axis + " range " + range(r) + " is empty: give " + axis
                    + "=[a, b] with a < b");
        }
    }

    static String range(double[] r) {
        return "[" + number(r[0]) + ", " + number(r[1]) + "]";
    }

    static String number(double v) {
        return numberFormat.apply(v);
    }

    /**
     * Called between the frames of an animation as the GIF encoder takes them; the interpreter
     * installs its Ctrl-C check, which stops a long encoding by throwing.
     */
    private static volatile Runnable checkpoint = () -> { };

    public static void setCheckpoint(Runnable check) {
        checkpoint = check;
    }

    /** {@code frames}, passing the checkpoint before each one is read. */
    static <T> List<T> checked(List<T> frames) {
        return new java.util.AbstractList<T>() {
            @Override
            public T get(int i) {
                checkpoint.run();
                return frames.get(i);
            }

            @Override
            public int size() {
                return frames.size();
            }
        };
    }

    /** How messages write numbers; the interpreter installs the one formatter of SPEC §9. */
    private static volatile java.util.function.DoubleFunction<String> numberFormat = v ->
            Double.isNaN(v) ? "nan" : Double.isInfinite(v) ? (v > 0 ? "inf" : "-inf")
            : v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);

    public static void setNumberFormat(java.util.function.DoubleFunction<String> format) {
        numberFormat = format;
    }
}
