package gradus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import gradus.interp.Session;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The REPL as a user meets it: JLine on a real terminal (tmux), one session for the whole class
 * (a JVM start costs a second), each test with its own names. The last test quits.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReplTerminalTest {
  @TempDir static Path dir;
  Tmux t;

  @BeforeAll
  void start() throws IOException, InterruptedException {
    Files.writeString(dir.resolve("seed.opt"), "seeded = 42\n");
    t = Tmux.startRepl(dir);
    t.line("f(x, y) = (1 - x)^2 + 100*(y - x^2)^2");
    t.line("r = minimize(f, [0, 0], adam(lr=0.01), steps=100)");
  }

  @AfterAll
  void stop() throws IOException, InterruptedException {
    if (t != null) t.close();
  }

  @BeforeEach
  void clearLine() throws IOException, InterruptedException {
    if (t != null) t.press("C-u");
  }

  /** Types {@code text}, presses Tab, and returns the screen once {@code expected} shows. */
  String tab(String text, String expected) throws IOException, InterruptedException {
    int before = Tmux.count(t.screen(), expected);
    t.type(text);
    t.press("Tab");
    return t.waitForCount(expected, before + 1);
  }

  @Test
  @Order(1)
  void tabCompletesSpecialForms() throws IOException, InterruptedException {
    tab("di", "gradus> diff");
    t.press("C-u");
    tab("wh", "gradus> where");
  }

  @Test
  @Order(2)
  void tabAfterADotOffersTheResultsFields() throws IOException, InterruptedException {
    String s = tab("r.", "iterations");
    String list = s.substring(s.lastIndexOf("gradus> r."));
    assertThat(list).contains("fields", "status", "gnorm", "path", "message").doesNotContain("minimize", "adam");
  }

  @Test
  @Order(3)
  void keywordArgumentsComeFirstInTheirOwnGroup() throws IOException, InterruptedException {
    String s = tab("adam(lr=0.1, ", "weight_decay=");
    String list = s.substring(s.lastIndexOf("gradus> adam(lr=0.1,") + "gradus> adam(lr=0.1,".length());
    assertThat(list).contains("arguments", "beta1=", "amsgrad=").doesNotContain(" lr=").doesNotContain("linspace");
    assertThat(list.indexOf("arguments")).isLessThan(list.indexOf("yours"));
  }

  @Test
  @Order(4)
  void loadCompletesFileNamesAndTakesQuotes() throws IOException, InterruptedException {
    tab(":load se", ":load seed.opt");
    t.press("C-u");
    t.line(":load \"seed.opt\"");
    t.line("print(seeded + 1)");
    t.waitFor(s -> s.contains("\n43"), "the loaded binding");
  }

  @Test
  @Order(7)
  void ctrlCStopsALongRunAfterShowingProgressAndSaysWhereTheResultIs() throws IOException, InterruptedException {
    t.line("slow = minimize(f, [-1.2, 1], adam(lr=0.00001), steps=1000000000, gtol=0)");
    t.waitFor(s -> s.contains("adam(lr=1e-05): iteration "), "the progress line");
    t.press("C-c");
    String s = t.waitFor(x -> x.contains("; slow holds the result so far"), "the interrupt note");
    assertThat(s).containsPattern("interrupted after [1-9][0-9]* iterations; slow holds the result so far");
    assertThat(s.substring(s.lastIndexOf("interrupted after"))).doesNotContain("adam(lr=1e-05): iteration");
    t.line("print(slow.status, slow.iterations > 0)");
    t.waitFor(x -> x.contains("interrupted true"), "the interrupted result");
  }

  @Test
  @Order(5)
  void helpTheIPythonWays() throws IOException, InterruptedException {
    String want = "the adam optimizer: adam(lr=0.001";
    int before = Tmux.count(t.screen(), want);
    t.line("help(adam)");
    t.waitForCount(want, before + 1);
    t.line("adam?");
    t.waitForCount(want, before + 2);
    t.line("?adam");
    t.waitForCount(want, before + 3);
    t.line("1 + 1");
    t.line("print(_ * 21)");
    t.waitFor(s -> s.contains("\n42\n"), "_ as the last value");
  }

  @Test
  @Order(6)
  void saveWritesAScriptThatRemakesTheBindings() throws IOException, InterruptedException {
    t.line("w = [1, 2] * 3");
    t.line("broken = nope + 1");
    t.line("g(x) = (x - w[2])^2");
    t.line("rg = minimize(g, [0], lbfgs())");
    t.line("rg.x");
    t.line(":save " + dir.resolve("session.opt"));
    t.waitFor(s -> s.contains("wrote " + dir.resolve("session.opt")), "the save");
    t.line(":vars");
    String screen = t.waitFor(s -> s.lastIndexOf("gradus> :vars") >= 0
        && s.indexOf("\ngradus>", s.lastIndexOf("gradus> :vars")) > 0, "the bindings and the next prompt");
    String vars = screen.substring(screen.lastIndexOf("gradus> :vars") + "gradus> :vars".length() + 1);
    vars = vars.substring(0, vars.indexOf("gradus>")).stripTrailing();

    String saved = Files.readString(dir.resolve("session.opt"));
    // failed lines, :commands, help and echo are not written; the echo _ reads later is
    assertThat(saved).doesNotContain("broken").doesNotContainPattern("(?m)^:").doesNotContain("help(adam)").doesNotContain("rg.x\n")
        .contains("# :load seed.opt\nseeded = 42\n").contains("1 + 1\nprint(_ * 21)\n");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Session fresh = new Session(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(out, true, StandardCharsets.UTF_8));
    assertThat(fresh.run(saved, "session.opt")).as("the saved script runs: %s", out).isTrue();
    assertThat(Help.vars(fresh.interpreter())).isEqualTo(vars);
  }

  @Test
  @Order(8)
  void quitLeaves() throws IOException, InterruptedException {
    t.line("quit");
    long end = System.currentTimeMillis() + Tmux.TIMEOUT_MS;
    while (!t.ended()) {
      assertThat(System.currentTimeMillis()).as("the REPL ends after quit").isLessThan(end);
      Thread.sleep(50);
    }
    assertThat(Files.readString(dir.resolve(".gradus_history"))).contains("help(adam)").contains("quit");
  }
}
