package gradus.interp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every {@code src/test/resources/golden/*.opt}. Expected standard output sits in
 * {@code # expect: TEXT} comments, in order; expected errors in {@code # expect-error: LINE:COL: MESSAGE}
 * (the message may end in {@code ...} to match a prefix). A file with expected errors must fail.
 */
class GoldenTest {
  static final Path DIR = Path.of("src/test/resources/golden");

  @TestFactory
  Stream<DynamicTest> golden() throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.list(DIR)) {
      files = s.filter(p -> p.toString().endsWith(".opt")).sorted().toList();
    }
    assertThat(files).isNotEmpty();
    return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> check(f)));
  }

  static void check(Path file) throws IOException {
    String source = Files.readString(file);
    List<String> expectOut = new ArrayList<>();
    List<String> expectErr = new ArrayList<>();
    for (String line : source.split("\n", -1)) {
      int k = line.indexOf("# expect: ");
      int e = line.indexOf("# expect-error: ");
      if (k >= 0) expectOut.add(line.substring(k + "# expect: ".length()));
      else if (line.strip().equals("# expect:")) expectOut.add("");
      if (e >= 0) expectErr.add(line.substring(e + "# expect-error: ".length()));
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Session session = new Session(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    String name = file.getFileName().toString();
    boolean ok = session.run(source, name);
    String stdout = out.toString(StandardCharsets.UTF_8);
    String stderr = err.toString(StandardCharsets.UTF_8);
    List<String> outLines = stdout.isEmpty() ? List.of() : List.of(stdout.split("\n", -1)).subList(0, stdout.split("\n", -1).length - 1);
    assertThat(outLines).as("standard output of %s (stderr: %s)", name, stderr).containsExactlyElementsOf(expectOut);
    List<String> errorLines = new ArrayList<>();
    for (String l : stderr.split("\n")) if (l.startsWith(name + ":")) errorLines.add(l.substring(name.length() + 1));
    assertThat(stderr).doesNotContain("Exception").doesNotContain("\tat ");
    if (expectErr.isEmpty()) {
      assertThat(ok).as("%s ran without error, but stderr was: %s", name, stderr).isTrue();
      return;
    }
    assertThat(ok).as("%s should fail", name).isFalse();
    assertThat(errorLines).as("errors of %s", name).hasSameSizeAs(expectErr);
    for (int i = 0; i < expectErr.size(); i++) {
      String want = expectErr.get(i);
      String got = errorLines.get(i).replaceFirst(": error: ", ": ");
      if (want.endsWith("...")) assertThat(got).startsWith(want.substring(0, want.length() - 3));
      else assertThat(got).isEqualTo(want);
    }
    assertThat(stderr).as("caret line in %s", name).contains("^");
  }
}
