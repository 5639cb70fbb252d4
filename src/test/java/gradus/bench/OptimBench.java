package gradus.bench;

import gradus.optim.BatchObjective;
import gradus.optim.Method;
import gradus.optim.Methods;
import gradus.optim.Minimizer;
import gradus.optim.Objective;
import gradus.optim.RunOptions;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Overhead of the optimizer runtime: L-BFGS on a 10,000-variable extended Rosenbrock, and an
 * Adam data run (20 epochs, batch 32) over 10,000 rows of a one-feature regression. Run with
 * {@code java -cp target/test-classes:... gradus.bench.OptimBench}; excluded from surefire.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class OptimBench {
  static final int N = 10_000;
  static final int ROWS = 10_000;

  final Objective rosenbrock = OptimCore.separableRosenbrock(N);

  final double[] u = new double[ROWS];
  final double[] v = new double[ROWS];

  final BatchObjective regression = new BatchObjective() {
    @Override
    public int dimension() {
      return 2;
    }

    @Override
    public int rows() {
      return ROWS;
    }

    @Override
    public double valueAndGradient(double[] x, double[] g) {
      return batch(x, null, 0, ROWS, g);
    }

    @Override
    public double batchValueAndGradient(double[] x, int[] rows, int from, int to, double[] g) {
      return batch(x, rows, from, to, g);
    }

    double batch(double[] x, int[] rows, int from, int to, double[] g) {
      double s = 0, g0 = 0, g1 = 0;
      for (int k = from; k < to; k++) {
        int i = rows == null ? k : rows[k];
        double r = x[0] * u[i] + x[1] - v[i];
        s += r * r;
        g0 += 2 * r * u[i];
        g1 += 2 * r;
      }
      int m = to - from;
      g[0] = g0 / m;
      g[1] = g1 / m;
      return s / m;
    }
  };

  final Method lbfgs = Methods.create("lbfgs", Map.of());
  final Method adam = Methods.create("adam", Map.of("lr", 0.01));
  double[] start;

  public OptimBench() {
    for (int i = 0; i < ROWS; i++) {
      u[i] = i / (double) ROWS;
      v[i] = 3 * u[i] + 1 + Math.sin(i);
    }
    start = new double[N];
    for (int i = 0; i < N; i += 2) {
      start[i] = -1.2;
      start[i + 1] = 1;
    }
  }

  @Benchmark
  public double lbfgsExtendedRosenbrock() {
    return Minimizer.run(rosenbrock, start.clone(), lbfgs, RunOptions.defaults().withRecord(1000)).f();
  }

  @Benchmark
  public double adamMinibatches() {
    return Minimizer.run(regression, new double[2], adam,
        RunOptions.defaults().withBatch(32).withEpochs(20).withGtol(0).withRecord(1000)).f();
  }

  public static void main(String[] args) throws Exception {
    new Runner(new OptionsBuilder().include(OptimBench.class.getSimpleName()).build()).run();
  }
}
