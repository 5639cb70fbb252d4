package gradus.interp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random programs made of the language's tokens: whatever they are, the session answers with
 * output or errors in the §1 format, never an internal error or a Java trace.
 */
class FuzzProperty {
  private static final List<String> TOKENS = List.of(
      "f", "g", "x", "y", "n", "r", "d", "(", ")", "[", "]", "{", "}", ",", ";", "\n", "=", "==", "+", "-", "*",
      "/", "^", "**", "..", ".", "<", ">=", "!=", "and", "or", "not", "for", "in", "if", "else", "1", "0", "2.5",
      "1e-3", "\"s\"", "#c\n", "sum", "prod", "where", "grad", "hessian", "diff", "minimize", "compare", "adam",
      "gd", "lbfgs", "newton", "print", "len", "x[2]", "lr=", "steps=", "f(x, y) = ", "r = minimize(f, [1, 1], ",
      "moons(", "save(", "csv(", "latex(", "sin", "exp", "log", "abs", "relu", "inf", "nan", "pi", "θ", "i",
      "bounds=", "nelder_mead", "classify", "slice", "at=", "dirs=");

  @Provide
  Arbitrary<String> programs() {
    return Arbitraries.of(TOKENS).list().ofMinSize(1).ofMaxSize(40).map(ts -> String.join(" ", ts));
  }

  @Property(tries = 400)
  void neverAnInternalError(@ForAll("programs") String program) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Session s = new Session(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    boolean ok = s.run(program, "<fuzz>");
    String stderr = err.toString(StandardCharsets.UTF_8);
    assertThat(stderr).as(program).doesNotContain("internal error").doesNotContain("Exception").doesNotContain("\tat ");
    if (!ok) assertThat(stderr).as(program).matches("(?s)<fuzz>:\\d+:\\d+: error: .+\\n.*\\^.*");
  }
}
