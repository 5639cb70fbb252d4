package gradus.cli.kernel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Turns messages into ZeroMQ frames and back, signing each with HMAC over its four JSON parts
 * (header, parent header, metadata, content) as the Jupyter protocol asks. A message whose
 * signature does not match is refused before anything reads its content.
 */
final class Wire {
  static final String PROTOCOL_VERSION = "5.3";
  static final byte[] DELIMITER = "<IDS|MSG>".getBytes(StandardCharsets.US_ASCII);

  final ObjectMapper json = new ObjectMapper();
  /** This kernel's session id, in the header of every message it sends. */
  final String session = UUID.randomUUID().toString();
  /** Null for an empty key: the protocol then sends and expects empty signatures. */
  private final SecretKeySpec key;

  Wire(String key, String scheme) {
    if (!scheme.toLowerCase(Locale.ROOT).startsWith("hmac-")) {
      throw new KernelError("unsupported signature_scheme '" + scheme + "' (Jupyter uses hmac-sha256)");
    }
    String algorithm = "Hmac" + scheme.substring(5).toUpperCase(Locale.ROOT);
    try {
      Mac.getInstance(algorithm);
    } catch (GeneralSecurityException e) {
      throw new KernelError("unsupported signature_scheme '" + scheme + "'");
    }
    this.key = key.isEmpty() ? null : new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), algorithm);
  }

  /** Why a received message was refused; it is logged and dropped, never answered. */
  static final class Refused extends Exception {
    Refused(String reason) {
      super(reason, null, false, false);
    }
  }

  Message parse(List<byte[]> frames) throws Refused {
    int delimiter = -1;
    for (int i = 0; i < frames.size(); i++) {
      if (Arrays.equals(frames.get(i), DELIMITER)) {
        delimiter = i;
        break;
      }
    }
    if (delimiter < 0 || frames.size() < delimiter + 6) throw new Refused("a message without the <IDS|MSG> frames");
    List<byte[]> parts = frames.subList(delimiter + 2, delimiter + 6);
    byte[] expected = sign(parts).getBytes(StandardCharsets.US_ASCII);
    if (!MessageDigest.isEqual(expected, frames.get(delimiter + 1))) throw new Refused("a message with a bad signature");
    return new Message(new ArrayList<>(frames.subList(0, delimiter)),
        object(parts.get(0)), object(parts.get(1)), object(parts.get(2)), object(parts.get(3)));
  }

  private ObjectNode object(byte[] part) throws Refused {
    try {
      JsonNode node = json.readTree(part);
      if (node == null || !node.isObject()) throw new Refused("a message part that is not a JSON object");
      return (ObjectNode) node;
    } catch (IOException e) {
      throw new Refused("a message part that is not JSON: " + e.getMessage());
    }
  }

  List<byte[]> frames(Message m) {
    List<byte[]> parts = List.of(bytes(m.header()), bytes(m.parent()), bytes(m.metadata()), bytes(m.content()));
    List<byte[]> out = new ArrayList<>(m.identities());
    out.add(DELIMITER);
    out.add(sign(parts).getBytes(StandardCharsets.US_ASCII));
    out.addAll(parts);
    return out;
  }

  private byte[] bytes(ObjectNode node) {
    try {
      return json.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a message tree that Jackson cannot write", e);
    }
  }

  String sign(List<byte[]> parts) {
    if (key == null) return "";
    try {
      Mac mac = Mac.getInstance(key.getAlgorithm());
      mac.init(key);
      for (byte[] p : parts) mac.update(p);
      return HexFormat.of().formatHex(mac.doFinal());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC became unavailable after start-up", e);
    }
  }

  /** A message from this kernel, in answer to {@code parent} (null: none). */
  Message message(List<byte[]> identities, Message parent, String type, ObjectNode content) {
    ObjectNode header = json.createObjectNode()
        .put("msg_id", UUID.randomUUID().toString())
        .put("session", session)
        .put("username", "gradus")
        .put("date", Instant.now().truncatedTo(ChronoUnit.MICROS).toString())
        .put("msg_type", type)
        .put("version", PROTOCOL_VERSION);
    ObjectNode parentHeader = parent == null ? json.createObjectNode() : parent.header();
    return new Message(identities, header, parentHeader, json.createObjectNode(), content);
  }

  ObjectNode object() {
    return json.createObjectNode();
  }
}
