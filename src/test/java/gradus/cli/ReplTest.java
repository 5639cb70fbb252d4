package gradus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import gradus.interp.Session;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.jline.terminal.impl.ExternalTerminal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Drives the REPL through JLine terminals on in-memory streams. */
class ReplTest {
  @TempDir Path tmp;

  private String run(String input, boolean external) throws IOException {
    return run(input, external, tmp.resolve("history"), s -> { });
  }

  /** Runs the REPL on {@code input}; {@code keep[0]} receives its session when given. */
  private String run(String input, boolean external, Session[] keep) throws IOException {
    return run(input, external, tmp.resolve("history"), s -> keep[0] = s);
  }

  private String run(String input, boolean external, Path history, java.util.function.Consumer<Session> before)
      throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ByteArrayInputStream in = new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8));
    try (Terminal terminal = external
        ? new ExternalTerminal("test", "xterm-256color", in, bytes, StandardCharsets.UTF_8)
        : new DumbTerminal(in, bytes)) {
      PrintStream ps = new PrintStream(terminal.output(), true, StandardCharsets.UTF_8);
      Session session = new Session(ps, ps);
      before.accept(session);
      new Repl(session, terminal, history).loop();
    }
    return bytes.toString(StandardCharsets.UTF_8).replaceAll("\u001B\\[[0-9;?]*[a-zA-Z]", "");
  }

  @Test
  void definitionsPersistBetweenLines() throws IOException {
    String out = run("f(x, y) = x^2 - y^2\nf(1, 2)\ngrad(f)(1, 2)\n", false);
    assertThat(out).contains("-3").contains("[2, -4]");
  }

  @Test
  void bareExpressionsEchoAndPrintReturnsNothing() throws IOException {
    String out = run("1 + 1\nprint(\"hi\")\n", false);
    assertThat(out).contains("2").contains("hi");
    assertThat(out).doesNotContain("hi\n\n" + Repl.PROMPT + "\n");
  }

  @Test
  void anErrorDoesNotEndTheSession() throws IOException {
    String out = run("x = 2\nprint(y)\nprint(x * 10)\n", false);
    assertThat(out).contains("<repl>:1:7: error: unknown name 'y'").contains("^").contains("20");
  }

  @Test
  void multiLineInputWhileBracketsAreOpen() throws IOException {
    String out = run("total = sum(i in 1..3,\n  i)\nprint(total)\nfor k in 1..2 {\n  print(k * 100)\n}\n", true);
    assertThat(out).contains("6").contains("100").contains("200");
  }

  @Test
  void loadAndReset() throws IOException {
    Path script = tmp.resolve("s.opt");
    Files.writeString(script, "g(x) = (x - 3)^2\nloaded = 42\n");
    String out = run(":load " + script + "\nprint(loaded, g(1))\n:reset\nprint(loaded)\n", false);
    assertThat(out).contains("42 4").contains("unknown name 'loaded'");
  }

  @Test
  void loadProblemsAreErrorsInTheSpecFormatAtTheFileName() throws IOException {
    Files.write(tmp.resolve("latin1.opt"), new byte[] {'x', ' ', '=', ' ', '"', (byte) 0xE9, '"', '\n'});
    String out = run(":load /no/such.opt\n:load " + tmp.resolve("latin1.opt") + "\n:load\nprint(\"alive\")\n", false);
    assertThat(out).contains("<repl>:1:7: error: no such file: /no/such.opt\n:load /no/such.opt\n      ^~~~~~~~~~~~")
        .contains(tmp.resolve("latin1.opt") + ":1:6: error: the file is not UTF-8 text: the byte 0xE9 cannot be read here")
        .contains("<repl>:1:6: error: :load needs a file name").contains("alive");
  }

  @Test
  void aCtrlCThatStoppedNothingDoesNotStopTheNextLoad() throws IOException {
    Path script = Files.writeString(tmp.resolve("s.opt"), "for i in 1..1 { print(\"loaded\") }\n");
    // as if Ctrl-C had come while the previous input finished without looking
    String out = run(":load " + script + "\n", false, tmp.resolve("history"), s -> s.interpreter().requestInterrupt());
    assertThat(out).contains("loaded").doesNotContain("interrupted");
  }

  @Test
  void aHistoryFileThatCannotBeUsedCostsOneWarning() throws IOException {
    Path folder = Files.createDirectory(tmp.resolve("history-folder"));
    String out = run("x = 1\nprint(x + 1)\ny = 2\n", false, folder, s -> { });
    assertThat(out).contains("2");
    assertThat(out.split("gradus: cannot", -1)).as(out).hasSize(2);
    assertThat(out).contains("cannot read the history file " + folder).doesNotContain("Exception");
  }

  @Test
  void varsListsBindingsWithKinds() throws IOException {
    String out = run("a = 1.5\nh(x) = x^3\n:vars\n", false);
    assertThat(out).containsPattern("a\\s+number\\s+1.5").containsPattern("h\\s+function\\s+x\\^3");
  }

  @Test
  void quitEndsTheSession() throws IOException {
    String out = run(":quit\nprint(\"after\")\n", false);
    assertThat(out).doesNotContain("after");
  }

  @Test
  void historyIsSavedToTheFile() throws IOException {
    run("q = 7\n", false);
    assertThat(Files.readString(tmp.resolve("history"))).contains("q = 7");
  }

  @Test
  void tabCompletesNames() throws IOException {
    String out = run("rosenbrock(x, y) = (1 - x)^2 + 100*(y - x^2)^2\nrosenb\t(1, 1)\n", true);
    assertThat(out).contains("rosenbrock(1, 1)");
    assertThat(out.substring(out.lastIndexOf("rosenbrock(1, 1)"))).containsPattern("\\b0\\b");
  }

  @Test
  void quitAndExitLeaveLikeIPythonUnlessTheNameIsYours() throws IOException {
    for (String q : new String[] {"quit", "exit", "quit()", "exit( )"}) {
      assertThat(run(q + "\nprint(\"after\")\n", false)).as(q).doesNotContain("after");
    }
    assertThat(run("exit = 3\nexit\nprint(\"after\")\n", false)).contains("3").contains("after");
  }

  @Test
  void questionMarkAsksForHelp() throws IOException {
    String out = run("adam?\n?sgd\nround??\n", false);
    assertThat(out).contains("the adam optimizer: adam(lr=0.001").contains("the sgd optimizer").contains("round(x, ndigits=0)");
  }

  @Test
  void saveWritesTheSuccessfulInputsAsAScriptThatMakesTheSameBindings() throws IOException {
    Path loaded = tmp.resolve("part.opt");
    Files.writeString(loaded, "base = 10\nh(x) = (x - base)^2\n");
    Path saved = tmp.resolve("session.opt");
    String input = String.join("\n",
        "a = 2",
        "b = a * nope",                       // fails: not written
        ":load \"" + loaded + "\"",        // quoted file name; its script is written
        "f(x, y) = x^2 + a*y^2",
        "f(1, 1)",                            // echo only: not written...
        "c = _ + 1",                          // ...unless a later line reads _
        "grad(f)",                            // echo nobody reads: not written
        "rs = compare(f, [1, 1], [gd(lr=0.1), adam(lr=0.1)], steps=5)",
        "for k in 1..3 { last = k^2 }",
        "s = cosine_lr(0.1, 10); first = s(1)",
        "print(c)",                           // printing is what a script does: written
        ":vars",
        ":reset",
        "a = 5",                              // :reset forgot everything before
        "g(x) = (x - a)^2",
        "r = minimize(g, [0], lbfgs())",
        "e1 = round(r.x[1], 3)",
        ":save " + saved, "") ;
    String out = run(input, false);
    assertThat(out).contains("wrote " + saved + " (4 inputs");
    String script = Files.readString(saved);
    assertThat(script).doesNotContain("nope").doesNotContain(":vars").doesNotContain("base").doesNotContain("grad(f)");

    input = input.replace(":reset\n", "");
    Session[] live = new Session[1];
    run(input, false, live);
    script = Files.readString(saved);
    assertThat(script).contains("# :load " + loaded + "\nbase = 10\n").contains("f(1, 1)\nc = _ + 1\n").contains("print(c)\n")
        .doesNotContain("grad(f)\n").doesNotContain("nope");
    Session replayed = new Session(new PrintStream(new ByteArrayOutputStream()), new PrintStream(new ByteArrayOutputStream()));
    assertThat(replayed.run(script, saved.toString())).isTrue();

    // the REPL session's bindings against the replayed script's
    assertThat(bindings(replayed)).isEqualTo(bindings(live[0])).containsKeys("a", "base", "c", "rs", "last", "first", "e1");
  }

  /** Each binding's kind and printed form; a results table's last column (the time) differs between runs. */
  private static java.util.Map<String, String> bindings(Session s) {
    java.util.Map<String, String> out = new java.util.TreeMap<>();
    s.interpreter().globals().forEach((k, v) -> {
      String text = gradus.interp.Printer.print(v);
      if (text.startsWith("label ")) text = text.replaceAll("(?m)\\s+\\S+$", "");
      out.put(k, v.kind() + " " + text);
    });
    return out;
  }

  @Test
  void saveNeedsAFolderThatExists() throws IOException {
    String out = run("x = 1\n:save " + tmp.resolve("no/such/dir/s.opt") + "\n", false);
    assertThat(out).contains("cannot write").contains("no such folder");
  }

  @Test
  void standardInputThatIsNotATerminalRunsAsAScript() throws IOException {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Session session = new Session(new PrintStream(out, true), new PrintStream(err, true));
    int status = Repl.runScript(session, new ByteArrayInputStream("x = 3\nprint(x^2)\nx\n".getBytes()), new PrintStream(out, true),
        new PrintStream(err, true), s -> { });
    assertThat(status).isZero();
    assertThat(out.toString()).isEqualTo("9\n");
    assertThat(err.toString()).isEmpty();
  }
}
