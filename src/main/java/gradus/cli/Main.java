package gradus.cli;

import gradus.cli.kernel.Kernel;
import gradus.cli.kernel.KernelError;
import gradus.cli.kernel.KernelSpec;
import gradus.interp.Failures;
import gradus.interp.Session;
import gradus.io.CheckedOutputStream;
import gradus.io.OutputFailure;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** {@code gradus [FILE.opt ...] [-e CODE ...]}: see {@link #USAGE}. */
public final class Main {
  public static final String VERSION = "gradus 0.1.0";
  static final String USAGE = """
      usage: gradus                  start the REPL
             gradus FILE.opt ...     run the scripts in order, in one shared environment
             gradus -e CODE          run CODE (may be given several times; runs after files)
             gradus --install-kernel write the Jupyter kernelspec "Gradus" for this user
             gradus --kernel FILE    run a Jupyter kernel on the connection file FILE (Jupyter does this)
             gradus --help           this text
             gradus --version        the version
      exit status: 0 success, 1 an error in the program, 2 a usage error""";

  /**
   * Undocumented: the launcher runs this once per build while recording the class-data-sharing
   * archive, so that the classes of a typical session (REPL included) load from the archive.
   */
  static final String WARM_UP = "--cds-warm-up";

  private Main() {}

  public static void main(String[] args) {
    // threads other than the worker (plot windows, pools) must not print traces either
    Thread.setDefaultUncaughtExceptionHandler((thread, e) ->
        System.err.println("gradus: " + Failures.describe(e) + " [thread " + thread.getName() + "]"));
    int[] status = {1};
    Thread worker = new Thread(null, () -> status[0] = run(args), "gradus", 2L << 30);
    worker.start();
    try {
      worker.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    System.exit(status[0]);
  }

  /** A parsed command line: scripts and -e snippets in order, or a usage error. */
  record Command(List<String> files, List<String> snippets, String usageError, boolean help, boolean version,
      Notebook notebook) {
    Command(List<String> files, List<String> snippets, String usageError, boolean help, boolean version) {
      this(files, snippets, usageError, help, version, null);
    }
  }

  /** {@code --install-kernel} (connectionFile null) or {@code --kernel FILE}. */
  record Notebook(String connectionFile) {}

  static Command parse(String[] args) {
    if (args.length > 0 && (args[0].equals("--install-kernel") || args[0].equals("--kernel"))) return notebook(args);
    List<String> files = new ArrayList<>();
    List<String> snippets = new ArrayList<>();
    boolean help = false;
    boolean version = false;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "-h", "--help" -> help = true;
        case "-V", "--version" -> version = true;
        case "-e" -> {
          if (i + 1 >= args.length) return new Command(files, snippets, "-e needs CODE after it", false, false);
          snippets.add(args[++i]);
        }
        default -> {
          if (a.startsWith("-") && !a.equals("-")) return new Command(files, snippets, "unknown option '" + a + "'", false, false);
          files.add(a);
        }
      }
    }
    return new Command(files, snippets, null, help, version);
  }

  /** The Jupyter options stand alone: they start no script and no REPL. */
  private static Command notebook(String[] args) {
    boolean install = args[0].equals("--install-kernel");
    if (install ? args.length != 1 : args.length != 2) {
      String error = install ? "--install-kernel takes nothing after it" : "--kernel needs one connection FILE after it";
      return new Command(List.of(), List.of(), error, false, false);
    }
    return new Command(List.of(), List.of(), null, false, false, new Notebook(install ? null : args[1]));
  }

  /**
   * Runs the command line on the real standard streams. Whatever is thrown ends here as one
   * {@code gradus: ...} line and exit status 1; output that cannot be written (a closed pipe, a
   * full disk) ends the run at once.
   */
  static int run(String[] args) {
    if (args.length == 1 && args[0].equals(WARM_UP)) return Repl.warmUp();
    PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
    PrintStream out = new PrintStream(new BufferedOutputStream(new CheckedOutputStream(new FileOutputStream(FileDescriptor.out)), 1 << 16),
        false, StandardCharsets.UTF_8);
    try {
      int status = run(parse(args), out, err, ScriptSignals::install);
      out.flush();
      return status;
    } catch (OutputFailure e) {
      err.println("gradus: cannot write the output: " + e.reason() + "; the run stopped");
      return 1;
    } catch (Throwable e) {
      err.println("gradus: " + Failures.describe(e));
      return 1;
    }
  }

  static int run(Command cmd, PrintStream out, PrintStream err) {
    return run(cmd, out, err, session -> { });
  }

  /** {@code onScript} prepares a session that runs scripts (not the REPL), e.g. for Ctrl-C. */
  static int run(Command cmd, PrintStream out, PrintStream err, Consumer<Session> onScript) {
    if (cmd.usageError() != null) {
      err.println("gradus: " + cmd.usageError());
      err.println(USAGE);
      return 2;
    }
    if (cmd.help()) {
      out.println(USAGE);
      return 0;
    }
    if (cmd.notebook() != null) return notebook(cmd.notebook(), out, err);
    if (cmd.version()) {
      out.println(VERSION);
      return 0;
    }
    List<String> sources = new ArrayList<>();
    for (String file : cmd.files()) {
      try {
        sources.add(Sources.read(Path.of(file), file));
      } catch (Sources.Unreadable e) {
        err.println(e.report);
        return e.missing ? 2 : 1;
      } catch (InvalidPathException e) {
        err.println("gradus: no such file: " + file);
        return 2;
      }
    }
    Session session = new Session(out, err);
    if (cmd.files().isEmpty() && cmd.snippets().isEmpty()) {
      return Repl.start(session, out, err, onScript);
    }
    ScriptPlots.install(session, out);
    onScript.accept(session);
    if (ProgressLine.stderrIsTerminal()) session.interpreter().setProgress(ProgressLine.on(err, ProgressLine.columns()));
    List<String> names = new ArrayList<>(cmd.files());
    sources.addAll(cmd.snippets());
    names.addAll(java.util.Collections.nCopies(cmd.snippets().size(), "<expr>"));
    for (int i = 0; i < sources.size(); i++) {
      // a Ctrl-C between two files stops the script too (each run forgets the ones before it)
      if (session.interpreter().interruptRequested()) return INTERRUPTED;
      if (!session.run(sources.get(i), names.get(i))) return failed(session);
    }
    return 0;
  }

  private static int notebook(Notebook nb, PrintStream out, PrintStream err) {
    try {
      return nb.connectionFile() == null ? KernelSpec.install(out) : Kernel.run(Path.of(nb.connectionFile()), err);
    } catch (KernelError e) {
      err.println("gradus: " + e.getMessage());
      return 2;
    }
  }
  /** Exit status 1 after an error; 130 (128 + SIGINT, as shells and Python do) after Ctrl-C. */
  static int failed(Session session) {
    return session.interpreter().interruptRequested() ? INTERRUPTED : 1;
  }

  static final int INTERRUPTED = 130;
}
