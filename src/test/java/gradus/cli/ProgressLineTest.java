package gradus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The progress line: silent for the first two seconds, rewritten in place, erased at the end. */
class ProgressLineTest {
  final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  final PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);

  String written() {
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void quietForShortRuns() {
    ProgressLine p = new ProgressLine(err, "gd(lr=0.1)", 200);
    p.update(10, 1.5, 0.25);
    p.done();
    assertThat(written()).isEmpty();
  }

  @Test
  void longRunsShowOneLineRewrittenInPlaceThenErased() {
    ProgressLine p = new ProgressLine(err, "adam(lr=0.1)", 200, System.nanoTime() - 3_000_000_000L);
    p.update(1234567, 0.12345678901, 0.001234567);
    p.update(2345678, 0.01, 0.0001);
    p.done();
    p.done(); // a second done (the interpreter's finally) writes nothing more
    String[] parts = written().split("\r", -1);
    assertThat(parts).hasSize(4);
    assertThat(parts[1]).matches("adam\\(lr=0\\.1\\): iteration 1234567  f = 0\\.123457  gnorm = 0\\.00123  3(\\.[0-9])? s  \\(Ctrl-C stops it\\)\u001B\\[K");
    assertThat(parts[2]).startsWith("adam(lr=0.1): iteration 2345678  f = 0.01  gnorm = 0.0001  ");
    assertThat(parts[3]).isEqualTo("\u001B[K");
    assertThat(written()).doesNotContain("\n");
  }

  @Test
  void aNarrowTerminalGetsTheNumbersWithoutTheHintThenATruncatedLine() {
    new ProgressLine(err, "adam(lr=0.1)", 60, System.nanoTime() - 3_000_000_000L).update(5, 1, 2);
    assertThat(written()).doesNotContain("Ctrl-C").contains("iteration 5  f = 1  gnorm = 2");
    bytes.reset();
    new ProgressLine(err, "a_very_long_label_of_a_run_that_does_not_fit(lr=0.1)", 40, System.nanoTime() - 3_000_000_000L)
        .update(5, 1, 2);
    String line = written().replace("\r", "").replace("\u001B[K", "");
    assertThat(line.codePointCount(0, line.length())).isLessThanOrEqualTo(39);
    assertThat(line).startsWith("a_very_long_label").endsWith("…");
  }
}
