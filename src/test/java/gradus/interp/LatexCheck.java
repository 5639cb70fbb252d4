package gradus.interp;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;

/**
 * A small parser of the LaTeX math Gradus prints: it finds what would stop LaTeX (or KaTeX) —
 * unbalanced braces, {@code \left} without {@code \right} (or crossing a brace group), an
 * {@code \end} that closes another environment, a command that takes arguments without them, a
 * script with nothing to attach to or a double superscript, and commands outside the set Gradus
 * uses (so a misspelt one is caught).
 */
final class LatexCheck {
  private LatexCheck() {}

  static final Set<String> COMMANDS = Set.of("frac", "sqrt", "left", "right", "begin", "end", "mathrm", "textbf",
      "text", "quad", "leftarrow", "le", "ge", "ne", "land", "lor", "lnot", "cdot", "infty", "max", "min", "exp", "log",
      "sin", "cos", "tan", "sinh", "cosh", "tanh", "arcsin", "arccos", "arctan", "lVert", "rVert", "langle", "rangle",
      "sum", "prod", "nabla", "in", "succ", "approx", "dots", "tfrac", "top", "bar", "alpha", "beta", "gamma", "delta", "epsilon",
      "varepsilon", "zeta", "eta", "theta", "iota", "kappa", "lambda", "mu", "nu", "xi", "pi", "rho", "sigma", "tau",
      "upsilon", "phi", "varphi", "chi", "psi", "omega", "Gamma", "Delta", "Theta", "Lambda", "Xi", "Pi", "Sigma",
      "Upsilon", "Phi", "Psi", "Omega");
  private static final Set<String> ONE_ARGUMENT = Set.of("sqrt", "mathrm", "textbf", "text", "bar");
  private static final Set<String> TWO_ARGUMENTS = Set.of("frac", "tfrac");

  /** Null when the source is well formed, else what is wrong and where. */
  static String problem(String s) {
    Deque<String> open = new ArrayDeque<>();
    int i = 0;
    boolean atom = false;
    char lastScript = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '\\') {
        int j = i + 1;
        while (j < s.length() && Character.isLetter(s.charAt(j))) j++;
        if (j == i + 1) {
          if (j >= s.length()) return "a backslash at the end";
          i = j + 1; // an escaped character or \\, \, \ and the like
          atom = s.charAt(j) != '\\';
          lastScript = 0;
          continue;
        }
        String cmd = s.substring(i + 1, j);
        if (!COMMANDS.contains(cmd)) return "unknown command \\" + cmd + " at " + i;
        i = j;
        if (cmd.equals("left")) {
          i = delimiter(s, i);
          if (i < 0) return "\\left without a delimiter";
          open.push("left");
          atom = false;
        } else if (cmd.equals("right")) {
          if (!"left".equals(open.peek())) return "\\right at " + j + " closes " + (open.isEmpty() ? "nothing" : open.peek());
          open.pop();
          i = delimiter(s, i);
          if (i < 0) return "\\right without a delimiter";
          atom = true;
        } else if (cmd.equals("begin") || cmd.equals("end")) {
          int close = s.indexOf('}', i);
          if (i >= s.length() || s.charAt(i) != '{' || close < 0) return "\\" + cmd + " without {name}";
          String env = "env:" + s.substring(i + 1, close);
          if (cmd.equals("begin")) open.push(env);
          else if (!env.equals(open.peek())) return "\\end{" + env.substring(4) + "} closes " + open.peek();
          else open.pop();
          i = close + 1;
          atom = false;
        } else {
          int args = ONE_ARGUMENT.contains(cmd) ? 1 : TWO_ARGUMENTS.contains(cmd) ? 2 : 0;
          for (int k = 0; k < args; k++) {
            while (i < s.length() && s.charAt(i) == ' ') i++;
            if (i >= s.length() || s.charAt(i) != '{') return "\\" + cmd + " needs " + args + " {arguments} at " + i;
            int end = group(s, i);
            if (end < 0) return "an unclosed argument of \\" + cmd;
            String inner = problem(s.substring(i + 1, end));
            if (inner != null) return inner + " (in \\" + cmd + ")";
            i = end + 1;
          }
          atom = true;
        }
        lastScript = 0;
        continue;
      }
      if (c == '{') {
        open.push("{");
        atom = false;
      } else if (c == '}') {
        if (!"{".equals(open.peek())) return "'}' at " + i + " closes " + (open.isEmpty() ? "nothing" : open.peek());
        open.pop();
        atom = true;
      } else if (c == '^' || c == '_') {
        if (!atom && lastScript == 0) return "'" + c + "' at " + i + " has nothing before it";
        if (lastScript == c) return "a double " + (c == '^' ? "superscript" : "subscript") + " at " + i;
        int k = i + 1;
        while (k < s.length() && s.charAt(k) == ' ') k++;
        if (k >= s.length() || s.charAt(k) == '}' || s.charAt(k) == '^' || s.charAt(k) == '_') {
          return "'" + c + "' at " + i + " has nothing after it";
        }
        if (s.charAt(k) == '{') {
          int end = group(s, k);
          if (end < 0) return "an unclosed script";
          String inner = problem(s.substring(k + 1, end));
          if (inner != null) return inner + " (in a script)";
          i = end + 1;
        } else {
          i = k + (s.charAt(k) == '\\' ? skipCommand(s, k) : 1);
        }
        lastScript = c;
        atom = false;
        continue;
      } else if (c != ' ' && c != '\n') {
        atom = true;
      }
      if (c != ' ' && c != '\n') lastScript = 0;
      i++;
    }
    if (!open.isEmpty()) return "unclosed " + open.peek();
    return null;
  }

  private static int skipCommand(String s, int k) {
    int j = k + 1;
    while (j < s.length() && Character.isLetter(s.charAt(j))) j++;
    return Math.max(2, j - k);
  }

  /** The index of the '}' that closes the group opening at i, or -1. */
  private static int group(String s, int i) {
    int depth = 0;
    for (int k = i; k < s.length(); k++) {
      char c = s.charAt(k);
      if (c == '\\') {
        k++;
        continue;
      }
      if (c == '{') depth++;
      if (c == '}' && --depth == 0) return k;
    }
    return -1;
  }

  /** After \left or \right: one delimiter ( ) [ ] | . \{ \} \langle \rangle \lVert \rVert; the index after it. */
  private static int delimiter(String s, int i) {
    if (i >= s.length()) return -1;
    char c = s.charAt(i);
    if ("()[]|.".indexOf(c) >= 0) return i + 1;
    if (c != '\\') return -1;
    if (i + 1 < s.length() && (s.charAt(i + 1) == '{' || s.charAt(i + 1) == '}' || s.charAt(i + 1) == '|')) return i + 2;
    int j = i + 1;
    while (j < s.length() && Character.isLetter(s.charAt(j))) j++;
    String d = s.substring(i + 1, j);
    return Set.of("langle", "rangle", "lVert", "rVert", "vert", "Vert").contains(d) ? j : -1;
  }
}
