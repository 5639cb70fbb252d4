package gradus.cli.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The kernelspec: where it goes (as jupyter_core decides) and what it says. */
class KernelSpecTest {
  @Test
  void jupyterDataDirWinsThenXdgThenTheHomeFolder() {
    String home = System.getProperty("user.home");
    assertThat(KernelSpec.dataDir(Map.of("JUPYTER_DATA_DIR", "/srv/jupyter"))).isEqualTo(Path.of("/srv/jupyter"));
    if (System.getProperty("os.name").equals("Linux")) {
      assertThat(KernelSpec.dataDir(Map.of("XDG_DATA_HOME", "/x/share"))).isEqualTo(Path.of("/x/share/jupyter"));
      assertThat(KernelSpec.dataDir(Map.of())).isEqualTo(Path.of(home, ".local", "share", "jupyter"));
    }
  }

  @Test
  void kernelJsonRunsTheCommandOnTheConnectionFileWithMessageInterrupts() throws IOException {
    JsonNode spec = new ObjectMapper().readTree(KernelSpec.kernelJson(List.of("/opt/gradus/gradus", "--kernel", "{connection_file}")));
    assertThat(spec.path("argv").toString()).isEqualTo("[\"/opt/gradus/gradus\",\"--kernel\",\"{connection_file}\"]");
    assertThat(spec.path("display_name").asText()).isEqualTo("Gradus");
    assertThat(spec.path("language").asText()).isEqualTo("gradus");
    assertThat(spec.path("interrupt_mode").asText()).isEqualTo("message");
  }

  @Test
  void fromClassesTheCommandIsThisJavaWithThisClassPath() {
    // the tests run from target/classes, not from the jar
    List<String> command = KernelSpec.command();
    assertThat(command.get(0)).endsWith("java");
    assertThat(command).contains("-cp", "gradus.cli.Main");
  }

  @Test
  void theLogosHaveTheirSizesAndAreOpaqueInside() {
    for (int size : new int[] {32, 64}) {
      BufferedImage logo = Logo.draw(size);
      assertThat(logo.getWidth()).isEqualTo(size);
      assertThat(logo.getHeight()).isEqualTo(size);
      assertThat(logo.getRGB(size / 2, size / 2) >>> 24).isEqualTo(255);
    }
  }
}
