package gradus.plot;

import java.nio.file.Path;
import java.util.List;
import java.util.function.DoubleBinaryOperator;

/** The chapter's figures, computed by hand: run main to write them into a folder (default /tmp/plots). */
public final class ChapterFigures {
    private ChapterFigures() {
    }

    /** f(x, y) = 0.5 (2x² + 2xy + 20y²) - (5x + 3y): a narrow valley. */
    static final DoubleBinaryOperator VALLEY = (x, y) -> 0.5 * (2 * x * x + 2 * x * y + 20 * y * y) - (5 * x + 3 * y);
    static final double[] VX = {-4, 6};
    static final double[] VY = {-2, 2};

    static double[] grad(double x, double y) {
        return new double[] {2 * x + y - 5, x + 20 * y - 3};
    }

    static Trace gradientDescent(int steps, double lr) {
        double[][] path = new double[steps + 1][];
        double x = -3;
        double y = -1;
        for (int k = 0; ; k++) {
            path[k] = new double[] {x, y};
            if (k == steps) {
                break;
            }
            double[] g = grad(x, y);
            x -= lr * g[0];
            y -= lr * g[1];
        }
        return trace("gradient descent", path);
    }

    static Trace momentum(int steps) {
        double[][] path = new double[steps + 1][];
        double x = -3;
        double y = -1;
        double vx = 0;
        double vy = 0;
        for (int k = 0; ; k++) {
            path[k] = new double[] {x, y};
            if (k == steps) {
                break;
            }
            double[] g = grad(x, y);
            vx = 0.9 * vx + 0.1 * g[0];
            vy = 0.9 * vy + 0.1 * g[1];
            x -= 0.1 * vx;
            y -= 0.1 * vy;
        }
        return trace("momentum", path);
    }

    static Trace adam(int steps, double lr) {
        double[][] path = new double[steps + 1][];
        double[] p = {-3, -1};
        double[] m = new double[2];
        double[] v = new double[2];
        for (int k = 0; ; k++) {
            path[k] = p.clone();
            if (k == steps) {
                break;
            }
            double[] g = grad(p[0], p[1]);
            for (int d = 0; d < 2; d++) {
                m[d] = 0.9 * m[d] + 0.1 * g[d];
                v[d] = 0.999 * v[d] + 0.001 * g[d] * g[d];
                double mh = m[d] / (1 - Math.pow(0.9, k + 1));
                double vh = v[d] / (1 - Math.pow(0.999, k + 1));
                p[d] -= lr * mh / (Math.sqrt(vh) + 1e-8);
            }
        }
        return trace("adam", path);
    }

    static Trace trace(String label, double[][] path) {
        double[] values = new double[path.length];
        double[] gnorms = new double[path.length];
        for (int k = 0; k < path.length; k++) {
            values[k] = VALLEY.applyAsDouble(path[k][0], path[k][1]);
            double[] g = grad(path[k][0], path[k][1]);
            gnorms[k] = Math.hypot(g[0], g[1]);
        }
        return new Trace(label, path, values, gnorms);
    }

    static List<Trace> threeRuns() {
        return List.of(gradientDescent(50, 0.1), momentum(50), adam(50, 0.1));
    }

    static final DoubleBinaryOperator BOWL = (x, y) -> x * x + y * y;
    static final DoubleBinaryOperator SADDLE = (x, y) -> x * x - y * y;
    static final DoubleBinaryOperator EGGHOLDER = (x, y) -> -(y + 47) * Math.sin(Math.sqrt(Math.abs(x / 2 + y + 47)))
            - x * Math.sin(Math.sqrt(Math.abs(x - (y + 47))));
    static final DoubleBinaryOperator ROSENBROCK = (x, y) -> (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x);

