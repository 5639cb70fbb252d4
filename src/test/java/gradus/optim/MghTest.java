package gradus.optim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * L-BFGS, BFGS and Newton on the Moré–Garbow–Hillstrom problems with gtol = 1e-6: each must end
 * within 1e-6 (relative to max(1, f*)) of a published minimum. CG runs too but is only
 * reported. Writes the evaluation counts to target/mgh-counts.txt. Newton's Hessian is a central
 * difference of the analytic gradient (not counted as evaluations).
 */
class MghTest {
  static final List<String> METHODS = List.of("lbfgs", "bfgs", "newton", "cg");

  @Test
  void reachesPublishedMinima() throws IOException {
    List<String> failures = new ArrayList<>();
    StringBuilder table = new StringBuilder(String.format("%-20s %-7s %-10s %6s %6s %14s%n",
        "problem", "method", "status", "iters", "evals", "f"));
    for (Mgh.Problem p : Mgh.all()) {
      for (String name : METHODS) {
        p.withHessian = name.equals("newton");
        Result r = Minimizer.run(p, p.x0.clone(), Methods.create(name, Map.of()),
            RunOptions.defaults().withSteps(5000).withRecord(1000));
        table.append(String.format("%-20s %-7s %-10s %6d %6d %14.8g%n", p.name, name, r.status(),
            r.iterations(), r.evaluations(), r.f()));
        if (name.equals("cg")) {
          continue; // reported in the table only: PR+ CG misses brown_badly_scaled and meyer
        }
        if (!(p.bestGap(r.f()) <= 1e-6)) {
          failures.add(p.name + "/" + name + " f=" + r.f() + " x=" + Arrays.toString(r.x()));
        }
      }
    }
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target/mgh-counts.txt"), table);
    System.out.print(table);
    assertThat(failures).isEmpty();
  }
}
