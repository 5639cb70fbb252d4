package gradus.cli.kernel;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * One message of the Jupyter protocol: the ZeroMQ routing identities before the
 * {@code <IDS|MSG>} delimiter, then the four JSON parts that the signature covers.
 */
record Message(List<byte[]> identities, ObjectNode header, ObjectNode parent, ObjectNode metadata, ObjectNode content) {

  String type() {
    return header.path("msg_type").asText("");
  }
}
