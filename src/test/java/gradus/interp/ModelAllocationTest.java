package gradus.interp;

import static org.assertj.core.api.Assertions.assertThat;

import gradus.optim.BatchObjective;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Training a model with locals allocates nothing per row (SPEC §10.2): the local arrays, their
 * adjoint arrays and the logsumexp's state live in the compiled code's preallocated scratch, and
 * a minibatch gradient over the packed rows makes no objects.
 */
class ModelAllocationTest {
  @Test
  void minibatchGradientsOfANetworkWithLocalsAllocateNothingPerRow() {
    Session s = new Session(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    boolean ok = s.run("""
        d = csv("scripts/data/iris.csv")
        net(W1[16, 4], b1[16], W2[3, 16], b2[3]; x[4]) = {
          h[j in 1..16] = tanh(sum(k in 1..4, W1[j, k]*x[k]) + b1[j])
          z[c in 1..3] = sum(j in 1..16, W2[c, j]*h[j]) + b2[c]
          z
        }
        xent(W1[16, 4], b1[16], W2[3, 16], b2[3]; x[4], label) = {
          z = net(W1, b1, W2, b2, x)
          logsumexp(c in 1..3, z[c]) - z[label]
        }
        """, "alloc.opt");
    assertThat(ok).isTrue();
    Interpreter in = s.interpreter();
    FunctionValue f = (FunctionValue) in.globals().get("xent");
    BatchObjective b = DataSupport.batchObjective(f, in.globals().get("d"), null);
    int n = b.dimension();
    double[] x = new double[n];
    for (int i = 0; i < n; i++) x[i] = Math.sin(i) * 0.3;
    double[] g = new double[n];
    int[] order = new int[b.rows()];
    for (int i = 0; i < order.length; i++) order[i] = (i * 37) % order.length;
    for (int rep = 0; rep < 200; rep++) b.batchValueAndGradient(x, order, 0, order.length, g);
    long bytes = allocated(() -> {
      for (int rep = 0; rep < 100; rep++) b.batchValueAndGradient(x, order, 0, order.length, g);
    });
    // 100 passes over 150 rows: 15,000 row gradients in all
    assertThat(bytes).as("bytes allocated by 15,000 row gradients").isLessThan(1024);
    assertThat(java.util.Arrays.stream(g).anyMatch(v -> v != 0)).isTrue();
  }

  static long allocated(Runnable r) {
    var bean = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
    long id = Thread.currentThread().getId();
    long before = bean.getThreadAllocatedBytes(id);
    r.run();
    return bean.getThreadAllocatedBytes(id) - before;
  }
}
