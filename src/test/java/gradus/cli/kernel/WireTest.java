package gradus.cli.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Framing and HMAC signatures of the Jupyter wire protocol. */
class WireTest {
  static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void theSignatureIsHmacSha256OverTheFourPartsInOrder() {
    // RFC 4231, test case 2: HMAC-SHA256 with key "Jefe" of "what do ya want for nothing?"
    Wire wire = new Wire("Jefe", "hmac-sha256");
    assertThat(wire.sign(List.of(bytes("what do ya"), bytes(" want "), bytes("for nothing"), bytes("?"))))
        .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
  }

  @Test
  void aMessageSurvivesTheRoundTripWithItsIdentities() throws Wire.Refused {
    Wire wire = new Wire("secret", "hmac-sha256");
    ObjectNode content = wire.object().put("code", "print(1)");
    Message sent = wire.message(List.of(bytes("peer-1"), bytes("peer-2")), null, "execute_request", content);
    Message got = wire.parse(wire.frames(sent));
    assertThat(got.identities()).containsExactly(bytes("peer-1"), bytes("peer-2"));
    assertThat(got.type()).isEqualTo("execute_request");
    assertThat(got.header().path("version").asText()).isEqualTo("5.3");
    assertThat(got.content()).isEqualTo(content);
  }

  @Test
  void aReplyCarriesItsRequestsHeaderAsParent() throws Wire.Refused {
    Wire wire = new Wire("secret", "hmac-sha256");
    Message request = wire.message(List.of(), null, "kernel_info_request", wire.object());
    Message reply = wire.parse(wire.frames(wire.message(List.of(), request, "kernel_info_reply", wire.object())));
    assertThat(reply.parent()).isEqualTo(request.header());
    assertThat(reply.header().path("session").asText()).isEqualTo(wire.session);
  }

  @Test
  void aWrongKeyAnUnsignedMessageOrATamperedContentIsRefused() {
    Wire kernel = new Wire("secret", "hmac-sha256");
    Wire other = new Wire("other", "hmac-sha256");
    Wire unsigned = new Wire("", "hmac-sha256");
    Message m = other.message(List.of(), null, "execute_request", other.object().put("code", "1"));
    assertThatThrownBy(() -> kernel.parse(other.frames(m))).hasMessage("a message with a bad signature");
    assertThatThrownBy(() -> kernel.parse(unsigned.frames(m))).hasMessage("a message with a bad signature");
    List<byte[]> tampered = new ArrayList<>(kernel.frames(m));
    tampered.set(tampered.size() - 1, bytes("{\"code\": \"2\"}"));
    assertThatThrownBy(() -> kernel.parse(tampered)).hasMessage("a message with a bad signature");
  }

  @Test
  void withAnEmptyKeySignaturesAreEmpty() throws Wire.Refused {
    Wire wire = new Wire("", "hmac-sha256");
    List<byte[]> frames = wire.frames(wire.message(List.of(), null, "status", wire.object()));
    assertThat(frames.get(1)).isEmpty();
    assertThat(wire.parse(frames).type()).isEqualTo("status");
  }

  @Test
  void framesWithoutTheDelimiterOrWithoutJsonAreRefused() {
    Wire wire = new Wire("", "hmac-sha256");
    assertThatThrownBy(() -> wire.parse(List.of(bytes("{}"), bytes("{}"))))
        .hasMessage("a message without the <IDS|MSG> frames");
    List<byte[]> notJson = List.of(Wire.DELIMITER, bytes(""), bytes("{"), bytes("{}"), bytes("{}"), bytes("{}"));
    assertThatThrownBy(() -> wire.parse(notJson)).hasMessageStartingWith("a message part that is not JSON");
  }

  @Test
  void anUnknownSignatureSchemeIsAUserError() {
    assertThatThrownBy(() -> new Wire("k", "rsa-sha256")).isInstanceOf(KernelError.class)
        .hasMessageContaining("unsupported signature_scheme 'rsa-sha256'");
    assertThatThrownBy(() -> new Wire("k", "hmac-whirlpool")).isInstanceOf(KernelError.class);
  }
}
