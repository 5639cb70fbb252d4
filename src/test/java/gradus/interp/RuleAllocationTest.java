package gradus.interp;

import static org.assertj.core.api.Assertions.assertThat;

import gradus.optim.Method;
import gradus.optim.Minimizer;
import gradus.optim.Objective;
import gradus.optim.Result;
import gradus.optim.RunOptions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * An optimizer written in Gradus runs in the same loop as the built-ins, with no allocation per
 * step: its compiled update writes the next point in place of a copy, its states live in arrays
 * made once, and noise= and state=true (with only the start and the end kept) add none either.
 */
class RuleAllocationTest {
  @Test
  void aCompiledRuleAllocatesNothingPerStep() {
    Session s = new Session(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    boolean ok = s.run("""
        optimizer adam_g(lr=0.001, beta1=0.9, beta2=0.999, eps=1e-8) {
          state m = 0
          state v = 0
          m = beta1*m + (1 - beta1)*g
          v = beta2*v + (1 - beta2)*g*g
          x = x - lr/(1 - beta1^t)*m/(sqrt(v)/sqrt(1 - beta2^t) + eps)
        }
        rosen(x, y) = 100*(y - x^2)^2 + (1 - x)^2
        m = adam_g(lr=0.0001)
        """, "alloc.opt");
    assertThat(ok).isTrue();
    Interpreter in = s.interpreter();
    Objective f = OptimBuiltins.objective((FunctionValue) in.globals().get("rosen"));
    Method m = ((OptimBuiltins.MethodValue) in.globals().get("m")).method();
    RunOptions plain = RunOptions.defaults().withGtol(0).withRecord(1 << 30);
    for (RunOptions o : new RunOptions[] {plain, plain.withNoise(0.01).withSeed(3), plain.withStates(true)}) {
      RunOptions few = o.withSteps(1000);
      RunOptions many = o.withSteps(21_000);
      double[] start = {-1.2, 1};
      Result warm = Minimizer.run(f, start, m, many);
      assertThat(warm.iterations()).isEqualTo(21_000);
      long small = ModelAllocationTest.allocated(() -> Minimizer.run(f, start, m, few));
      long large = ModelAllocationTest.allocated(() -> Minimizer.run(f, start, m, many));
      assertThat((double) (large - small) / 20_000).as("bytes per step, noise=%s state=%s", o.noise(), o.states())
          .isLessThan(1);
    }
  }
}
