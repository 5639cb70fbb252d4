package gradus.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fault-injection corpus: every {@code src/test/resources/hostile/*.opt} runs as
 * {@code gradus FILE} would (bytes read by {@link Sources}, so encodings, byte-order marks and NUL
 * bytes are tested too), within a time limit, and must give exactly its expectations:
 * <ul>
 *   <li>{@code # expect: TEXT} — the standard output, line by line;
 *   <li>{@code # expect-error: LINE:COL: MESSAGE} — the errors in order ({@code MESSAGE} alone for
 *       an error about the whole file; {@code ...} at the end matches a prefix);
 *   <li>{@code # expect-exit: N} — the exit status (default 1 with errors, else 0);
 *   <li>{@code #! expand: NAME = TEXT * N} — replaces NAME by N copies of TEXT before the run,
 *       for inputs too large to keep in a file (10^5 brackets).
 * </ul>
 * Whatever the case, standard error never holds a Java trace, an internal error or Java's
 * number formats ({@code NaN}, {@code Infinity}, {@code 1.0E308}).
 *
 * <p>{@code PENDING.txt} lists the cases whose fix belongs to another part of the code (each with
 * its owner and what happens today). They run in a separate JVM, so that a hang cannot hold this
 * one, and are reported as aborted with that note; one that starts to pass fails, so that the
 * list is kept honest.
 */
class HostileCorpusTest {
  static final Path DIR = Path.of("src/test/resources/hostile");
  static final long LIMIT_SECONDS = 20;
  /** Pending cases include hangs; each costs this much until it is fixed. */
  static final long PENDING_LIMIT_SECONDS = 6;

  @TempDir Path tmp;

  @TestFactory
  Stream<DynamicTest> hostile() throws IOException {
    Map<String, String> pending = pending();
    List<Path> files;
    try (Stream<Path> s = Files.list(DIR)) {
      files = s.filter(p -> p.toString().endsWith(".opt")).sorted().toList();
    }
    assertThat(files).hasSizeGreaterThanOrEqualTo(100);
    assertThat(files.stream().map(f -> f.getFileName().toString())).containsAll(pending.keySet());
    // the pending cases may hang until their limit: they start now, side by side with the rest
    Map<String, Child> children = new LinkedHashMap<>();
    for (String name : pending.keySet()) children.put(name, Child.start(prepare(DIR.resolve(name))));
    return files.stream().map(f -> {
      String name = f.getFileName().toString();
      String note = pending.get(name);
      return note == null
          ? DynamicTest.dynamicTest(name, () -> check(f))
          : DynamicTest.dynamicTest("PENDING " + name, () -> checkPending(f, children.get(name), note));
    });
  }

  /** {@code PENDING.txt}: {@code FILE  OWNER: what happens now}, one a line; # starts a comment. */
  static Map<String, String> pending() throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    for (String line : Files.readAllLines(DIR.resolve("PENDING.txt"))) {
      String l = line.strip();
      if (l.isEmpty() || l.startsWith("#")) continue;
      String[] parts = l.split("\\s+", 2);
      out.put(parts[0], parts.length > 1 ? parts[1] : "");
    }
    return out;
  }

  record Expectations(List<String> out, List<String> errors, int exit) {}

  /** The program to run: the file with its {@code #! expand:} directives applied, in the temporary folder. */
  Path prepare(Path file) throws IOException {
    byte[] raw = Files.readAllBytes(file);
    // expansion works on bytes (ISO-8859-1 keeps each as it is), so that bad encodings stay bad
    return Files.write(tmp.resolve(file.getFileName().toString()), expand(new String(raw, StandardCharsets.ISO_8859_1), raw));
  }

  static Expectations expectations(Path file) throws IOException {
    return expectations(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
  }

  void check(Path file) throws Exception {
    Path run = prepare(file);
    Runs.Outcome got = Runs.timed(LIMIT_SECONDS, 0, tmp, run.toString());
    if (got == null) fail("no answer within " + LIMIT_SECONDS + " s (a hang)");
    compare(run.toString(), expectations(file), got);
  }

  /** A pending case passes only once its owner has fixed it; until then it is reported, as aborted. */
  void checkPending(Path file, Child child, String note) throws Exception {
    try {
      compare(child.file.toString(), expectations(file), child.outcome());
    } catch (AssertionError e) {
      Assumptions.abort("PENDING (" + note + "); now: " + firstLine(e.getMessage()));
    }
    fail(file.getFileName() + " passes now: remove it from PENDING.txt (" + note + ")");
  }

  static Expectations expectations(String text) {
    List<String> out = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    Integer exit = null;
    for (String line : text.split("\n", -1)) {
      int k = line.indexOf("# expect: ");
      int e = line.indexOf("# expect-error: ");
      int x = line.indexOf("# expect-exit: ");
      if (k >= 0) out.add(line.substring(k + "# expect: ".length()));
      else if (line.strip().equals("# expect:")) out.add("");
      if (e >= 0) errors.add(line.substring(e + "# expect-error: ".length()));
      if (x >= 0) exit = Integer.parseInt(line.substring(x + "# expect-exit: ".length()).strip());
    }
    return new Expectations(out, errors, exit != null ? exit : errors.isEmpty() ? 0 : 1);
  }

  /** Applies the {@code #! expand:} directives to the raw bytes (names and texts are ASCII). */
  static byte[] expand(String text, byte[] raw) {
    String body = new String(raw, StandardCharsets.ISO_8859_1);
    for (String line : text.split("\n")) {
      if (!line.startsWith("#! expand: ")) continue;
      String spec = line.substring("#! expand: ".length());
      int eq = spec.indexOf(" = ");
      int star = spec.lastIndexOf(" * ");
      String name = spec.substring(0, eq).strip();
      String piece = spec.substring(eq + 3, star).replace("\\n", "\n");
      int n = Integer.parseInt(spec.substring(star + 3).strip());
      body = body.replace(line, "#").replace(name, piece.repeat(n));
    }
    return body.getBytes(StandardCharsets.ISO_8859_1);
  }

  /** A case run as {@code gradus FILE} in its own JVM, so that a hang cannot hold this one. */
  record Child(Path file, Process process, long started) {
    static Child start(Path file) throws IOException {
      Process p = new ProcessBuilder(Runs.java(), "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
          "gradus.cli.Main", file.toString())
          .redirectOutput(file.resolveSibling(file.getFileName() + ".out").toFile())
          .redirectError(file.resolveSibling(file.getFileName() + ".err").toFile())
          .start();
      return new Child(file, p, System.nanoTime());
    }

    Runs.Outcome outcome() throws Exception {
      long left = TimeUnit.SECONDS.toNanos(PENDING_LIMIT_SECONDS) - (System.nanoTime() - started);
      if (!process.waitFor(Math.max(0, left), TimeUnit.NANOSECONDS)) {
        process.destroyForcibly().waitFor();
        fail("no answer within " + PENDING_LIMIT_SECONDS + " s (a hang)");
      }
      return new Runs.Outcome(process.exitValue(), Files.readString(file.resolveSibling(file.getFileName() + ".out")),
          Files.readString(file.resolveSibling(file.getFileName() + ".err")), false);
    }
  }

  static void compare(String name, Expectations want, Runs.Outcome got) {
    Runs.assertClean(got.stderr());
    List<String> outLines = lines(got.stdout());
    assertThat(outLines).as("standard output (stderr: %s)", got.stderr()).containsExactlyElementsOf(want.out());
    List<String> errorLines = new ArrayList<>();
    for (String l : got.stderr().split("\n")) {
      if (!l.startsWith(name + ":")) continue;
      String rest = l.substring(name.length() + 1);
      errorLines.add(rest.startsWith(" error: ") ? rest.substring(" error: ".length()) : rest.replaceFirst(": error: ", ": "));
    }
    assertThat(errorLines).as("errors (stderr: %s)", got.stderr()).hasSameSizeAs(want.errors());
    for (int i = 0; i < want.errors().size(); i++) {
      String w = want.errors().get(i);
      if (w.endsWith("...")) assertThat(errorLines.get(i)).startsWith(w.substring(0, w.length() - 3));
      else assertThat(errorLines.get(i)).isEqualTo(w);
    }
    assertThat(got.exit()).as("exit status (stderr: %s)", got.stderr()).isEqualTo(want.exit());
  }

  static List<String> lines(String s) {
    if (s.isEmpty()) return List.of();
    List<String> out = new ArrayList<>(List.of(s.split("\n", -1)));
    if (out.get(out.size() - 1).isEmpty()) out.remove(out.size() - 1);
    return out;
  }

  private static String firstLine(String s) {
    if (s == null) return "";
    String t = s.strip();
    int nl = t.indexOf('\n');
    return nl < 0 ? t : t.substring(0, Math.min(nl, 300));
  }
}
