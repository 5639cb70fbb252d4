package gradus.cli;

import gradus.interp.Builtin;
import gradus.interp.FunctionValue;
import gradus.interp.HelpTopics;
import gradus.interp.Interpreter;
import gradus.interp.Value;
import gradus.lang.Ast;
import gradus.lang.GradusError;
import gradus.lang.Parse;
import gradus.optim.MethodSpec;
import gradus.optim.Methods;
import gradus.optim.Param;
import gradus.optim.Schedules;
import gradus.sym.VarSpec;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What Tab offers, without JLine: the REPL's completer and the Jupyter kernel's
 * {@code complete_request} both ask here, so they always offer the same things. The offer
 * depends on where the cursor is: a {@code :command}; a file after {@code :load} or
 * {@code :save}; a help topic after {@code :help}; a field after {@code r.}; the keyword
 * arguments of the enclosing call first (and the variables of f in {@code diff(f, }); else
 * names — the user's, then built-ins and special forms, then keywords.
 */
public final class Completion {
  private Completion() {}

  /** One completion: the text that replaces the word, the group it is shown in, and a hint. */
  public record Offer(String text, String group, String description) {}

  static final List<String> COMMANDS = List.of(":help", ":load", ":save", ":vars", ":reset", ":quit");
  static final List<String> KEYWORDS = List.of("for", "in", "if", "else", "and", "or", "not", "optimizer", "require", "state");

  /** {@code :load FILE} and {@code :save FILE}: the file name may be quoted. */
  private static final Pattern FILE_COMMAND = Pattern.compile("^\\s*:(load|save)\\s+\"?");
  private static final Pattern HELP_COMMAND = Pattern.compile("^\\s*:(help|h)\\s+");

  /** True when {@code line} is a command that takes a file name, whose words are split at spaces only. */
  static boolean takesFileName(CharSequence line) {
    return FILE_COMMAND.matcher(line).lookingAt();
  }

  /** Where the word being completed starts in {@code before}, the text left of the cursor. */
  public static int wordStart(String before) {
    Matcher file = FILE_COMMAND.matcher(before);
    if (file.lookingAt()) return file.end();
    int start = before.length();
    while (start > 0) {
      char c = before.charAt(start - 1);
      if (!(Character.isLetterOrDigit(c) || c == '_' || c == ':' || Character.isSurrogate(c))) break;
      start--;
    }
    return start;
  }

  /** The texts of {@link #offers}, in offer order. */
  public static List<String> complete(Interpreter interp, String before) {
    return offers(interp, before).stream().map(Offer::text).toList();
  }

  /** The completions of the word that ends at the end of {@code before}, in offer order, without repeats. */
  public static List<Offer> offers(Interpreter interp, String before) {
    int start = wordStart(before);
    String word = before.substring(start);
    List<Offer> out = new ArrayList<>();
    for (Offer o : candidates(interp, before, start)) {
      if (o.text().startsWith(word) && out.stream().noneMatch(x -> x.text().equals(o.text()))) out.add(o);
    }
    return out;
  }

  /** Every completion for the text before the cursor, unfiltered by the word being typed. */
  static List<Offer> candidates(Interpreter interp, String before, int start) {
    String head = before.substring(0, start);
    if (takesFileName(before)) return files(before.substring(start));
    if (head.isBlank() && before.substring(start).startsWith(":")) {
      return COMMANDS.stream().map(c -> new Offer(c, "commands", null)).toList();
    }
    if (HELP_COMMAND.matcher(head).matches()) return helpTopics(interp);
    if (head.endsWith(".") && !head.endsWith("..")) return fields(interp, head.substring(0, head.length() - 1));
    List<Offer> out = new ArrayList<>(arguments(interp, head));
    List<Offer> names = names(interp);
    // Tab right after "adam(" or ", " offers the arguments and your own names, not all ~100 built-ins
    boolean blank = start == before.length() && !out.isEmpty();
    out.addAll(blank ? names.stream().filter(o -> o.group().equals("yours")).toList() : names);
    return out;
  }

  /** The user's bindings, then built-ins and special forms, then keywords. */
  private static List<Offer> names(Interpreter interp) {
    List<Offer> out = new ArrayList<>();
    List<Offer> predefined = new ArrayList<>();
    for (Map.Entry<String, Value> e : interp.globals().entrySet()) {
      boolean own = e.getValue() != Interpreter.predefined(e.getKey());
      (own ? out : predefined).add(new Offer(e.getKey(), own ? "yours" : "built-in", e.getValue().kind()));
    }
    Map<String, String> builtIn = new TreeMap<>();
    for (String b : interp.builtins().keySet()) builtIn.put(b, "built-in");
    for (String s : HelpTopics.SPECIAL_FORMS.keySet()) builtIn.put(s, "special form");
    for (Map.Entry<String, String> b : builtIn.entrySet()) out.add(new Offer(b.getKey(), "built-in", b.getValue()));
    out.addAll(predefined);
    for (String k : KEYWORDS) out.add(new Offer(k, "keywords", null));
    return out;
  }

  /**
   * Inside a call: the keyword arguments of a built-in not given yet, or, in {@code diff(f, },
   * the variables of f.
   */
  private static List<Offer> arguments(Interpreter interp, String head) {
    Call call = enclosing(head);
    if (call == null) return List.of();
    List<Offer> out = new ArrayList<>();
    if (call.name().equals("diff") && call.args().size() >= 2
        && interp.globals().get(call.args().get(0).strip()) instanceof FunctionValue f) {
      for (VarSpec v : f.signature().vars()) out.add(new Offer(v.name(), "arguments", "a variable of " + f.name()));
      return out;
    }
    Builtin b = interp.callableNamed(call.name());
    if (b == null) return out;
    List<String> done = call.args().subList(0, call.args().size() - 1);
    Set<String> byKeyword = new HashSet<>();
    long positional = 0;
    for (String a : done) {
      Matcher k = KEYWORD_ARG.matcher(a);
      if (k.lookingAt()) byKeyword.add(k.group(1));
      else positional++;
    }
    List<String> names = b.paramNames();
    for (int i = 0; i < names.size(); i++) {
      String p = names.get(i);
      boolean byPosition = i < positional && !b.params().get(i).endsWith("*");
      if (!byPosition && !byKeyword.contains(p)) out.add(new Offer(p + "=", "arguments", defaultOf(b.name(), p)));
    }
    return out;
  }

  /** {@code name=} (not {@code name ==}) at the start of an argument; group 1 is the name. */
  private static final Pattern KEYWORD_ARG = Pattern.compile("\\s*([\\p{L}_][\\p{L}\\p{N}_]*)\\s*=(?!=)");

  /** The default of an optimizer's or schedule's argument, as its help shows it: {@code 0.001}. */
  private static String defaultOf(String fn, String param) {
    MethodSpec spec = Methods.specs().containsKey(fn) ? Methods.specs().get(fn) : Schedules.specs().get(fn);
    if (spec == null) return null;
    for (Param p : spec.params()) {
      if (p.name().equals(param)) {
        if (p.required()) return "required";
        Object d = p.defaultValue();
        return d instanceof Number n ? gradus.sym.Numbers.format(n.doubleValue()) : String.valueOf(d);
      }
    }
    return null;
  }

  /** The fields of the value the text before the dot names ({@code r}, {@code runs[2]}, {@code r.state}). */
  private static List<Offer> fields(Interpreter interp, String head) {
    int start = head.length();
    while (start > 0) {
      char c = head.charAt(start - 1);
      if (!(Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '[' || c == ']' || Character.isSurrogate(c))) break;
      start--;
    }
    Value v = inspect(interp, head.substring(start));
    if (!(v instanceof Interpreter.HasFields h)) return List.of();
    return h.fieldNames().stream().map(n -> new Offer(n, "fields", null)).toList();
  }

  /** The value of a chain of names, fields and constant indices; null for anything else (no calls run). */
  static Value inspect(Interpreter interp, String text) {
    if (text.isEmpty()) return null;
    Parse.Result parsed = Parse.program(text);
    if (!parsed.errors().isEmpty() || parsed.statements().size() != 1
        || !(parsed.statements().get(0) instanceof Ast.ExprStmt e) || !harmless(e.expr())) {
      return null;
    }
    try {
      return interp.eval(e.expr());
    } catch (GradusError err) {
      return null; // an unbound name or an index out of range: nothing to offer
    }
  }

  private static boolean harmless(Ast.Expr e) {
    if (e instanceof Ast.Name) return true;
    if (e instanceof Ast.Field f) return harmless(f.target());
    if (e instanceof Ast.Index i) return harmless(i.target()) && (i.index() instanceof Ast.Num || i.index() instanceof Ast.Str);
    return false;
  }

  private static List<Offer> helpTopics(Interpreter interp) {
    List<Offer> out = new ArrayList<>();
    for (String t : List.of("language", "optimizers", "plots", "data", "repl")) out.add(new Offer(t, "topics", null));
    out.addAll(names(interp).stream().filter(o -> !o.group().equals("keywords")).toList());
    return out;
  }

  /** Folders and {@code .opt} scripts whose path starts with {@code fragment} (IPython's %run offers .py likewise). */
  static List<Offer> files(String fragment) {
    int slash = fragment.lastIndexOf('/');
    String dirPart = fragment.substring(0, slash + 1);
    String namePart = fragment.substring(slash + 1);
    Path dir = dirPart.isEmpty() ? Path.of("") : expandHome(dirPart);
    List<Offer> folders = new ArrayList<>();
    List<Offer> scripts = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir.toAbsolutePath())) {
      for (Path p : entries) {
        String name = p.getFileName().toString();
        if (!name.startsWith(namePart) || (name.startsWith(".") && !namePart.startsWith("."))) continue;
        if (Files.isDirectory(p)) folders.add(new Offer(dirPart + name + "/", "files", "folder"));
        else if (name.endsWith(".opt")) scripts.add(new Offer(dirPart + name, "files", "script"));
      }
    } catch (IOException | java.nio.file.InvalidPathException e) {
      return List.of(); // no such folder (yet): nothing to offer
    }
    folders.sort(Comparator.comparing(Offer::text));
    scripts.sort(Comparator.comparing(Offer::text));
    scripts.addAll(folders);
    return scripts;
  }

  /** A path as typed, with a leading {@code ~/} meaning the HOME folder, as in a shell. */
  static Path expandHome(String path) {
    if (path.equals("~") || path.startsWith("~/")) {
      String home = System.getenv("HOME");
      if (home != null && !home.isEmpty()) return Path.of(home + path.substring(1));
    }
    return Path.of(path);
  }

  /** The innermost call still open at the end of {@code text}: its name and its arguments so far. */
  record Call(String name, List<String> args) {}

  /** The name before the innermost '(' that is still open at the end of {@code text}, or null. */
  public static String enclosingCall(String text) {
    Call c = enclosing(text);
    return c == null ? null : c.name();
  }

  static Call enclosing(String text) {
    int depth = 0;
    for (int i = text.length() - 1; i >= 0; i--) {
      char c = text.charAt(i);
      if (c == ')' || c == ']') depth++;
      else if (c == '[') depth--;
      else if (c == '(') {
        if (depth == 0) {
          int start = i;
          while (start > 0 && (Character.isLetterOrDigit(text.charAt(start - 1)) || text.charAt(start - 1) == '_')) start--;
          return start < i ? new Call(text.substring(start, i), topLevelArgs(text.substring(i + 1))) : null;
        }
        depth--;
      }
    }
    return null;
  }

  /** The arguments written so far, split at the commas outside brackets (the last may be partial). */
  private static List<String> topLevelArgs(String inside) {
    List<String> out = new ArrayList<>();
    int depth = 0;
    int from = 0;
    for (int i = 0; i < inside.length(); i++) {
      char c = inside.charAt(i);
      if (c == '(' || c == '[' || c == '{') depth++;
      else if (c == ')' || c == ']' || c == '}') depth--;
      else if (c == ',' && depth == 0) {
        out.add(inside.substring(from, i));
        from = i + 1;
      }
    }
    out.add(inside.substring(from));
    return out;
  }
}