    /** The figures the plot tests draw, to look at. */
    static void testFigures(Path dir) {
        double[] r = {-4.5, 4.5};
        Plots.contour(PlotLooksTest.BEALE, r, r, List.of(), 20, true, null).title("Beale, log levels")
                .save(dir.resolve("beale-log.png"));
        Plots.contour(PlotLooksTest.BEALE, r, r, List.of(), 20, false, null).save(dir.resolve("beale-linear.png"));
        Plots.contour(VALLEY, VX, VY, List.of(), 20, true, null).save(dir.resolve("valley-log-notitle.png"));
        List<Trace> five = PlotLooksTest.runs(5);
        Plots.contour(VALLEY, VX, VY, five).save(dir.resolve("five-contour.png"));
        Plots.convergence(five, "f", true).save(dir.resolve("five-convergence.png"));
        Plots.surface(VALLEY, VX, VY, five).save(dir.resolve("five-surface.png"));
        Plots.animate(VALLEY, VX, VY, five, 10, false, 12, 80).save(dir.resolve("five.gif"));
        Plot contour = Plots.contour(VALLEY, VX, VY, threeRuns());
        Plots.figure(List.of(contour, Plots.convergence(threeRuns()), Plots.surface(SADDLE, new double[] {-5, 5},
                new double[] {-5, 5}, List.of()), Plots.plot1d(Math::sin, new double[] {0, 6}, "sin(x)")), 2)
                .title("four kinds, one size").save(dir.resolve("figure-kinds.png"));
        Trace odd = new Trace("odd", new double[0][], new double[] {5, 1, 0, -2, 1e-3, Double.NaN, 1e-6}, null);
        Trace neg = new Trace("negative", new double[0][], new double[] {-1, -2, -3}, new double[] {0, 0, 0});
        Plots.convergence(List.of(odd, neg), "gap", true).save(dir.resolve("odd-gap.png"));
        Plots.convergence(List.of(odd, neg), "f", true).save(dir.resolve("odd-f.png"));
        Plots.convergence(threeRuns(), "gnorm", false).save(dir.resolve("gnorm-linear.png"));
        Plots.contour((x, y) -> Math.log(x) + y, new double[] {-1, 1}, new double[] {-1, 1}, List.of())
                .save(dir.resolve("missing.png"));
        Plots.contour((x, y) -> 3, VX, VY, List.of()).save(dir.resolve("constant.png"));
        double[][] xy = {{-2, -1}, {-1, 1}, {2, 0.5}, {4, -1}};
        Plots.contour((x, y) -> x - 1, VX, VY, List.of(), 10, false, new Points(xy, new double[] {0, 0, 1, 1}))
                .save(dir.resolve("classes.png"));
        Plots.contour((x, y) -> 1e6 * (x * x + y * y), new double[] {-2e-5, 2e-5}, new double[] {-1, 1}, List.of())
                .save(dir.resolve("tiny-huge.png"));
        Plots.surface(EGGHOLDER, new double[] {-512, 512}, new double[] {-512, 512}, List.of()).title("Eggholder")
                .save(dir.resolve("eggholder-512.png"));
        Plots.plot1d(Math::sin, new double[] {0, 6}, "sin(x)").size(400, 300).dpi(200).save(dir.resolve("sin-200dpi.png"));
    }

    public static void main(String[] args) {
        Path dir = Path.of(args.length > 0 ? args[0] : "/tmp/plots");
        List<Trace> runs = threeRuns();
        Plot contour = Plots.contour(VALLEY, VX, VY, runs).title("Three optimizers on a narrow valley");
        contour.save(dir.resolve("valley.png"));
        contour.save(dir.resolve("valley.svg"));
        contour.save(dir.resolve("valley.pdf"));
        Plot bowl = Plots.surface(BOWL, new double[] {-5, 5}, new double[] {-5, 5}, List.of()).title("x² + y²");
        Plot saddle = Plots.surface(SADDLE, new double[] {-5, 5}, new double[] {-5, 5}, List.of()).title("x² - y²");
        Plot egg = Plots.surface(EGGHOLDER, new double[] {-200, 200}, new double[] {-200, 200}, List.of())
                .title("Eggholder");
        Plot three = Plots.figure(List.of(bowl, saddle, egg), 3).title("Three surfaces");
        three.save(dir.resolve("surfaces.png"));
        three.save(dir.resolve("surfaces.pdf"));
        Plots.surface(VALLEY, VX, VY, runs).title("The valley from above").save(dir.resolve("valley-surface.png"));
        Plots.convergence(runs).title("f per iteration").save(dir.resolve("convergence.png"));
        Plots.convergence(runs, "gap", true).save(dir.resolve("gap.png"));
        Plots.convergence(runs, "gnorm", true).save(dir.resolve("gnorm.png"));
        Plots.contour(ROSENBROCK, new double[] {-2, 2}, new double[] {-1, 3}, List.of(), 20, true, null)
                .title("Rosenbrock, log levels").save(dir.resolve("rosenbrock.png"));
        Plots.plot1d(Math::log, new double[] {-1, 5}, "log(x)").save(dir.resolve("log1d.png"));
        Plots.animate(VALLEY, VX, VY, runs).save(dir.resolve("valley.gif"));
        testFigures(dir);
        System.out.println("wrote figures to " + dir);
    }
}
