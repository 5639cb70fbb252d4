package gradus.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A program in a real terminal: a detached tmux session we type into and read the screen of. */
final class Tmux implements AutoCloseable {
  private final String name;

  private Tmux(String name) {
    this.name = name;
  }

  static boolean available() {
    try {
      return new ProcessBuilder("tmux", "-V").start().waitFor() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }

  /** Starts {@code command} (a shell command line) in a new 200x50 session; "EXIT=N" shows when it ends. */
  static Tmux start(String name, Path dir, String command) throws IOException, InterruptedException {
    Tmux t = new Tmux(name + "-" + ProcessHandle.current().pid());
    t.run("new-session", "-d", "-s", t.name, "-x", "200", "-y", "50", "-c", dir.toString(),
        command + "; echo EXIT=$?; sleep 600");
    t.run("set-option", "-t", t.name, "history-limit", "100000");
    return t;
  }

  /** Types {@code text} and presses Enter. */
  void line(String text) throws IOException, InterruptedException {
    run("send-keys", "-t", name, "-l", text);
    run("send-keys", "-t", name, "Enter");
  }

  void ctrlC() throws IOException, InterruptedException {
    run("send-keys", "-t", name, "C-c");
  }

  /** The whole screen and its scroll-back, wrapped lines joined. */
  String screen() throws IOException, InterruptedException {
    Process p = new ProcessBuilder("tmux", "capture-pane", "-p", "-J", "-S", "-", "-t", name).start();
    String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor();
    return text;
  }

  /** Waits until the screen holds {@code text} {@code times} times; false after {@code seconds}. */
  boolean await(String text, int times, long seconds) throws IOException, InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (System.nanoTime() < end) {
      if (count(screen(), text) >= times) return true;
      Thread.sleep(100);
    }
    return false;
  }

  static int count(String haystack, String needle) {
    int n = 0;
    for (int i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + needle.length())) n++;
    return n;
  }

  private void run(String... args) throws IOException, InterruptedException {
    List<String> cmd = new java.util.ArrayList<>(List.of("tmux"));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0) throw new IOException("tmux " + String.join(" ", args) + ": " + out);
  }

  @Override
  public void close() throws IOException, InterruptedException {
    new ProcessBuilder("tmux", "kill-session", "-t", name).redirectErrorStream(true).start().waitFor();
  }
}
