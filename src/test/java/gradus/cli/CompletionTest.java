package gradus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import gradus.interp.Session;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What Tab offers where, without a terminal (the REPL and the kernel share {@link Completion}). */
class CompletionTest {
  @TempDir Path tmp;
  final Session session = new Session(new PrintStream(new ByteArrayOutputStream()), new PrintStream(new ByteArrayOutputStream()));

  List<String> complete(String before) {
    return Completion.complete(session.interpreter(), before);
  }

  void run(String code) {
    assertThat(session.run(code, "<test>")).isTrue();
  }

  @Test
  void specialFormsCompleteLikeBuiltIns() {
    assertThat(complete("di")).contains("diff");
    assertThat(complete("wh")).containsExactly("where");
    assertThat(complete("he")).contains("help", "hessian");
    assertThat(complete("x = su")).contains("sum", "surface");
  }

  @Test
  void afterADotTheFieldsOfThatValue() {
    run("f(x, y) = x^2 + y^2\nr = minimize(f, [1, 1], gd(lr=0.1), steps=2)\nrs = compare(f, [1, 1], [gd()], steps=1)\nd = linear_data(3)");
    assertThat(complete("r.")).contains("x", "f", "status", "path", "iterations").doesNotContain("r", "adam", "minimize");
    assertThat(complete("print(r.st")).containsExactlyInAnyOrder("state", "status");
    assertThat(complete("rs[1].gn")).containsExactly("gnorm", "gnorms");
    assertThat(complete("d.")).contains("rows", "columns", "x1", "y");
    assertThat(complete("f.")).isEmpty();      // a function has no fields
    assertThat(complete("nope.")).isEmpty();   // unbound: nothing, and no error
    assertThat(complete("for i in 1..")).contains("r", "len"); // a range, not a field
  }

  @Test
  void fieldCompletionRunsNoCalls() {
    run("count = 0");
    assertThat(Completion.inspect(session.interpreter(), "minimize(f, [1], gd())")).isNull();
    assertThat(Completion.inspect(session.interpreter(), "count")).isNotNull();
  }

  @Test
  void keywordArgumentsComeFirstAndGroupedApart() {
    run("f(x, y) = x^2 + y^2");
    List<Completion.Offer> offers = Completion.offers(session.interpreter(), "adam(");
    assertThat(offers.get(0).text()).isEqualTo("lr=");
    assertThat(offers.get(0).group()).isEqualTo("arguments");
    assertThat(offers.get(0).description()).isEqualTo("0.001");
    assertThat(offers).extracting(Completion.Offer::text).containsSubsequence("lr=", "amsgrad=", "f");
    // right after "(" only the arguments and your own names, not ~100 built-ins
    assertThat(offers).extracting(Completion.Offer::group).containsOnly("arguments", "yours");
    // a prefix reaches the built-ins again
    assertThat(complete("adam(lr=li")).contains("linspace", "linear_data");
  }

  @Test
  void argumentsAlreadyGivenAreNotOfferedAgain() {
    run("f(x, y) = x^2 + y^2");
    assertThat(complete("adam(lr=0.1, ")).doesNotContain("lr=").contains("beta1=");
    assertThat(complete("compare(f, [0, 0], [gd()], ")).contains("steps=").doesNotContain("f=", "start=", "methods=");
    assertThat(complete("minimize(f, [0], adam(lr=0.1), ")).contains("steps=", "gtol=").doesNotContain("lr=");
    assertThat(Completion.enclosingCall("compare(f, [1, 2], [gd(")).isEqualTo("gd");
  }

  @Test
  void diffOffersTheFunctionsVariables() {
    run("loss(w, b; u) = (w*u + b)^2");
    assertThat(complete("diff(loss, ")).startsWith("w", "b");
  }

  @Test
  void commandsAndHelpTopics() {
    assertThat(complete(":")).containsExactly(":help", ":load", ":save", ":vars", ":reset", ":quit");
    assertThat(complete(":s")).containsExactly(":save");
    assertThat(complete(":help op")).containsExactly("optimizers");
    assertThat(complete(":help ada")).contains("adam", "adamw", "adamax", "adagrad", "adadelta");
  }

  @Test
  void loadCompletesScriptsAndFoldersWithoutQuotes() throws IOException {
    Files.createDirectories(tmp.resolve("sub"));
    Files.writeString(tmp.resolve("seed.opt"), "x = 1\n");
    Files.writeString(tmp.resolve("sub/more.opt"), "y = 2\n");
    Files.writeString(tmp.resolve("notes.txt"), "not a script\n");
    String dir = tmp + "/";
    assertThat(complete(":load " + dir)).containsExactly(dir + "seed.opt", dir + "sub/");
    assertThat(complete(":load " + dir + "s")).containsExactly(dir + "seed.opt", dir + "sub/");
    assertThat(complete(":load " + dir + "sub/")).containsExactly(dir + "sub/more.opt");
    // after an opening quote the word starts inside it
    String quoted = ":load \"" + dir + "se";
    assertThat(Completion.wordStart(quoted)).isEqualTo(":load \"".length());
    assertThat(complete(quoted)).containsExactly(dir + "seed.opt");
    assertThat(complete(":save " + dir + "su")).containsExactly(dir + "sub/");
    assertThat(complete(":load /no/such/folder/x")).isEmpty();
    assertThat(Repl.Commands.unquote("\"a b.opt\"")).isEqualTo("a b.opt");
  }
}
