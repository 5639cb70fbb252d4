package gradus.cli.kernel;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gradus.cli.Main;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * {@code gradus --install-kernel}: writes the kernelspec {@code gradus} (kernel.json and two
 * logos) into the user's Jupyter data folder, found as jupyter_core finds it.
 */
public final class KernelSpec {
  private KernelSpec() {}

  public static int install(PrintStream out) {
    Path dir = dataDir(System.getenv()).resolve("kernels").resolve("gradus");
    List<String> argv = new ArrayList<>(command());
    argv.add("--kernel");
    argv.add("{connection_file}");
    try {
      Files.createDirectories(dir);
      Files.writeString(dir.resolve("kernel.json"), kernelJson(argv));
      for (int size : new int[] {32, 64}) {
        ImageIO.write(Logo.draw(size), "png", dir.resolve("logo-" + size + "x" + size + ".png").toFile());
      }
    } catch (IOException e) {
      throw new KernelError("cannot write the kernelspec in " + dir + ": " + e.getMessage());
    }
    out.println("installed the Gradus kernel in " + dir);
    out.println("it runs " + String.join(" ", argv));
    out.println("pick \"Gradus\" in Jupyter (jupyter lab, jupyter notebook, or nbconvert --execute)");
    return 0;
  }

  static String kernelJson(List<String> argv) throws IOException {
    ObjectMapper json = new ObjectMapper();
    ObjectNode spec = json.createObjectNode();
    argv.forEach(spec.putArray("argv")::add);
    spec.put("display_name", "Gradus").put("language", "gradus").put("interrupt_mode", "message");
    spec.putObject("metadata");
    return json.writerWithDefaultPrettyPrinter().writeValueAsString(spec) + "\n";
  }

  /** jupyter_core's jupyter_data_dir(): $JUPYTER_DATA_DIR, else the platform's place. */
  static Path dataDir(Map<String, String> env) {
    String explicit = env.get("JUPYTER_DATA_DIR");
    if (explicit != null && !explicit.isEmpty()) return Path.of(explicit);
    Path home = Path.of(System.getProperty("user.home"));
    String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
    if (os.contains("mac")) return home.resolve("Library").resolve("Jupyter");
    if (os.contains("windows")) {
      String appdata = env.get("APPDATA");
      return appdata != null && !appdata.isEmpty() ? Path.of(appdata, "jupyter") : home.resolve(".jupyter").resolve("data");
    }
    String xdg = env.get("XDG_DATA_HOME");
    Path share = xdg != null && !xdg.isEmpty() ? Path.of(xdg) : home.resolve(".local").resolve("share");
    return share.resolve("jupyter");
  }

  /**
   * What starts this Gradus: the project's launcher when this is its target/gradus.jar (so a
   * rebuilt jar is picked up), else this jar or these classes with this Java.
   */
  static List<String> command() {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Path code;
    try {
      code = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toAbsolutePath();
    } catch (URISyntaxException | SecurityException e) {
      throw new KernelError("cannot tell where Gradus is installed: " + e.getMessage());
    }
    if (!Files.isRegularFile(code)) {
      return List.of(java, "-cp", System.getProperty("java.class.path"), Main.class.getName());
    }
    Path target = code.getParent();
    Path launcher = target.getParent() == null ? null : target.getParent().resolve("gradus");
    if (target.getFileName().toString().equals("target") && launcher != null && Files.isExecutable(launcher)) {
      return List.of(launcher.toString());
    }
    return List.of(java, "-jar", code.toString());
  }
}
