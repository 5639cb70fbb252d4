package gradus.cli;

import gradus.lang.Ast;
import gradus.lang.Parse;
import gradus.lang.parser.GradusLexer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;

/**
 * The inputs of a REPL session that {@code :save FILE} writes as a script: every line that ran
 * without error, and the scripts {@code :load} ran, in order, so that running the file makes the
 * same bindings. Not written: lines that failed, {@code :commands}, and bare expressions that only
 * showed a value (the REPL's echo) — unless a later line reads that value as {@code _}.
 * {@code print}, {@code save} and plots with {@code out=} are kept: a script does them too.
 * {@code :reset} forgets what came before.
 */
final class SessionLog {
  /** One input; {@code echo} inputs are written only when {@code needed} by a later {@code _}. */
  private static final class Entry {
    final String text;
    final boolean echo;
    final boolean setsLast;
    boolean needed;

    Entry(String text, boolean echo, boolean setsLast) {
      this.text = text;
      this.echo = echo;
      this.setsLast = setsLast;
    }
  }

  private final List<Entry> entries = new ArrayList<>();

  /** A line that ran without error; {@code note} says when Ctrl-C stopped a run in it. */
  void ran(String line, String note) {
    List<Ast.Stmt> statements = Parse.program(line).statements();
    boolean echo = !statements.isEmpty() && statements.stream().allMatch(SessionLog::echoOnly);
    String text = note == null ? line
        : "# Ctrl-C stopped this in the session (" + note.split(";")[0] + "); here it runs to its end\n" + line;
    add(new Entry(text, echo, statements.stream().anyMatch(SessionLog::setsLast)), line);
  }

  /** A script that {@code :load} ran without error. */
  void loaded(String file, String source) {
    List<Ast.Stmt> statements = Parse.program(source).statements();
    add(new Entry("# :load " + file + "\n" + source.stripTrailing(), false, statements.stream().anyMatch(SessionLog::setsLast)), source);
  }

  void reset() {
    entries.clear();
  }

  private void add(Entry e, String source) {
    if (readsLast(source)) {
      for (int i = entries.size() - 1; i >= 0; i--) {
        if (entries.get(i).setsLast) {
          entries.get(i).needed = true;
          break;
        }
      }
    }
    entries.add(e);
  }

  /** The script: a header, then each kept input on its own line(s). */
  String script() {
    StringBuilder out = new StringBuilder("# A Gradus session, written by :save; run it with ./gradus FILE\n");
    for (Entry e : entries) {
      if (!e.echo || e.needed) out.append(e.text.stripTrailing()).append('\n');
    }
    return out.toString();
  }

  /** How many inputs the script holds. */
  int size() {
    return (int) entries.stream().filter(e -> !e.echo || e.needed).count();
  }

  /** Writes the script to a temporary file beside {@code path}, then renames it: never half a file. */
  void save(Path path) throws IOException {
    Path target = path.toAbsolutePath();
    Path tmp = target.resolveSibling("." + target.getFileName() + "." + Long.toHexString(System.nanoTime()) + ".tmp");
    try {
      Files.writeString(tmp, script(), StandardCharsets.UTF_8);
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** A bare expression that only shows a value; print, save and plots with out= do more. */
  private static boolean echoOnly(Ast.Stmt s) {
    if (!(s instanceof Ast.ExprStmt e)) return false;
    if (!(e.expr() instanceof Ast.Call c)) return true;
    if (c.fn() instanceof Ast.Name n && (n.name().equals("print") || n.name().equals("save"))) return false;
    return c.args().stream().noneMatch(a -> a instanceof Ast.Keyword k && k.name().equals("out"));
  }

  /** A bare expression other than print(...) or save(...): scripts, too, bind its value to _. */
  private static boolean setsLast(Ast.Stmt s) {
    if (!(s instanceof Ast.ExprStmt e)) return false;
    return !(e.expr() instanceof Ast.Call c && c.fn() instanceof Ast.Name n
        && (n.name().equals("print") || n.name().equals("save") || n.name().equals("help")));
  }

  /** Whether the source reads the name {@code _} (a token, so not inside strings or comments). */
  private static boolean readsLast(String source) {
    GradusLexer lexer = new GradusLexer(CharStreams.fromString(source));
    lexer.removeErrorListeners();
    for (Token t = lexer.nextToken(); t.getType() != Token.EOF; t = lexer.nextToken()) {
      if (t.getType() == GradusLexer.NAME && t.getText().equals("_")) return true;
    }
    return false;
  }
}
