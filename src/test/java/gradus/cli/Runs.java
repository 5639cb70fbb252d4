package gradus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import gradus.compile.Interrupt;
import gradus.interp.PlotSinks;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/** Runs the command line in this JVM the way {@code gradus ARGS} runs, for the fault tests. */
final class Runs {
  private Runs() {}

  /** What a run printed and its exit status; {@code interrupted} when the time limit stopped it. */
  record Outcome(int exit, String stdout, String stderr, boolean interrupted) {}

  /** Java's own number formats and trace markers: none may reach a user. */
  private static final Pattern JAVA_NUMBER = Pattern.compile("\\bNaN\\b|\\bInfinity\\b|\\d\\.\\d*E-?\\d");

  static void assertClean(String stderr) {
    assertThat(stderr).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("internal error")
        .doesNotContain("java.").doesNotContainPattern(JAVA_NUMBER);
  }

  /**
   * Runs {@code args} on a thread with the real worker's stack. After {@code softSeconds} (0:
   * never) it presses Ctrl-C; a run still going {@code hardSeconds} after the start is a hang
   * and gives null (after a last Ctrl-C, so that it stops if it ever looks). Plots made without
   * out= go to {@code plots}.
   */
  static Outcome timed(long hardSeconds, long softSeconds, Path plots, String... args) throws InterruptedException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int[] status = {-1};
    Interrupt.clear();
    Thread t = new Thread(null, () -> {
      PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
      PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
      status[0] = Main.run(Main.parse(args), o, e,
          session -> session.interpreter().setPlotSink(PlotSinks.files(o, plots)));
    }, "gradus-test", 2L << 30);
    t.start();
    boolean pressed = false;
    if (softSeconds > 0) {
      t.join(TimeUnit.SECONDS.toMillis(softSeconds));
      if (t.isAlive()) {
        Interrupt.request();
        pressed = true;
      }
    }
    t.join(TimeUnit.SECONDS.toMillis(hardSeconds - softSeconds));
    if (t.isAlive()) {
      Interrupt.request();
      return null;
    }
    Interrupt.clear();
    return new Outcome(status[0], out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), pressed);
  }

  /** The java binary running these tests, for child JVMs. */
  static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
