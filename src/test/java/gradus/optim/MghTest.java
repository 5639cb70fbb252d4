package gradus.optim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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

  /**
   * Runs that stop at a degenerate stationary point (gnorm <= gtol; the Hessian there has an
   * eigenvalue ≈ 0, slightly negative) that is not a published minimum: box_3d along the flat
   * valley x2 → ∞ (f = 0.0756 at x ≈ (0.614, 126.9, 1.32)), biggs_exp6 where x1 ≈ x5
   * (f = 0.2427). They must still stop "converged" with the gradient within gtol.
   */
  static final List<String> STATIONARY_NOT_MINIMUM = List.of("box_3d/newton", "biggs_exp6/newton");

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
        if (STATIONARY_NOT_MINIMUM.contains(p.name + "/" + name)) {
          assertThat(r.status()).isEqualTo("converged");
          assertThat(r.gnorm()).isLessThanOrEqualTo(1e-6);
        } else if (!(p.bestGap(r.f()) <= 1e-6)) failures.add(p.name + "/" + name + " f=" + r.f() + " x=" + java.util.Arrays.toString(r.x()));
      }
    }
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target/mgh-counts.txt"), table);
    System.out.print(table);
    assertThat(failures).isEmpty();
  }
}
