package gradus.cli.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gradus.interp.Session;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** kernel_info, complete, inspect and is_complete: the REPL's completer and help, in protocol form. */
class RepliesTest {
  final Wire wire = new Wire("", "hmac-sha256");
  final Session session = new Session(new PrintStream(new ByteArrayOutputStream()), new PrintStream(new ByteArrayOutputStream()));
  final Replies replies = new Replies(wire, session.interpreter());

  static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  @Test
  void kernelInfoNamesTheLanguageAndItsFiles() {
    ObjectNode info = replies.kernelInfo();
    assertThat(info.path("protocol_version").asText()).isEqualTo("5.3");
    JsonNode lang = info.path("language_info");
    assertThat(lang.path("name").asText()).isEqualTo("gradus");
    assertThat(lang.path("file_extension").asText()).isEqualTo(".opt");
    assertThat(lang.path("mimetype").asText()).isEqualTo("text/x-gradus");
  }

  @Test
  void completionOffersTheOptimizersThatStartWithTheWord() {
    ObjectNode reply = replies.complete("r = minimize(f, [1, 1], ada", 27);
    assertThat(texts(reply.path("matches"))).contains("adam", "adamax", "adagrad", "adadelta", "adamw")
        .allMatch(m -> m.startsWith("ada"));
    assertThat(reply.path("cursor_start").asInt()).isEqualTo(24);
    assertThat(reply.path("cursor_end").asInt()).isEqualTo(27);
    assertThat(reply.path("metadata").path("_jupyter_types_experimental").get(0).path("type").asText()).isEqualTo("function");
  }

  @Test
  void cursorPositionsCountCodePointsNotJavaChars() {
    // '𝑥' is one code point but two Java chars: Jupyter counts it once
    String code = "# 𝑥\nada";
    ObjectNode reply = replies.complete(code, 7);
    assertThat(texts(reply.path("matches"))).contains("adam");
    assertThat(reply.path("cursor_start").asInt()).isEqualTo(4);
    assertThat(reply.path("cursor_end").asInt()).isEqualTo(7);
  }

  @Test
  void theUsersOwnNamesComplete() {
    session.run("valley(x, y) = x^2 + 10*y^2", "In[1]");
    ObjectNode reply = replies.complete("minimize(val", 12);
    assertThat(texts(reply.path("matches"))).containsExactly("valley");
    assertThat(reply.path("metadata").path("_jupyter_types_experimental").get(0).path("type").asText()).isEqualTo("function");
  }

  @Test
  void openBracketsAreIncompleteAndSyntaxErrorsInvalid() {
    assertThat(replies.isComplete("f(x, y) = (x").path("status").asText()).isEqualTo("incomplete");
    assertThat(replies.isComplete("for i in 1..3 {\n  print(i)").path("status").asText()).isEqualTo("incomplete");
    assertThat(replies.isComplete("f(x, y) = (x)").path("status").asText()).isEqualTo("complete");
    assertThat(replies.isComplete("1 +* 2").path("status").asText()).isEqualTo("invalid");
    assertThat(replies.isComplete(":help adam").path("status").asText()).isEqualTo("complete");
  }

  @Test
  void inspectionShowsTheHelpOfTheNameOrOfTheEnclosingCall() {
    ObjectNode word = replies.inspect("adam", 2);
    assertThat(word.path("found").asBoolean()).isTrue();
    assertThat(word.path("data").path("text/plain").asText()).isEqualTo(gradus.cli.Help.topic("adam", session.interpreter()));
    ObjectNode call = replies.inspect("minimize(f, ", 12);
    assertThat(call.path("data").path("text/plain").asText()).contains("minimize");
    assertThat(replies.inspect("plots", 5).path("found").asBoolean()).isTrue();
    assertThat(replies.inspect("nosuch", 3).path("found").asBoolean()).isFalse();
  }

  @Test
  void inspectingABindingShowsItsValue() {
    session.run("g(x) = x^2 + 1", "In[1]");
    assertThat(replies.inspect("g", 1).path("data").path("text/plain").asText()).isEqualTo("g: function\nx^2 + 1");
  }
}
