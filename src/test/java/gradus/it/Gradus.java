package gradus.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** The packaged jar run as a separate process, as a user runs it; for the integration tests. */
final class Gradus {
  private Gradus() {}

  static final Path JAR = Path.of("target/gradus.jar").toAbsolutePath();

  static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** {@code java -jar gradus.jar ARGS} in {@code dir}; stdout and stderr go to files in it. */
  static Process start(Path dir, String... args) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(java(), "-XX:+UseSerialGC", "-jar", JAR.toString()));
    cmd.addAll(List.of(args));
    return new ProcessBuilder(cmd).directory(dir.toFile())
        .redirectOutput(dir.resolve("stdout.txt").toFile())
        .redirectError(dir.resolve("stderr.txt").toFile())
        .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
        .start();
  }

  /** Runs a shell command line (pipes, redirections) and waits for it. */
  static Result shell(Path dir, long seconds, String command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder("bash", "-c", command).directory(dir.toFile())
        .redirectOutput(dir.resolve("stdout.txt").toFile())
        .redirectError(dir.resolve("stderr.txt").toFile())
        .start();
    if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly().waitFor();
      return new Result(-1, read(dir, "stdout.txt"), read(dir, "stderr.txt"));
    }
    return new Result(p.exitValue(), read(dir, "stdout.txt"), read(dir, "stderr.txt"));
  }

  record Result(int exit, String stdout, String stderr) {}

  static String read(Path dir, String name) throws IOException {
    Path p = dir.resolve(name);
    return Files.exists(p) ? Files.readString(p, StandardCharsets.UTF_8) : "";
  }

  /** Waits until {@code dir/stdout.txt} holds {@code text}; false after {@code seconds}. */
  static boolean awaitOutput(Path dir, String text, long seconds) throws IOException, InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (System.nanoTime() < end) {
      if (read(dir, "stdout.txt").contains(text)) return true;
      Thread.sleep(50);
    }
    return false;
  }

  /** Sends a signal by name (INT, TERM, KILL) with kill(1): Java can only send TERM and KILL. */
  static void signal(Process p, String name) throws IOException, InterruptedException {
    new ProcessBuilder("kill", "-" + name, Long.toString(p.pid())).inheritIO().start().waitFor();
  }

  /** The temporary files of an unfinished save in {@code dir} ({@code .NAME.PID-HEX.tmp...}). */
  static List<Path> temporaryFiles(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().matches("\\..+\\.\\d+-[0-9a-f]+\\.tmp(\\..+)?")).toList();
    }
  }

  /** Waits until a save into {@code dir} has begun and written something. */
  static boolean awaitTemporaryFile(Path dir, long seconds) throws IOException, InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (System.nanoTime() < end) {
      for (Path t : temporaryFiles(dir)) {
        if (Files.exists(t) && Files.size(t) > 1 << 16) return true;
      }
      Thread.sleep(20);
    }
    return false;
  }

  /** The first lines of a text, for failure messages. */
  static String head(String s) {
    try (BufferedReader r = new BufferedReader(new java.io.StringReader(s))) {
      StringBuilder out = new StringBuilder();
      String line;
      for (int i = 0; i < 20 && (line = r.readLine()) != null; i++) out.append(line).append('\n');
      return out.toString();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
