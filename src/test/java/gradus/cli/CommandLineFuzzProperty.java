package gradus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Whatever a user feeds the command line — random bytes as a script file, random token
 * streams as {@code -e} code, random mutations of the example scripts — Gradus answers with an
 * exit status of 0, 1 or 2, no Java trace, and no hang: a run still going after
 * {@link #SOFT_SECONDS} gets a Ctrl-C (then 130 is its status too) and must stop within
 * {@link #HARD_SECONDS} of its start.
 */
class CommandLineFuzzProperty {
  static final long SOFT_SECONDS = 1;
  static final long HARD_SECONDS = 6;

  private static Path tmp;

  @BeforeContainer
  static void makeFolder() throws IOException {
    tmp = Files.createTempDirectory("gradus-fuzz");
  }

  @AfterContainer
  static void removeFolder() throws IOException {
    try (Stream<Path> all = Files.walk(tmp)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
    }
  }

  @Property(tries = 250)
  void randomBytesAsAScript(@ForAll("bytes") byte[] content) throws Exception {
    Path file = Files.write(tmp.resolve("random.opt"), content);
    check("bytes of length " + content.length, file.toString());
  }

  @Property(tries = 250)
  void randomTokenStreams(@ForAll("tokens") String code) throws Exception {
    check(code, "-e", code);
  }

  @Property(tries = 25)
  void mutationsOfTheExampleScripts(@ForAll("scripts") Path script, @ForAll long seed) throws Exception {
    String mutant = Mutations.of(Files.readString(script), new Random(seed));
    Path file = Files.writeString(tmp.resolve("mutant.opt"), writesInto(mutant, tmp));
    check(script.getFileName() + " mutated with seed " + seed + ":\n" + mutant, file.toString());
  }

  private static void check(String what, String... args) throws Exception {
    Runs.Outcome got = Runs.timed(HARD_SECONDS, SOFT_SECONDS, tmp, args);
    assertThat(got).as("%s did not stop within %d s of Ctrl-C", what, HARD_SECONDS - SOFT_SECONDS).isNotNull();
    // shows in the report how the cases ended, so that a property that only ever meets syntax errors is seen
    Statistics.collect(got.interrupted() ? "stopped by Ctrl-C" : "exit " + got.exit());
    if (got.interrupted()) assertThat(got.exit()).as(what).isIn(0, 1, 2, Main.INTERRUPTED);
    else assertThat(got.exit()).as("%s (stderr: %s)", what, got.stderr()).isIn(0, 1, 2);
    Runs.assertClean(got.stderr());
  }

  @Provide
  Arbitrary<byte[]> bytes() {
    // mostly text-like bytes, with every other byte value (invalid UTF-8, NUL, controls) mixed in
    List<Byte> ascii = new ArrayList<>();
    for (byte b : "f(x)= 1+2*[],;\n\"x\".e9#()".getBytes(StandardCharsets.US_ASCII)) ascii.add(b);
    Arbitrary<Byte> text = Arbitraries.of(ascii);
    Arbitrary<Byte> any = Arbitraries.bytes();
    return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(4, text), net.jqwik.api.Tuple.of(1, any))
        .array(byte[].class).ofMaxSize(600);
  }

  static final List<String> TOKENS = List.of(
      "f", "g", "x", "y", "r", "d", "(", ")", "[", "]", "{", "}", ",", ";", "\n", "=", "==", "+", "-", "*", "/", "^",
      "**", "..", ".", "<", "!=", "and", "or", "not", "for", "in", "if", "else", "0", "1", "5.", "1e308", "1e-320",
      "nan", "inf", "-inf", "\"s\"", "\"", "#c\n", "sum", "prod", "where", "grad", "hessian", "diff", "minimize",
      "compare", "adam", "gd", "lbfgs", "newton", "print", "len", "str", "x[2]", "lr=", "steps=", "f(x, y) = ",
      "r = minimize(f, [1, 1], ", "moons(", "save(", "csv(", "\"/proc/x.json\"", "\"/tmp\"", "linspace(", "randn(",
      "1..3", "1..1e20", "θ", "\u200b", "\u00a0", "\ufeff", "\u0000", "\t", "\\\n", "@", "$", "😀", "contour(",
      "plot(", "out=", "levels=", "frames=", "optimizer o(lr=0.1) {", "require", "state m = 0", "x = x - lr*g",
      "o(lr=", "norm(g)", "describe(", "benchmark(", "state=true", "noise=");

  @Provide
  Arbitrary<String> tokens() {
    return Arbitraries.of(TOKENS).list().ofMinSize(1).ofMaxSize(40).map(ts -> String.join(" ", ts));
  }

  @Provide
  Arbitrary<Path> scripts() throws IOException {
    try (Stream<Path> s = Files.list(Path.of("scripts"))) {
      return Arbitraries.of(s.filter(p -> p.toString().endsWith(".opt")).sorted().toList());
    }
  }

  private static final Pattern WRITTEN = Pattern.compile("\"([^\"/]*\\.(png|svg|pdf|gif|json|csv))\"");

  /** Files a mutant writes go to {@code dir} (the ones it reads, such as scripts/data/*.csv, stay). */
  static String writesInto(String program, Path dir) {
    Matcher m = WRITTEN.matcher(program);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement("\"" + dir.resolve(m.group(1)) + "\""));
    }
    return m.appendTail(out).toString();
  }

  /** Small random edits of a program, of the kinds a hurried user makes, and some worse. */
  static final class Mutations {
    private Mutations() {}

    static final List<String> EXTREMES = List.of("1e308", "-1e308", "nan", "inf", "-inf", "0", "-0", "1e20", "1e-320",
        "2147483648", "\"a\"", "[]", "[[1], [2, 3]]", "5.", "(", ")");

    static String of(String program, Random rnd) {
      String p = program;
      int edits = 1 + rnd.nextInt(3);
      for (int i = 0; i < edits; i++) p = once(p, rnd);
      return p;
    }

    private static String once(String p, Random rnd) {
      if (p.isEmpty()) return p;
      int at = rnd.nextInt(p.length());
      List<String> lines = new ArrayList<>(List.of(p.split("\n", -1)));
      switch (rnd.nextInt(7)) {
        case 0 -> { // delete a span
          int end = Math.min(p.length(), at + 1 + rnd.nextInt(12));
          return p.substring(0, at) + p.substring(end);
        }
        case 1 -> { // insert a token
          return p.substring(0, at) + TOKENS.get(rnd.nextInt(TOKENS.size())) + p.substring(at);
        }
        case 2 -> { // a number becomes an extreme value
          Matcher m = Pattern.compile("\\d+(\\.\\d+)?").matcher(p);
          List<int[]> spans = new ArrayList<>();
          while (m.find()) spans.add(new int[] {m.start(), m.end()});
          if (spans.isEmpty()) return p;
          int[] s = spans.get(rnd.nextInt(spans.size()));
          return p.substring(0, s[0]) + EXTREMES.get(rnd.nextInt(EXTREMES.size())) + p.substring(s[1]);
        }
        case 3 -> { // swap two lines
          int a = rnd.nextInt(lines.size());
          int b = rnd.nextInt(lines.size());
          String t = lines.get(a);
          lines.set(a, lines.get(b));
          lines.set(b, t);
          return String.join("\n", lines);
        }
        case 4 -> { // duplicate a line
          int a = rnd.nextInt(lines.size());
          lines.add(a, lines.get(a));
          return String.join("\n", lines);
        }
        case 5 -> { // truncate
          return p.substring(0, at);
        }
        default -> { // replace one character by a random one
          char c = (char) (rnd.nextBoolean() ? 32 + rnd.nextInt(95) : rnd.nextInt(0x3000));
          return p.substring(0, at) + c + p.substring(at + 1);
        }
      }
    }
  }
}
