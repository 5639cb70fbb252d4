package gradus.cli;

import gradus.interp.Session;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * The interactive REPL on JLine: colouring, completion, multi-line input while brackets are open,
 * persistent history, {@code :commands}. Ctrl-C stops a running optimization (or clears the
 * line at the prompt); Ctrl-D exits. Without a terminal on standard input it runs the input as
 * one script, with no prompt.
 */
public final class Repl {
  static final String PROMPT = "gradus> ";

  private final Session session;
  private final LineReader reader;
  private final Terminal terminal;
  private final PrintStream out;
  private final SessionLog log = new SessionLog();
  private final Commands commands;

  Repl(Session session, Terminal terminal, Path history) {
    this.session = session;
    this.terminal = terminal;
    this.out = new PrintStream(terminal.output(), true, StandardCharsets.UTF_8);
    this.reader = LineReaderBuilder.builder()
        .terminal(terminal)
        .appName("gradus")
        .highlighter(new SyntaxHighlighter())
        .completer(new NameCompleter(session.interpreter()))
        .parser(new BracketParser())
        .variable(LineReader.HISTORY_FILE, history)
        .variable(LineReader.SECONDARY_PROMPT_PATTERN, "%M...> ")
        .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
        .option(LineReader.Option.INSERT_BRACKET, false)
        .build();
    this.commands = new Commands(session, out, log);
    terminal.handle(Terminal.Signal.INT, s -> session.interpreter().interruptFlag().set(true));
  }

  /** Runs the REPL on the system terminal, or standard input as a script when it is not one. */
  static int start(Session session, PrintStream out, PrintStream err) {
    if (System.console() == null) return runScript(session, System.in, err);
    try (Terminal terminal = TerminalBuilder.builder().system(true).nativeSignals(true)
        .signalHandler(Terminal.SignalHandler.SIG_IGN).build()) {
      Session interactive = new Session(new PrintStream(terminal.output(), true, StandardCharsets.UTF_8),
          new PrintStream(terminal.output(), true, StandardCharsets.UTF_8));
      Path history = Path.of(System.getenv().getOrDefault("HOME", System.getProperty("user.home")), ".gradus_history");
      new Repl(interactive, terminal, history).loop();
      return 0;
    } catch (IOException e) {
      err.println("gradus: cannot open the terminal: " + e.getMessage());
      return 2;
    }
  }

