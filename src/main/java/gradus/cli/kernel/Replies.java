package gradus.cli.kernel;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gradus.cli.Completion;
import gradus.cli.Help;
import gradus.cli.Main;
import gradus.interp.Interpreter;
import gradus.interp.Printer;
import gradus.interp.Value;
import gradus.lang.Parse;
import java.util.List;

/**
 * The answers that need no socket: kernel_info, complete, inspect and is_complete, from the same
 * completer and help text as the REPL. Cursor positions are in Unicode code points (protocol 5.2+).
 */
final class Replies {
  private final Wire wire;
  private final Interpreter interp;

  Replies(Wire wire, Interpreter interp) {
    this.wire = wire;
    this.interp = interp;
  }

  static final String VERSION = Main.VERSION.replace("gradus ", "");

  ObjectNode kernelInfo() {
    ObjectNode info = ok().put("protocol_version", Wire.PROTOCOL_VERSION)
        .put("implementation", "gradus").put("implementation_version", VERSION)
        .put("banner", "Gradus " + VERSION + " — :help for help").put("debugger", false);
    // Gradus's keywords (for in if else and or not), # comments and "strings" are Python's,
    // so Python's highlighting fits it better than any other lexer Jupyter ships with.
    info.putObject("language_info").put("name", "gradus").put("version", VERSION)
        .put("mimetype", "text/x-gradus").put("file_extension", ".opt")
        .put("pygments_lexer", "python").put("codemirror_mode", "python");
    info.putArray("help_links");
    return info;
  }

  ObjectNode complete(String code, int cursorPos) {
    int cursor = charIndex(code, cursorPos);
    String before = code.substring(0, cursor);
    int start = Completion.wordStart(before);
    List<String> matches = Completion.complete(interp, before);
    ObjectNode reply = ok();
    ArrayNode list = reply.putArray("matches");
    matches.forEach(list::add);
    reply.put("cursor_start", code.codePointCount(0, start)).put("cursor_end", code.codePointCount(0, cursor));
    // JupyterLab shows these types next to the matches
    ArrayNode types = reply.putObject("metadata").putArray("_jupyter_types_experimental");
    for (String m : matches) {
      types.addObject().put("start", code.codePointCount(0, start)).put("end", code.codePointCount(0, cursor))
          .put("text", m).put("type", typeOf(m));
    }
    return reply;
  }

  private String typeOf(String name) {
    if (name.endsWith("=")) return "param";
    Value v = interp.globals().get(name);
    if (v != null) return v.kind();
    if (interp.builtins().containsKey(name)) return "function";
    return name.startsWith(":") ? "command" : "keyword";
  }

  /** The {@code :help} text of the name at the cursor, or of the call the cursor is in. */
  ObjectNode inspect(String code, int cursorPos) {
    String name = nameAt(code, charIndex(code, cursorPos));
    String text = null;
    if (interp.globals().containsKey(name)) {
      Value v = interp.globals().get(name);
      text = name + ": " + v.kind() + "\n" + Printer.print(v);
    } else if (interp.builtins().containsKey(name) || Help.TOPICS.contains(name)) {
      text = Help.topic(name, interp);
    }
    ObjectNode reply = ok().put("found", text != null);
    ObjectNode data = reply.putObject("data");
    if (text != null) data.put("text/plain", text);
    reply.putObject("metadata");
    return reply;
  }

  /** The word around the cursor; else the name of the call whose parentheses hold the cursor. */
  static String nameAt(String code, int cursor) {
    int end = cursor;
    while (end < code.length() && isNameChar(code.charAt(end))) end++;
    int start = cursor;
    while (start > 0 && isNameChar(code.charAt(start - 1))) start--;
    if (start < end) return code.substring(start, end);
    String call = Completion.enclosingCall(code.substring(0, cursor));
    return call == null ? "" : call;
  }

  private static boolean isNameChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }

  /** Open brackets mean more lines are coming, as in the REPL; a syntax error is "invalid". */
  ObjectNode isComplete(String code) {
    ObjectNode reply = wire.object();
    if (code.strip().startsWith(":")) return reply.put("status", "complete");
    if (Parse.isIncomplete(code)) return reply.put("status", "incomplete").put("indent", "");
    return reply.put("status", Parse.program(code).errors().isEmpty() ? "complete" : "invalid");
  }

  private ObjectNode ok() {
    return wire.object().put("status", "ok");
  }

  /** The char index of a code-point offset, clamped to the code. */
  static int charIndex(String code, int codePoints) {
    int n = Math.max(0, Math.min(codePoints, code.codePointCount(0, code.length())));
    return code.offsetByCodePoints(0, n);
  }
}
