package gradus.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The REPL in a real terminal (tmux): Ctrl-C stops every long operation and the session goes on;
 * a Ctrl-C that came too late to stop anything does not stop the next input; a history file
 * that cannot be read or written costs one warning, never the session. The steps share one
 * session, in order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReplTerminalIT {
  @TempDir static Path dir;
  private Tmux repl;
  private int interrupts;
  private int step;

  static String command(Path home) {
    return "HOME='" + home + "' '" + Gradus.java() + "' -XX:+UseSerialGC -Duser.home='" + home + "' -jar '" + Gradus.JAR + "'";
  }

  @BeforeAll
  void start() throws Exception {
    Assumptions.assumeTrue(Tmux.available(), "tmux is needed for the terminal tests (apt-get install tmux; .ci/run does)");
    Random rnd = new Random(1);
    try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("big.csv"))) {
      w.write("x1,x2,label\n");
      for (int i = 0; i < 2_000_000; i++) w.write(rnd.nextDouble() + "," + rnd.nextDouble() + "," + (i % 2) + "\n");
    }
    Files.writeString(dir.resolve("s.opt"), "print(\"loaded\" + \"-ok\")\n");
    repl = Tmux.start("gradus-repl", dir, command(dir));
    assertThat(repl.await("gradus> ", 1, 60)).as(repl.screen()).isTrue();
  }

  @AfterAll
  void stop() throws Exception {
    if (repl != null) repl.close();
  }

  /** Types {@code input}, lets it run, presses Ctrl-C, and expects "interrupted" and a live prompt. */
  private void interrupt(String input, long runMillis) throws Exception {
    repl.line(input);
    Thread.sleep(runMillis);
    repl.ctrlC();
    interrupts++;
    assertThat(repl.await("error: interrupted", interrupts, 20)).as("%s was stopped:%n%s", input, repl.screen()).isTrue();
    alive();
  }

  /** The session answers: prints a marker that the input line itself does not contain. */
  private void alive() throws Exception {
    step++;
    repl.line("print(\"step-\" + str(" + step + "))");
    assertThat(repl.await("step-" + step + "\n", 1, 30)).as(repl.screen()).isTrue();
  }

  @Test
  @Order(1)
  void ctrlCStopsAnOptimizationWhichKeepsItsResult() throws Exception {
    repl.line("f(x, y) = x^2 + 3*y^2");
    repl.line("r = minimize(f, [1, 1], gd(lr=1e-9), steps=100000000, gtol=0)");
    Thread.sleep(700);
    repl.ctrlC();
    repl.line("print(\"status \" + r.status, r.iterations > 0)");
    assertThat(repl.await("status interrupted true", 1, 30)).as(repl.screen()).isTrue();
  }

  @Test
  @Order(2)
  void ctrlCStopsALoop() throws Exception {
    interrupt("for i in 1..1000000000 { x = i }", 500);
  }

  @Test
  @Order(3)
  void ctrlCStopsReadingALargeCsvFile() throws Exception {
    interrupt("d = csv(\"big.csv\")", 500);
  }

  @Test
  @Order(4)
  void ctrlCStopsAPlotWhileItSamplesAHeavyFunction() throws Exception {
    repl.line("g(x, y) = sum(i in 1..200000, sin(x*i)*cos(y*i)/i)");
    interrupt("contour(g, out=\"heavy.png\")", 700);
    assertThat(dir.resolve("heavy.png")).doesNotExist();
    assertThat(Gradus.temporaryFiles(dir)).isEmpty();
  }

  @Test
  @Order(5)
  void ctrlCStopsASaveAndLeavesNoFile() throws Exception {
    repl.line("v = randn(20000000)");
    alive();
    interrupt("save(v, \"big.json\")", 500);
    assertThat(dir.resolve("big.json")).doesNotExist();
    assertThat(Gradus.temporaryFiles(dir)).isEmpty();
  }

  @Test
  @Order(6)
  void ctrlCStopsEncodingAnAnimation() throws Exception {
    repl.line("q(x, y) = x^2 + 3*y^2");
    repl.line("long = minimize(q, [1, 1], gd(lr=0.001), steps=2000)");
    alive();
    interrupt("animate(q, paths=[long], frames=500, out=\"anim.gif\")", 2500);
    assertThat(dir.resolve("anim.gif")).doesNotExist();
    assertThat(Gradus.temporaryFiles(dir)).isEmpty();
  }

  @Test
  @Order(7)
  void aCtrlCThatStoppedNothingDoesNotStopTheNextLoad() throws Exception {
    // linspace does not look at Ctrl-C: the press is noted and nothing stops
    repl.line("w = linspace(0, 1, 100000000)");
    Thread.sleep(150);
    repl.ctrlC();
    alive();
    repl.line(":load s.opt");
    assertThat(repl.await("loaded-ok", 1, 30)).as(repl.screen()).isTrue();
    assertThat(Tmux.count(repl.screen(), "error: interrupted")).isEqualTo(interrupts);
  }

  @Test
  @Order(8)
  void ctrlCStopsTheEvaluationOfAHeavyFunctionAndTheSessionEndsNormally() throws Exception {
    // seconds of compiled work; it stops at once because compiled code polls gradus.compile.Interrupt
    repl.line("h(x) = sum(i in 1..200000000, sin(x*i)/i)");
    repl.line("print(\"h = \" + str(h(1)))");
    Thread.sleep(700);
    repl.ctrlC();
    boolean stopped = repl.await("error: interrupted", interrupts + 1, 3);
    assertThat(stopped).as("Ctrl-C stops the compiled evaluation of h(1): %s", repl.screen()).isTrue();
    interrupts++;
    alive();
    repl.line(":quit");
    assertThat(repl.await("EXIT=0", 1, 30)).as(repl.screen()).isTrue();
    assertThat(repl.screen()).doesNotContain("Exception").doesNotContain("\tat ");
  }
}
