package gradus.cli;

import gradus.interp.Interpreter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * IPython's ways of asking, understood at the REPL's prompt: {@code adam?} and {@code ?adam}
 * print the {@code :help adam} text; {@code quit}, {@code exit}, {@code quit()} and
 * {@code exit()} leave, unless you bound those names yourself. The kernel can ask here too.
 */
public final class ReplHabits {
  private ReplHabits() {}

  private static final Pattern HELP = Pattern.compile("^\\?{1,2}\\s*([\\p{L}_][\\p{L}\\p{N}_]*)$|^([\\p{L}_][\\p{L}\\p{N}_]*)\\s*\\?{1,2}$");
  private static final Pattern QUIT = Pattern.compile("^(quit|exit)\\s*(\\(\\s*\\))?$");

  /** The name that {@code NAME?} or {@code ?NAME} asks about, or null for any other line. */
  public static String helpRequest(String line) {
    Matcher m = HELP.matcher(line.strip());
    if (!m.matches()) return null;
    return m.group(1) != null ? m.group(1) : m.group(2);
  }

  /** True for {@code quit}, {@code exit}, {@code quit()}, {@code exit()} when the name is not yours. */
  public static boolean isQuit(String line, Interpreter interp) {
    Matcher m = QUIT.matcher(line.strip());
    return m.matches() && !interp.globals().containsKey(m.group(1));
  }
}
