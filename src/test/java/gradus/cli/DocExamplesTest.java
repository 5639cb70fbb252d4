package gradus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every code example in README.md and docs/language.md runs, by the convention of
 * docs/design.md: a fenced block tagged {@code gradus} runs as a script in a fresh session and
 * prints what its {@code # → TEXT} comments say; an inline span followed by {@code <!--run-->}
 * runs, in the document's order, in one session per document. Other fences must say what they
 * are ({@code text}, {@code sh}), so that no example escapes.
 */
class DocExamplesTest {
  static final List<Path> DOCS = List.of(Path.of("README.md"), Path.of("docs/language.md"));
  static final Pattern FENCE = Pattern.compile("^ {0,3}```\\s*(\\S*)\\s*$");
  static final Pattern INLINE = Pattern.compile("`([^`]+)`<!--run-->");
  static final String ARROW = "# → ";

  /** One example: where it is, its code, and the output its {@code # →} comments promise (null: unchecked). */
  record Example(String where, String code, List<String> expected) {}

  @TempDir static Path dir;
  static final List<Example> blocks = new ArrayList<>();
  static final List<List<Example>> inline = new ArrayList<>();

  @BeforeAll
  static void runAll() throws IOException, InterruptedException {
    Files.createDirectories(dir.resolve("blocks"));
    for (Path doc : DOCS) {
      blocks.addAll(fenced(doc));
      inline.add(inlineSpans(doc));
    }
    for (int i = 0; i < blocks.size(); i++) Files.writeString(dir.resolve(String.format("blocks/%03d.opt", i)), blocks.get(i).code());
    run("blocks", dir.resolve("blocks"));
    for (int d = 0; d < inline.size(); d++) {
      Path sub = Files.createDirectories(dir.resolve("inline" + d));
      for (int i = 0; i < inline.get(d).size(); i++) Files.writeString(sub.resolve(String.format("%03d.opt", i)), inline.get(d).get(i).code());
      run("session", sub);
    }
  }

  /** Runs {@link DocRunner} in {@code dir} (the scripts folder linked in, for csv("scripts/data/...")). */
  static void run(String mode, Path files) throws IOException, InterruptedException {
    Path work = Files.createDirectories(dir.resolve("work-" + files.getFileName()));
    if (!Files.exists(work.resolve("scripts"))) Files.createSymbolicLink(work.resolve("scripts"), Path.of("scripts").toAbsolutePath());
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    Process p = new ProcessBuilder(java, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Djava.awt.headless=true",
        "-cp", cp, DocRunner.class.getName(), mode, files.toAbsolutePath().toString())
        .directory(work.toFile()).redirectErrorStream(true).start();
    String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("the examples finish").isTrue();
    assertThat(p.exitValue()).as("the example runner: %s", log).isZero();
  }

  @Test
  void everyGradusBlockRunsAndPrintsWhatItShows() throws IOException {
    assertThat(blocks).as("README.md has a gradus block").isNotEmpty();
    for (int i = 0; i < blocks.size(); i++) {
      Example b = blocks.get(i);
      String base = dir.resolve(String.format("blocks/%03d", i)).toString();
      String err = Files.readString(Path.of(base + ".err"));
      assertThat(Path.of(base + ".ok")).as("%s runs without error, but: %s", b.where(), err).exists();
      if (b.expected() != null) {
        String out = Files.readString(Path.of(base + ".out"));
        assertThat(out.lines().toList()).as("the output of %s", b.where()).containsExactlyElementsOf(b.expected());
      }
    }
  }

  @Test
  void everyInlineExampleMarkedRunnableRuns() throws IOException {
    assertThat(inline.get(0)).as("README.md has runnable inline examples").isNotEmpty();
    assertThat(inline.get(1)).as("docs/language.md has runnable inline examples").isNotEmpty();
    for (int d = 0; d < inline.size(); d++) {
      for (int i = 0; i < inline.get(d).size(); i++) {
        String base = dir.resolve("inline" + d).resolve(String.format("%03d", i)).toString();
        assertThat(Path.of(base + ".ok")).as("%s runs, but: %s", inline.get(d).get(i).where(),
            Files.readString(Path.of(base + ".err"))).exists();
      }
    }
  }

  @Test
  void everyFenceSaysWhatItHolds() throws IOException {
    for (Path doc : DOCS) {
      List<String> lines = Files.readAllLines(doc);
      boolean inside = false;
      for (int i = 0; i < lines.size(); i++) {
        Matcher m = FENCE.matcher(lines.get(i));
        if (!m.matches()) continue;
        if (!inside) {
          assertThat(m.group(1)).as("%s:%d: a fence names its language (gradus, text, sh)", doc, i + 1).isIn("gradus", "text", "sh");
        }
        inside = !inside;
      }
    }
  }

  static List<Example> fenced(Path doc) throws IOException {
    List<String> lines = Files.readAllLines(doc);
    List<Example> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      Matcher open = FENCE.matcher(lines.get(i));
      if (!open.matches()) continue;
      int start = i;
      StringBuilder code = new StringBuilder();
      List<String> expected = new ArrayList<>();
      for (i++; i < lines.size() && !FENCE.matcher(lines.get(i)).matches(); i++) {
        String line = lines.get(i);
        code.append(line).append('\n');
        int k = line.indexOf(ARROW);
        if (k >= 0) expected.add(line.substring(k + ARROW.length()));
      }
      if (open.group(1).equals("gradus")) out.add(new Example(doc + ":" + (start + 1), code.toString(), expected.isEmpty() ? null : expected));
    }
    return out;
  }

  static List<Example> inlineSpans(Path doc) throws IOException {
    List<String> lines = Files.readAllLines(doc);
    List<Example> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      Matcher m = INLINE.matcher(lines.get(i));
      while (m.find()) out.add(new Example(doc + ":" + (i + 1) + " `" + m.group(1) + "`", m.group(1) + "\n", null));
    }
    return out;
  }
}
