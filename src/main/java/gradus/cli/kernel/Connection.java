package gradus.cli.kernel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A Jupyter connection file: where the five sockets listen and the key that signs messages.
 * Only the tcp transport: JeroMQ's ipc is not the libzmq one Jupyter's clients speak.
 */
record Connection(String ip, int shellPort, int iopubPort, int stdinPort, int controlPort, int hbPort,
    String key, String signatureScheme) {

  static Connection read(Path file) {
    if (!Files.isRegularFile(file)) throw new KernelError("no such connection file: " + file);
    JsonNode json;
    try {
      json = new ObjectMapper().readTree(file.toFile());
    } catch (IOException e) {
      throw new KernelError("cannot read the connection file " + file + ": " + e.getMessage());
    }
    if (json == null || !json.isObject()) throw new KernelError("the connection file " + file + " is not a JSON object");
    String transport = json.path("transport").asText("tcp");
    if (!transport.equals("tcp")) {
      throw new KernelError("the connection file " + file + " asks for the '" + transport + "' transport; only tcp is supported");
    }
    return new Connection(json.path("ip").asText("127.0.0.1"),
        port(json, "shell_port", file), port(json, "iopub_port", file), port(json, "stdin_port", file),
        port(json, "control_port", file), port(json, "hb_port", file),
        json.path("key").asText(""), json.path("signature_scheme").asText("hmac-sha256"));
  }

  private static int port(JsonNode json, String name, Path file) {
    JsonNode p = json.get(name);
    if (p == null || !p.canConvertToInt() || p.asInt() <= 0 || p.asInt() > 65535) {
      throw new KernelError("the connection file " + file + " has no valid " + name);
    }
    return p.asInt();
  }

  String address(int port) {
    return "tcp://" + ip + ":" + port;
  }
}
