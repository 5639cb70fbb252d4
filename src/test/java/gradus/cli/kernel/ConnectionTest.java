package gradus.cli.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading the connection file Jupyter writes for each kernel. */
class ConnectionTest {
  @TempDir Path tmp;

  Path file(String json) throws IOException {
    return Files.writeString(tmp.resolve("kernel-1.json"), json);
  }

  static final String FIELDS = "\"shell_port\": 5001, \"iopub_port\": 5002, \"stdin_port\": 5003,"
      + " \"control_port\": 5004, \"hb_port\": 5005, \"ip\": \"127.0.0.1\", \"key\": \"abc\"";

  @Test
  void readsThePortsTheAddressAndTheKey() throws IOException {
    Connection c = Connection.read(file("{" + FIELDS + ", \"transport\": \"tcp\", \"signature_scheme\": \"hmac-sha256\"}"));
    assertThat(c.address(c.shellPort())).isEqualTo("tcp://127.0.0.1:5001");
    assertThat(c.hbPort()).isEqualTo(5005);
    assertThat(c.key()).isEqualTo("abc");
    assertThat(c.signatureScheme()).isEqualTo("hmac-sha256");
  }

  @Test
  void whatIsWrongWithAFileIsNamed() throws IOException {
    assertThatThrownBy(() -> Connection.read(file("{" + FIELDS.replace("\"hb_port\": 5005,", "") + "}")))
        .isInstanceOf(KernelError.class).hasMessageContaining("has no valid hb_port");
    assertThatThrownBy(() -> Connection.read(file("{" + FIELDS + ", \"transport\": \"ipc\"}")))
        .hasMessageContaining("asks for the 'ipc' transport; only tcp is supported");
    assertThatThrownBy(() -> Connection.read(file("[1, 2]"))).hasMessageContaining("is not a JSON object");
    assertThatThrownBy(() -> Connection.read(file("{"))).hasMessageContaining("cannot read the connection file");
  }
}
