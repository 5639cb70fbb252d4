package gradus.interp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Convergence of gradient norms, data sets as JSON, and the f column of a data run's CSV. */
class SaveAndPlotFixesTest {
  @TempDir Path tmp;

  private String run(String program) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    boolean ok = new Session(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
        .run(program, "<test>");
    assertThat(ok).as("stderr: %s", err).isTrue();
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void convergenceOfGradientNorms() throws Exception {
    Path png = tmp.resolve("g.png");
    run("f(x, y) = x^2 + 10*y^2\nr = minimize(f, [1, 1], gd(lr=0.05), steps=30)\n"
        + "p = convergence([r], metric=\"gnorm\", out=\"" + png + "\")\n");
    byte[] head = java.util.Arrays.copyOf(Files.readAllBytes(png), 4);
    assertThat(head).containsExactly(0x89, 'P', 'N', 'G');
  }

  @Test
  void aDataSetSavesAsAnObjectOfColumns() throws Exception {
    Path json = tmp.resolve("d.json");
    run("d = linear_data(3, w=[1], b=0, noise=0, seed=0)\nsave(d, \"" + json + "\")\n");
    String text = Files.readString(json).replaceAll("\\s", "");
    assertThat(text).startsWith("{\"x1\":[").contains("\"y\":[");
    // noise 0, w = 1, b = 0: y equals x1 row by row
    String x1 = text.replaceAll(".*\"x1\":(\\[[^]]*]).*", "$1");
    String y = text.replaceAll(".*\"y\":(\\[[^]]*]).*", "$1");
    assertThat(y).isEqualTo(x1);
  }

  @Test
  void aDataRunsCsvLeavesUnknownLossesAsNan() throws Exception {
    Path csv = tmp.resolve("b.csv");
    run("d = linear_data(20, w=[2], b=1, noise=0, seed=0)\nloss(w, b; x1, y) = (w*x1 + b - y)^2\n"
        + "r = minimize(loss, [0, 0], sgd(lr=0.1), data=d, batch=5, epochs=2)\n"
        + "save(r, \"" + csv + "\")\nprint(r.values[1], r.f)\n");
    var lines = Files.readAllLines(csv);
    assertThat(lines.get(0)).isEqualTo("label,iteration,x1,x2,f");
    assertThat(lines).hasSize(1 + 9);
    String[] first = lines.get(1).split(",");
    String[] middle = lines.get(4).split(",");
    String[] last = lines.get(9).split(",");
    // the start's loss with w = b = 0 is the mean of y^2, known; the middle rows have no full-data loss
    assertThat(Double.parseDouble(first[4])).isPositive();
    assertThat(middle[4]).isEqualTo("nan");
    assertThat(last[4]).isNotEqualTo("nan");
  }
}
