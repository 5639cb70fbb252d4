package gradus.interp;

import static org.assertj.core.api.Assertions.assertThat;

import gradus.optim.Result;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Lion of SPEC §10.3, written in Gradus, against a NumPy loop of the published rule (Chen et
 * al. 2023): {@code bench/lion_numpy.py} wrote {@code oracles/lion_numpy.txt}, 100 steps on two
 * problems; every coordinate of every iterate agrees to 1e-12.
 */
class LionOracleTest {
  static final String LION = """
      optimizer lion(lr=0.0001, beta1=0.9, beta2=0.99, weight_decay=0) {
        require lr > 0
        require 0 <= beta1 and beta1 < 1
        state m = 0
        c = beta1*m + (1 - beta1)*g
        x = x - lr*(sign(c) + weight_decay*x)
        m = beta2*m + (1 - beta2)*g
      }
      rosenbrock(x, y) = (1 - x)^2 + 100*(y - x^2)^2
      bowl(x[3]) = sum(i in 1..3, i*(x[i] - i)^2) + x[1]*x[2]
      """;

  record Case(String header, List<double[]> path) {
    String get(String key) {
      for (String part : header.split(" ")) if (part.startsWith(key + "=")) return part.substring(key.length() + 1);
      throw new IllegalArgumentException(key);
    }
  }

  static List<Case> oracle() throws IOException {
    List<Case> out = new ArrayList<>();
    for (String line : Files.readAllLines(Path.of("src/test/resources/oracles/lion_numpy.txt"))) {
      if (line.startsWith("case ")) {
        out.add(new Case(line.substring(5).replace(", ", ","), new ArrayList<>()));
        continue;
      }
      String[] cells = line.trim().split(" ");
      double[] row = new double[cells.length];
      for (int j = 0; j < cells.length; j++) row[j] = Double.parseDouble(cells[j]);
      out.get(out.size() - 1).path().add(row);
    }
    return out;
  }

  @Test
  void lionWrittenInGradusFollowsTheNumPyLoopOfThePublishedRule() throws IOException {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Session s = new Session(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(s.run(LION, "lion.opt")).as(err.toString(StandardCharsets.UTF_8)).isTrue();
    List<Case> cases = oracle();
    assertThat(cases).hasSize(2);
    for (Case c : cases) {
      String name = c.header().split(" ")[0];
      String call = "r = minimize(" + name + ", " + c.get("start") + ", lion(lr=" + c.get("lr") + ", beta1=" + c.get("beta1")
          + ", beta2=" + c.get("beta2") + ", weight_decay=" + c.get("weight_decay") + "), steps=100, gtol=0)";
      assertThat(s.run(call, "run.opt")).as(err.toString(StandardCharsets.UTF_8)).isTrue();
      Result r = ((ResultValue) s.interpreter().globals().get("r")).r();
      assertThat(r.path().length).as(name).isEqualTo(101);
      for (int k = 0; k <= 100; k++) {
        for (int j = 0; j < c.path().get(k).length; j++) {
          assertThat(Math.abs(r.path()[k][j] - c.path().get(k)[j])).as("%s, iterate %d, coordinate %d", name, k, j + 1)
              .isLessThanOrEqualTo(1e-12);
        }
      }
      // the rule moves: the test would be empty if Lion stood still
      assertThat(r.path()[100][0]).as(name).isNotEqualTo(r.path()[0][0]);
    }
  }
}
