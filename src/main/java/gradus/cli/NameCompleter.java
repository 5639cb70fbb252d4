package gradus.cli;

import gradus.interp.Interpreter;
import gradus.interp.Value;
import java.util.List;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/**
 * Tab completion: built-ins, the user's bindings and functions, the keyword arguments of the
 * function whose parentheses the cursor is in, and the REPL's {@code :commands}.
 */
final class NameCompleter implements Completer {
  private final Interpreter interp;

  NameCompleter(Interpreter interp) {
    this.interp = interp;
  }

  @Override
  public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
    String word = line.word().substring(0, Math.min(line.wordCursor(), line.word().length()));
    if (line.line().strip().startsWith(":") && line.wordIndex() == 0) {
      for (String c : Completion.COMMANDS) candidates.add(new Candidate(c, c, "commands", null, null, null, true));
      return;
    }
    for (String name : candidates(line.line().substring(0, line.cursor()))) {
      if (name.startsWith(word)) candidates.add(candidate(name));
    }
  }

  /** Every completion for the text before the cursor, unfiltered by the word being typed. */
  List<String> candidates(String before) {
    return Completion.candidates(interp, before);
  }

  private Candidate candidate(String name) {
    if (name.endsWith("=")) return new Candidate(name, name, "arguments", null, null, null, false);
    Value v = interp.globals().get(name);
    String group = v != null ? "yours" : interp.builtins().containsKey(name) ? "built-in" : "keywords";
    String descr = v != null ? v.kind() : null;
    return new Candidate(name, name, group, descr, null, null, false);
  }
}
