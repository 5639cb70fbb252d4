package gradus.bench;

import static gradus.sym.Sym.*;

import gradus.compile.CompiledFunction;
import gradus.compile.Compiler;
import gradus.sym.Expr;
import gradus.sym.Signature;
import gradus.sym.VarSpec;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * valueAndGradient of the chained Rosenbrock function with n = 10^6: compiled vs a hand-written
 * Java loop; and the compile time for n = 10^6 (one Loop node, so independent of n).
 *
 * <pre>
 * mvn -q dependency:build-classpath -Dmdep.outputFile=cp.txt
 * mvn -q -B test-compile
 * java -cp target/test-classes:target/classes:$(cat cp.txt) org.openjdk.jmh.Main CompileBench -f 1 -wi 3 -i 5
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class CompileBench {
  static final int N = 1_000_000;

  Signature sig;
  Expr rosenbrock;
  CompiledFunction compiled;
  double[] x;
  double[] grad;

  static Expr rosenbrock(int n) {
    Expr i = index("i");
    Expr xi = elem("x", i);
    Expr xi1 = elem("x", add(i, num(1)));
    return sum("i", num(1), num(n - 1),
        add(mul(num(100), pow(sub(xi1, pow(xi, 2)), 2)), pow(sub(num(1), xi), 2)));
  }

  @Setup
  public void setup() {
    sig = Signature.of(new VarSpec("x", N));
    rosenbrock = rosenbrock(N);
    compiled = Compiler.compile(gradus.sym.Sym.declare("rosen", sig, rosenbrock));
    Random r = new Random(1);
    x = new double[N];
    for (int i = 0; i < N; i++) x[i] = r.nextDouble() * 2 - 1;
    grad = new double[N];
  }

  @Benchmark
  public double compiledValueAndGradient() {
    return compiled.valueAndGradient(x, null, 0, grad);
  }

  @Benchmark
  public double handWrittenValueAndGradient() {
    double[] x = this.x;
    double[] g = this.grad;
    java.util.Arrays.fill(g, 0.0);
    double f = 0;
    for (int i = 0; i + 1 < x.length; i++) {
      double d = x[i + 1] - x[i] * x[i];
      double e = 1 - x[i];
      f += 100 * d * d + e * e;
      g[i] += -400 * d * x[i] - 2 * e;
      g[i + 1] += 200 * d;
    }
    return f;
  }

  @Benchmark
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public double compileTime() {
    // the value and gradient program of a newly declared function, generated and loaded
    CompiledFunction c = Compiler.compile(gradus.sym.Sym.declare("rosen", sig, rosenbrock));
    return c.valueAndGradient(x, null, 0, grad);
  }
}
