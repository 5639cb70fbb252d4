package gradus.cli;

import gradus.io.IoErrors;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.jline.reader.LineReader;
import org.jline.reader.impl.history.DefaultHistory;

/**
 * JLine's file history, made safe: a history file that cannot be read (not UTF-8, a folder in
 * its place) or written (a read-only folder, a full disk) is reported once, in one line, and the
 * session goes on with its history in memory only. JLine itself would log a stack trace, or let
 * a decoding error end the REPL.
 */
final class SafeHistory extends DefaultHistory {
  private final Path file;
  private final PrintStream warnings;
  private LineReader reader;
  private boolean off;

  SafeHistory(Path file, PrintStream warnings) {
    this.file = file;
    this.warnings = warnings;
  }

  @Override
  public void attach(LineReader reader) {
    this.reader = reader;
    super.attach(reader);
  }

  @Override
  public void load() {
    if (off) return;
    try {
      super.load();
    } catch (IOException | RuntimeException e) {
      turnOff("cannot read the history file " + file + " (" + reason(e) + ")");
    }
  }

  @Override
  public void save() {
    if (off) return;
    try {
      super.save();
    } catch (IOException | RuntimeException e) {
      turnOff("cannot save the history to " + file + " (" + reason(e) + ")");
    }
  }

  boolean isOff() {
    return off;
  }

  private void turnOff(String why) {
    off = true;
    if (reader != null) reader.getVariables().remove(LineReader.HISTORY_FILE);
    warnings.println("gradus: " + why + "; this session's history is kept in memory only");
    warnings.flush();
  }

  private static String reason(Exception e) {
    if (e instanceof UncheckedIOException u) return IoErrors.reason(u.getCause());
    if (e instanceof IOException io) return IoErrors.reason(io);
    return "it is not a history file Gradus can read";
  }
}
