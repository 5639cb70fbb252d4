package gradus.cli.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built kernel (target/gradus.jar, started by the launcher as the kernelspec says) driven by
 * Jupyter's own client and nbconvert: Debian's python3-jupyter-client and jupyter-nbconvert, run
 * with Debian's /usr/bin/python3. Runs after {@code package} (failsafe); .ci/run installs both.
 */
class KernelIT {
  static final Path PYTHON = Path.of("/usr/bin/python3");
  static final Path JUPYTER = Path.of("/usr/bin/jupyter");
  static final Path PROJECT = Path.of("").toAbsolutePath();

  @TempDir static Path dataDir;
  @TempDir Path work;

  record Run(int status, String output) {}

  @BeforeAll
  static void installTheKernelspec() throws Exception {
    assumeTrue(Files.isExecutable(JUPYTER) && run(List.of(PYTHON.toString(), "-c", "import jupyter_client, nbconvert"), 60).status() == 0,
        "Debian's python3-jupyter-client and jupyter-nbconvert are not installed here "
            + "(apt-get install python3-jupyter-client jupyter-nbconvert; .ci/run does it)");
    Path jar = PROJECT.resolve("target/gradus.jar");
    assertThat(jar).exists();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Run install = run(List.of(java, "-jar", jar.toString(), "--install-kernel"), 60);
    assertThat(install.status()).as(install.output()).isZero();
    assertThat(install.output()).contains("installed the Gradus kernel in " + dataDir.resolve("kernels/gradus"));
  }

  /** Runs a command with JUPYTER_DATA_DIR set to the test's data folder. */
  static Run run(List<String> command, int timeoutSeconds) throws IOException, InterruptedException {
    File log = File.createTempFile("gradus-kernel-it", ".log");
    log.deleteOnExit();
    ProcessBuilder pb = new ProcessBuilder(command).directory(PROJECT.toFile()).redirectErrorStream(true)
        .redirectOutput(log);
    pb.environment().put("JUPYTER_DATA_DIR", dataDir.toString());
    Process p = pb.start();
    if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
      return new Run(-1, "timed out after " + timeoutSeconds + " s:\n" + Files.readString(log.toPath()));
    }
    return new Run(p.exitValue(), Files.readString(log.toPath(), StandardCharsets.UTF_8));
  }

  @Test
  void theKernelspecStartsTheLauncherAndHasItsLogos() throws IOException {
    Path spec = dataDir.resolve("kernels/gradus");
    JsonNode json = new ObjectMapper().readTree(spec.resolve("kernel.json").toFile());
    assertThat(json.path("argv").toString())
        .isEqualTo(new ObjectMapper().writeValueAsString(List.of(PROJECT.resolve("gradus").toString(), "--kernel", "{connection_file}")));
    assertThat(json.path("display_name").asText()).isEqualTo("Gradus");
    assertThat(json.path("language").asText()).isEqualTo("gradus");
    for (int size : new int[] {32, 64}) {
      var logo = ImageIO.read(spec.resolve("logo-" + size + "x" + size + ".png").toFile());
      assertThat(logo.getWidth()).isEqualTo(size);
      assertThat(logo.getHeight()).isEqualTo(size);
    }
  }

  @Test
  void jupyterClientDrivesTheKernel() throws Exception {
    Run check = run(List.of(PYTHON.toString(), "src/test/kernel/kernel_check.py", work.toString()), 120);
    System.out.println(check.output());  // the checks one a line, with the measured interrupt time
    assertThat(check.status()).as(check.output()).isZero();
    assertThat(check.output()).contains("all kernel checks passed");
  }

  @Test
  void nbconvertExecutesTheChapterNotebook() throws Exception {
    Run convert = run(List.of(JUPYTER.toString(), "nbconvert", "--to", "notebook", "--execute", "notebooks/chapter.ipynb",
        "--output-dir", work.toString(), "--output", "chapter"), 180);
    assertThat(convert.status()).as(convert.output()).isZero();
    ObjectMapper json = new ObjectMapper();
    JsonNode executed = json.readTree(work.resolve("chapter.ipynb").toFile());
    JsonNode committed = json.readTree(PROJECT.resolve("notebooks/chapter.ipynb").toFile());
    assertThat(executed.path("metadata").path("language_info").path("name").asText()).isEqualTo("gradus");
    assertThat(outputTypes(executed)).doesNotContain("error")
        .as("the committed notebook's outputs are stale: re-run jupyter nbconvert --to notebook --execute --inplace notebooks/chapter.ipynb")
        .isEqualTo(outputTypes(committed));
    assertThat(outputTypes(executed)).filteredOn("display_data"::equals).hasSizeGreaterThanOrEqualTo(6);
  }

  /** Each code cell's outputs by type, in order, as "cell N: type". */
  static List<String> outputTypes(JsonNode notebook) {
    List<String> types = new java.util.ArrayList<>();
    for (JsonNode cell : notebook.path("cells")) {
      if (!cell.path("cell_type").asText().equals("code")) continue;
      for (JsonNode out : cell.path("outputs")) types.add(out.path("output_type").asText());
      types.add("|");
    }
    return types;
  }
}
