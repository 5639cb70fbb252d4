package gradus.bench;

import gradus.plot.Plot;
import gradus.plot.Plots;
import gradus.plot.Trace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleBinaryOperator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A 200×200 contour of the chapter's valley with three 50-step paths, written as PNG: sampling,
 * iso-lines, chart and encoding. Run with JMH
 * ({@code java -cp target/test-classes:target/classes:<deps> org.openjdk.jmh.Main PlotBench})
 * or as a plain program ({@code main}) that times warm repetitions.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Djava.awt.headless=true"})
public class PlotBench {
    static final DoubleBinaryOperator VALLEY =
            (x, y) -> 0.5 * (2 * x * x + 2 * x * y + 20 * y * y) - (5 * x + 3 * y);

    private List<Trace> runs;
    private Path out;

    @Setup
    public void setup() throws IOException {
        runs = new ArrayList<>();
        for (double lr : new double[] {0.02, 0.05, 0.09}) {
            runs.add(descent("lr=" + lr, lr));
        }
        out = Files.createTempDirectory("plotbench").resolve("contour.png");
    }

    @Benchmark
    public long contourPng() throws IOException {
        Plot p = Plots.contour(VALLEY, new double[] {-4, 6}, new double[] {-2, 2}, runs);
        p.save(out);
        return Files.size(out);
    }

    static Trace descent(String label, double lr) {
        double[][] path = new double[51][];
        double x = -3;
        double y = -1;
        for (int k = 0; k <= 50; k++) {
            path[k] = new double[] {x, y};
            double gx = 2 * x + y - 5;
            double gy = x + 20 * y - 3;
            x -= lr * gx;
            y -= lr * gy;
        }
        return new Trace(label, path, null, null);
    }

    public static void main(String[] args) throws IOException {
        System.setProperty("java.awt.headless", "true");
        PlotBench b = new PlotBench();
        b.setup();
        for (int k = 0; k < 10; k++) {
            b.contourPng();
        }
        int reps = 20;
        long t0 = System.nanoTime();
        for (int k = 0; k < reps; k++) {
            b.contourPng();
        }
        double ms = (System.nanoTime() - t0) / 1e6 / reps;
        System.out.printf("contour 200x200 + 3 paths of 50 steps -> PNG: %.1f ms per plot (warm, mean of %d)%n", ms, reps);
    }
}
