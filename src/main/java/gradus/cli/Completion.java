package gradus.cli;

import gradus.interp.Builtin;
import gradus.interp.Interpreter;
import gradus.interp.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What Tab offers, without JLine: the REPL's completer and the Jupyter kernel's
 * {@code complete_request} both ask here, so they always offer the same names.
 */
public final class Completion {
  private Completion() {}

  static final List<String> COMMANDS = List.of(":help", ":load", ":vars", ":reset", ":quit");
  static final List<String> KEYWORDS = List.of("for", "in", "if", "else", "and", "or", "not");

  /** The start of the word that ends at the end of {@code before} (letters, digits, '_', ':'). */
  public static int wordStart(String before) {
    int start = before.length();
    while (start > 0) {
      char c = before.charAt(start - 1);
      if (!(Character.isLetterOrDigit(c) || c == '_' || c == ':')) break;
      start--;
    }
    return start;
  }

  /** The completions of the word that ends at the end of {@code before}, in offer order. */
  public static List<String> complete(Interpreter interp, String before) {
    String word = before.substring(wordStart(before));
    List<String> out = new ArrayList<>();
    List<String> all = before.strip().startsWith(":") && wordStart(before) == before.length() - word.length()
        && before.substring(0, wordStart(before)).isBlank() ? COMMANDS : candidates(interp, before);
    for (String name : all) if (name.startsWith(word) && !out.contains(name)) out.add(name);
    return out;
  }

  /** Every completion for the text before the cursor, unfiltered by the word being typed. */
  static List<String> candidates(Interpreter interp, String before) {
    List<String> out = new ArrayList<>();
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

  /** The name before the innermost '(' that is still open at the end of {@code text}, or null. */
  public static String enclosingCall(String text) {
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