  /** Drives the REPL through a dumb terminal on a canned session; see {@link Main#WARM_UP}. */
  static int warmUp() {
    String input = String.join("\n",
        "f(x, y) = x^2 + 3*sin(y) - x*y",
        "g = grad(f)", "hessian(f)(1, 2)", "latex(g)",
        "r = minimize(f, [1, 1], adam(lr=0.1), steps=5)", "r",
        "compare(f, [1, 1], [gd(lr=0.01), lbfgs()], steps=5)",
        "d = moons(20, noise=0.1, seed=0)", "d", ":vars", ":help", "") + "\n";
    java.io.ByteArrayOutputStream sink = new java.io.ByteArrayOutputStream();
    try (Terminal terminal = new org.jline.terminal.impl.DumbTerminal(
        new java.io.ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), sink)) {
      PrintStream ps = new PrintStream(sink, true, StandardCharsets.UTF_8);
      Session session = new Session(ps, ps);
      Path history = Files.createTempFile("gradus-warm-up", ".history");
      new Repl(session, terminal, history).loop();
      Files.deleteIfExists(history);
      TerminalBuilder.builder().system(true).build().close();
      return 0;
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  static int runScript(Session session, InputStream in, PrintStream err) {
    String source = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
        .collect(Collectors.joining("\n"));
    ScriptPlots.install(session, new PrintStream(System.out, true, StandardCharsets.UTF_8));
    if (ProgressLine.stderrIsTerminal()) session.interpreter().setProgress(ProgressLine.on(err, ProgressLine.columns()));
    return session.run(source, "<stdin>") ? 0 : 1;
  }

  /** Reads and runs lines until :quit or Ctrl-D. */
  void loop() {
    ReplEcho.install(session, out);
    session.interpreter().setPlotSink(gradus.interp.PlotSinks.windowsOrFiles(out));
    session.interpreter().setProgress(label -> new ProgressLine(out, label, terminal.getWidth() > 0 ? terminal.getWidth() : 80));
    out.println("Gradus " + Main.VERSION.replace("gradus ", "") + " — :help for help, :quit or Ctrl-D to leave");
    while (true) {
      String line;
      try {
        line = reader.readLine(PROMPT);
      } catch (UserInterruptException e) {
        continue;
      } catch (EndOfFileException e) {
        break;
      }
      if (!handle(line)) break;
    }
    try {
      reader.getHistory().save();
    } catch (IOException e) {
      out.println("gradus: could not save the history: " + e.getMessage());
    }
  }

  /** Runs one input; false when the session should end. */
  boolean handle(String line) {
    String trimmed = line.strip();
    if (trimmed.isEmpty()) return true;
    if (trimmed.startsWith(":")) return commands.run(trimmed);
    if (ReplHabits.isQuit(trimmed, session.interpreter())) return false;
    String asked = ReplHabits.helpRequest(trimmed);
    if (asked != null) {
      out.println(Help.topic(asked, session.interpreter()));
      return true;
    }
    session.interpreter().interruptFlag().set(false);
    boolean ok = session.run(line, "<repl>");
    String note = session.interpreter().takeInterruptNote();
    if (note != null) out.println(note);
    if (ok) log.ran(line, note);
    out.flush();
    return true;
  }

  /** {@code :help}, {@code :load}, {@code :save}, {@code :vars}, {@code :reset}, {@code :quit} (also in notebook cells). */
  public static final class Commands {
    private final Session session;
    private final PrintStream out;
    private final SessionLog log;

    /** Commands without a session log (a notebook: :save has no transcript to write). */
    public Commands(Session session, PrintStream out) {
      this(session, out, new SessionLog());
    }

    Commands(Session session, PrintStream out, SessionLog log) {
      this.session = session;
      this.out = out;
      this.log = log;
    }

    /** Runs one command line; false for :quit. */
    public boolean run(String command) {
      String[] parts = command.split("\\s+", 2);
      String arg = parts.length > 1 ? parts[1].strip() : "";
      switch (parts[0]) {
        case ":quit", ":q", ":exit" -> {
          return false;
        }
        case ":help", ":h" -> out.println(Help.topic(arg, session.interpreter()));
        case ":vars" -> out.println(Help.vars(session.interpreter()));
        case ":reset" -> {
          session.interpreter().reset();
          log.reset();
          out.println("all bindings cleared");
        }
        case ":load" -> load(unquote(arg));
        case ":save" -> save(unquote(arg));
        default -> out.println("unknown command " + parts[0] + "; the commands are :help, :load FILE, :save FILE, :vars, :reset, :quit");
      }
      return true;
    }

    /** {@code "x.opt"} is {@code x.opt}: file names may be quoted, as strings are. */
    static String unquote(String arg) {
      return arg.length() >= 2 && arg.startsWith("\"") && arg.endsWith("\"") ? arg.substring(1, arg.length() - 1) : arg;
    }

    private void load(String file) {
      if (file.isEmpty()) {
        out.println(":load needs a file name, like :load scripts/seed.opt");
        return;
      }
      try {
        String source = Files.readString(Completion.expandHome(file), StandardCharsets.UTF_8);
        session.interpreter().interruptFlag().set(false);
        boolean ok = session.run(source, file);
        String note = session.interpreter().takeInterruptNote();
        if (note != null) out.println(note);
        if (ok) log.loaded(file, source);
      } catch (NoSuchFileException e) {
        out.println("gradus: no such file: " + file);
      } catch (IOException | RuntimeException e) {
        out.println("gradus: cannot read " + file + ": " + e.getMessage());
      }
    }

    private void save(String file) {
      if (file.isEmpty()) {
        out.println(":save needs a file name, like :save session.opt");
        return;
      }
      Path path = Completion.expandHome(file);
      Path dir = path.toAbsolutePath().getParent();
      if (dir != null && !Files.isDirectory(dir)) {
        out.println("gradus: cannot write " + file + ": no such folder " + dir);
        return;
      }
      try {
        log.save(path);
        int n = log.size();
        out.println("wrote " + file + " (" + n + " input" + (n == 1 ? "" : "s") + "; run it with ./gradus " + file + ")");
      } catch (IOException e) {
        out.println("gradus: cannot write " + file + ": " + e.getMessage());
      }
    }
  }
}
