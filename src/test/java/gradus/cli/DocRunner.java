package gradus.cli;

import gradus.interp.Session;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Runs documentation examples for {@link DocExamplesTest}, in a process of its own so that the
 * working directory (where plots and saves go) is a temporary folder. {@code blocks DIR}: each
 * {@code DIR/*.opt} as a script in a fresh session; {@code session DIR}: all of them in order in
 * one session. Beside each file it writes {@code .out}, {@code .err} and {@code .ok} or {@code .failed}.
 */
public final class DocRunner {
  private DocRunner() {}

  public static void main(String[] args) throws IOException {
    boolean fresh = args[0].equals("blocks");
    List<Path> files;
    try (Stream<Path> s = Files.list(Path.of(args[1]))) {
      files = s.filter(p -> p.toString().endsWith(".opt")).sorted().toList();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Session session = null;
    for (Path f : files) {
      if (fresh || session == null) {
        session = new Session(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        ScriptPlots.install(session, new PrintStream(out, true, StandardCharsets.UTF_8));
      }
      boolean ok = session.run(Files.readString(f), f.getFileName().toString());
      String base = f.toString().replaceFirst("\\.opt$", "");
      Files.write(Path.of(base + ".out"), out.toByteArray());
      Files.write(Path.of(base + ".err"), err.toByteArray());
      Files.writeString(Path.of(base + (ok ? ".ok" : ".failed")), "");
      out.reset();
      err.reset();
    }
  }
}
