package gradus.cli;

import gradus.interp.Builtin;
import gradus.interp.Interpreter;
import gradus.interp.Value;
import java.util.List;
import java.util.Map;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/**
 * Tab completion: built-ins, the user's bindings and functions, the keyword arguments of the
 * function whose parentheses the cursor is in, and the REPL's {@code :commands}.
 */
final class NameCompleter implements Completer {
  static final List<String> COMMANDS = List.of(":help", ":load", ":vars", ":reset", ":quit");
  static final List<String> KEYWORDS = List.of("for", "in", "if", "else", "and", "or", "not");

  private final Interpreter interp;

  NameCompleter(Interpreter interp) {
    this.interp = interp;
  }

  @Override
  public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
    String word = line.word().substring(0, Math.min(line.wordCursor(), line.word().length()));
    if (line.line().strip().startsWith(":") && line.wordIndex() == 0) {
      for (String c : COMMANDS) candidates.add(new Candidate(c, c, "commands", null, null, null, true));
      return;
    }
    for (String name : candidates(line.line().substring(0, line.cursor()))) {
      if (name.startsWith(word)) candidates.add(candidate(name));
    }
  }

  /** Every completion for the text before the cursor, unfiltered by the word being typed. */
  List<String> candidates(String before) {
    List<String> out = new java.util.ArrayList<>();
    String call = enclosingCall(before);
    Builtin b = call == null ? null : interp.builtins().get(call);
    if (b != null) {
      for (String p : b.paramNames()) out.add(p + "=");
    }
    for (Map.Entry<String, Value> e : interp.globals().entrySet()) out.add(e.getKey());
    out.addAll(interp.builtins().keySet());
    out.addAll(KEYWORDS);
    return out;
  }

  private Candidate candidate(String name) {
    if (name.endsWith("=")) return new Candidate(name, name, "arguments", null, null, null, false);
    Value v = interp.globals().get(name);
    String group = v != null ? "yours" : interp.builtins().containsKey(name) ? "built-in" : "keywords";
    String descr = v != null ? v.kind() : null;
    return new Candidate(name, name, group, descr, null, null, false);
  }

  /** The name before the innermost '(' that is still open at the end of {@code text}, or null. */
  static String enclosingCall(String text) {
    int depth = 0;
    for (int i = text.length() - 1; i >= 0; i--) {
      char c = text.charAt(i);
      if (c == ')' || c == ']') depth++;
      else if (c == '[') depth--;
      else if (c == '(') {
        if (depth == 0) {
          int end = i;
          int start = end;
          while (start > 0 && (Character.isLetterOrDigit(text.charAt(start - 1)) || text.charAt(start - 1) == '_')) start--;
          return start < end ? text.substring(start, end) : null;
        }
        depth--;
      }
    }
    return null;
  }
}
