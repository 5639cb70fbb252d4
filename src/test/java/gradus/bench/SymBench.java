package gradus.bench;

import static gradus.sym.Sym.*;

import gradus.sym.Derivatives;
import gradus.sym.Expr;
import gradus.sym.GradientFunction;
import gradus.sym.HessianFunction;
import gradus.sym.ScalarFunction;
import gradus.sym.Signature;
import gradus.sym.VarSpec;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
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
 * Scale targets of DESIGN.md: building and evaluating the Hessian of the chained Rosenbrock
 * function with 100 variables (target: well under 0.1 s), and differentiating a 10^6-variable sum
 * (target: well under a second; no O(n) symbolic work). Run with the JMH runner on the test
 * classpath, e.g. {@code java -cp target/test-classes:target/classes:<deps> org.openjdk.jmh.Main SymBench}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SymBench {
  private double[] x100;
  private double[] x1m;
  private GradientFunction bigGrad;

  static ScalarFunction rosen(int n) {
    Expr i = index("i");
    Expr xi = elem("x", i);
    Expr body = sum("i", num(1), num(n - 1),
        add(mul(num(100), pow(sub(elem("x", add(i, num(1))), pow(xi, 2)), 2)), pow(sub(num(1), xi), 2)));
    return declare("rosen", Signature.of(new VarSpec("x", n)), body);
  }

  @Setup
  public void setup() {
    x100 = new double[100];
    Arrays.fill(x100, 0.5);
    x1m = new double[1_000_000];
    Arrays.fill(x1m, 0.5);
    bigGrad = Derivatives.grad(rosen(1_000_000));
  }

  @Benchmark
  public double[] rosen100HessianBuildAndEvaluate() {
    HessianFunction h = Derivatives.hessian(rosen(100));
    return gradus.sym.Eval.evaluate(h, x100, null);
  }

  @Benchmark
  public Object rosen1e6DifferentiateGradientAndHessian() {
    ScalarFunction f = rosen(1_000_000);
    return new Object[] {Derivatives.grad(f), Derivatives.hessian(f)};
  }

  @Benchmark
  public double[] rosen1e6GradientEvaluate() {
    return gradus.sym.Eval.evaluate(bigGrad, x1m, null);
  }
}
