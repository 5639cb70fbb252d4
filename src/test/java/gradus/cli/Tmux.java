package gradus.cli;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The Gradus REPL in a real terminal: a tmux session on its own server socket, driven by
 * {@code send-keys} and read by polling {@code capture-pane} until what a test waits for shows
 * up (never a fixed sleep). CI installs tmux ({@code .ci/run}); without it the tests are skipped.
 */
final class Tmux implements AutoCloseable {
  static final long TIMEOUT_MS = 30_000;

  private final String socket;
  private final Path home;

  private Tmux(String socket, Path home) {
    this.socket = socket;
    this.home = home;
  }

  /** Starts {@code gradus} (the REPL) in a 200x50 terminal, in {@code dir}, with HOME={@code dir}. */
  static Tmux startRepl(Path dir) throws IOException, InterruptedException {
    assumeTrue(available(), "tmux is not installed: the REPL terminal tests need it (apt-get install tmux; CI installs it)");
    String socket = "gradus-test-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    Tmux t = new Tmux(socket, dir);
    t.tmux("new-session", "-d", "-s", "repl", "-x", "200", "-y", "50", "-c", dir.toString(),
        "-e", "HOME=" + dir, "-e", "COLUMNS=200",
        java + " -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp '" + cp + "' gradus.cli.Main");
    t.waitFor(s -> s.contains(Repl.PROMPT), "the prompt");
    return t;
  }

  static boolean available() {
    try {
      Process p = new ProcessBuilder("tmux", "-V").redirectErrorStream(true).start();
      return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Types {@code text} literally (no key names), without Enter. */
  void type(String text) throws IOException, InterruptedException {
    tmux("send-keys", "-t", "repl", "-l", text);
  }

  /** Presses keys by tmux name: {@code Enter}, {@code Tab}, {@code C-c}, {@code C-u}. */
  void press(String... keys) throws IOException, InterruptedException {
    List<String> args = new ArrayList<>(List.of("send-keys", "-t", "repl"));
    args.addAll(List.of(keys));
    tmux(args.toArray(String[]::new));
  }

  /** Types a line and presses Enter. */
  void line(String text) throws IOException, InterruptedException {
    type(text);
    press("Enter");
  }

  /** The visible screen and the scroll-back, as plain text. */
  String screen() throws IOException, InterruptedException {
    return tmux("capture-pane", "-p", "-J", "-S", "-1000", "-t", "repl");
  }

  /** Polls the screen until {@code done} holds; fails naming {@code what} and showing the screen. */
  String waitFor(Predicate<String> done, String what) throws IOException, InterruptedException {
    long end = System.currentTimeMillis() + TIMEOUT_MS;
    String s = screen();
    while (!done.test(s)) {
      if (System.currentTimeMillis() > end) throw new AssertionError("timed out waiting for " + what + "; the screen:\n" + s);
      Thread.sleep(50);
      s = screen();
    }
    return s;
  }

  /** Waits until the screen holds {@code text} {@code times} times or more. */
  String waitForCount(String text, int times) throws IOException, InterruptedException {
    return waitFor(s -> count(s, text) >= times, times + " × '" + text + "'");
  }

  static int count(String s, String text) {
    int n = 0;
    for (int i = s.indexOf(text); i >= 0; i = s.indexOf(text, i + 1)) n++;
    return n;
  }

  /** Whether the REPL process has ended (its pane is gone with it). */
  boolean ended() throws IOException, InterruptedException {
    Process p = new ProcessBuilder("tmux", "-L", socket, "has-session", "-t", "repl").redirectErrorStream(true).start();
    p.getInputStream().readAllBytes();
    return p.waitFor() != 0;
  }

  Path home() {
    return home;
  }

  private String tmux(String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("tmux", "-L", socket));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(10, TimeUnit.SECONDS) || (p.exitValue() != 0 && !args[0].equals("capture-pane"))) {
      throw new IOException("tmux " + String.join(" ", args) + " failed: " + out);
    }
    return out;
  }

  @Override
  public void close() throws IOException, InterruptedException {
    new ProcessBuilder("tmux", "-L", socket, "kill-server").redirectErrorStream(true).start().waitFor(10, TimeUnit.SECONDS);
  }
}
