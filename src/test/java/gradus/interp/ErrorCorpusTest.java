package gradus.interp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Malformed and ill-typed programs: each fails with SPEC §1's format and never a Java trace. */
class ErrorCorpusTest {
  private static final Pattern HEAD = Pattern.compile("<expr>:(\\d+):(\\d+): error: \\S.*");

  @ParameterizedTest
  @ValueSource(strings = {
      "print(1 +)", "x = ", "f(x = 3", "[1, 2", "print(\"abc)", "1 +* 2", "for i in { }", "if { }",
      "x = 3 @ 4", "f(x, y) = ", "else { }", "5.", "a b", "print(1))", "f(x[) = 1",
      "print(undefined_name)", "print(adma(lr=0.1))", "adam(lr=-0.1)", "adam(lr=0.1, bogus=1)", "gd(lr=\"fast\")",
      "print([1, 2, 3][0])", "print([1, 2, 3][4])", "print(\"a\" + 1)", "print([1, 2] + [1, 2, 3])", "x = 1; x(2)",
      "f(x) = x^2 + k", "n = 2.5\ng(x[n]) = x[1]", "g(x[3]) = x[4]", "g(x[0]) = 1", "f(x) = x[1]",
      "g(x[2]) = x + 1", "f(x, x) = x", "f(x) = \"s\"", "f(x) = [1, 2]", "f(x) = foo(x)",
      "f(x, y) = x*y\nprint(f(1))", "f(x, y) = x*y\nprint(f(1, 2, 3))", "f(x) = x^2\nr = minimize(f, [1, 2], gd())",
      "f(x) = x^2\nr = minimize(f, [1], 3)", "f(x) = x^2\nr = minimize(f, [1], gd(), steps=-1)",
      "f(x) = x^2\nr = minimize(f, [1], gd())\nprint(r.nope)", "print(det([[1, 2], [3, 4], [5, 6]]))",
      "print(inv([[1, 2], [2, 4]]))", "print(solve([[1, 0], [0, 1]], [1, 2, 3]))", "print(eig([[1, 2], [3, 4]]))",
      "print(grad(3))", "print(hessian(sin))", "f(x) = x\nprint(diff(f, y))", "print(linspace(0, 1, 0))",
      "print(sum(i in 1..3))", "d = csv(\"/no/such/file.csv\")", "print(1 < \"a\")", "if \"yes\" { print(1) }",
      "for i in 3 { }", "f(x, y) = x\ncontour(f, x=[1, 1], y=[0, 1])", "g(x, y, z) = x\ncontour(g)",
      "f(x, y) = x\ncontour(f, out=\"/no/such/dir/c.png\")", "print(len(3))", "save(1, \"out.txt\")",
      "print(-)", "print(())", "x = [[1, 2], [3]]\nprint(det(x))", "f(x) = x\nprint(f(\"a\"))",

      "g(t) = t\nplot(g, x=[0, 1])\nf(x, y) = x\nplot(f)",
      "f(x, y) = x\nr = multistart(f, bounds=[[1, 2], [3]])", "s = slice(3, at=[1])", "print(classify(sin, [1]))",
      "f(x, y) = x\nc = critical_points(f, bounds=\"a\")", "f(x, y) = x\ns = slice(f, at=[1, 2], dirs=\"pca\", paths=[1])",
      "f(x, y) = x\ncontour(f, points=[1])", "f(x, y) = x\nr = multistart(f, bounds=[0, 1], n=1e9)",
      "f(x, y) = x\nr = minimize(f, [0, 0], bounds=[[]])", "f(x, y) = x\nr = basinhopping(f, [0, 0], method=3)",
      "f(x, y) = x\nr = differential_evolution(f, bounds=[0, 1], seed=2^32)", "f(x, y) = x\nk = classify(f, [2, 0], bounds=[0, 1])",
      "f(x, y) = x\ns = slice(f, at=[1, 2], dirs=[[1, 0], [0, 1]])\nprint(s(1))", "f(x, y) = x\nr = minimize(f, [0, 0], nelder_mead(adaptive=1))",
  })
  void reportsInTheSpecFormat(String program) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Session s = new Session(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    boolean ok = s.run(program, "<expr>");
    String stderr = err.toString(StandardCharsets.UTF_8);
    assertThat(ok).as("%s should fail", program).isFalse();
    assertThat(stderr).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("internal error");
    String[] lines = stderr.split("\n");
    assertThat(lines.length).as("stderr of %s: %s", program, stderr).isGreaterThanOrEqualTo(3);
    var m = HEAD.matcher(lines[0]);
    assertThat(m.matches()).as("first line of %s: %s", program, lines[0]).isTrue();
    int line = Integer.parseInt(m.group(1));
    int col = Integer.parseInt(m.group(2));
    assertThat(lines[1]).isEqualTo(program.split("\n", -1)[line - 1]);
    assertThat(lines[2].indexOf('^')).as("caret of %s", program).isEqualTo(col - 1);
  }
}
