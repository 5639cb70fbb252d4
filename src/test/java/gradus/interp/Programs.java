package gradus.interp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Runs Gradus source in a fresh session for tests and reads back what it printed. */
final class Programs {
  private Programs() {}

  /** The printed lines of a program that must run without error. */
  static String[] run(String src, String name) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Session s = new Session(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    boolean ok = s.run(src, name + ".opt");
    assertThat(ok).as("%s: %s", name, err.toString(StandardCharsets.UTF_8)).isTrue();
    return out.toString(StandardCharsets.UTF_8).strip().split("\n");
  }

  /** A printed list of numbers, [a, b, ...]. */
  static double[] parse(String list) {
    String inner = list.strip().substring(1, list.strip().length() - 1);
    return Arrays.stream(inner.split(", ")).mapToDouble(Double::parseDouble).toArray();
  }
}
