package gradus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line of SPEC §1: files then -e snippets, exit codes, usage. */
class MainTest {
  @TempDir Path tmp;
  final ByteArrayOutputStream out = new ByteArrayOutputStream();
  final ByteArrayOutputStream err = new ByteArrayOutputStream();

  int run(String... args) {
    return Main.run(Main.parse(args), new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void filesRunInOrderInOneEnvironmentThenSnippets() throws IOException {
    Path a = Files.writeString(tmp.resolve("a.opt"), "x = 2\n");
    Path b = Files.writeString(tmp.resolve("b.opt"), "y = x * 3\n");
    assertThat(run("-e", "print(x + y)", a.toString(), b.toString())).isZero();
    assertThat(out.toString()).isEqualTo("8\n");
  }

  @Test
  void bareExpressionsAreSilentInScripts() {
    assertThat(run("-e", "1 + 1", "-e", "print(3)")).isZero();
    assertThat(out.toString()).isEqualTo("3\n");
  }

  @Test
  void programErrorsExitOneAndStopTheRun() {
    assertThat(run("-e", "print(1)", "-e", "print(nope)", "-e", "print(2)")).isEqualTo(1);
    assertThat(out.toString()).isEqualTo("1\n");
    assertThat(err.toString()).startsWith("<expr>:1:7: error: unknown name 'nope'").contains("print(nope)\n      ^~~~");
  }

  @Test
  void syntaxErrorsInAFileAreAllReportedWithTheFileName() throws IOException {
    Path bad = Files.writeString(tmp.resolve("bad.opt"), "print(1)\nx = 1 +\ny = (\nz = 1\n");
    assertThat(run(bad.toString())).isEqualTo(1);
    assertThat(out.toString()).isEmpty();
    assertThat(err.toString()).contains(bad + ":2:8: error: unexpected end of line")
        .contains(bad + ":3:5: error: this '(' is never closed");
  }

  @Test
  void usageErrorsExitTwo() {
    assertThat(run("--no-such-option")).isEqualTo(2);
    assertThat(err.toString()).contains("unknown option '--no-such-option'").contains("usage:");
    err.reset();
    assertThat(run(tmp.resolve("missing.opt").toString())).isEqualTo(2);
    assertThat(err.toString()).contains("no such file");
    assertThat(run("-e")).isEqualTo(2);
  }

  @Test
  void helpAndVersion() {
    assertThat(run("--help")).isZero();
    assertThat(out.toString()).contains("usage: gradus");
    out.reset();
    assertThat(run("--version")).isZero();
    assertThat(out.toString()).startsWith("gradus ");
  }

  @Test
  void deepNestingIsAnErrorNotACrash() {
    String deep = "print(" + "(".repeat(20000) + "1" + ")".repeat(20000) + ")";
    int status = run("-e", deep);
    assertThat(err.toString()).doesNotContain("Exception").doesNotContain("\tat ");
    if (status != 0) assertThat(err.toString()).contains("error:");
    else assertThat(out.toString()).isEqualTo("1\n");
  }

  @Test
  void theJupyterOptionsStandAloneAndNameWhatIsWrong() throws IOException {
    assertThat(run("--kernel")).isEqualTo(2);
    assertThat(err.toString()).contains("gradus: --kernel needs one connection FILE after it");
    assertThat(run("--install-kernel", "x.opt")).isEqualTo(2);
    assertThat(err.toString()).contains("gradus: --install-kernel takes nothing after it");
    Path missing = tmp.resolve("kernel-1.json");
    assertThat(run("--kernel", missing.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("gradus: no such connection file: " + missing);
    assertThat(run("--help")).isZero();
    assertThat(out.toString()).contains("gradus --install-kernel", "gradus --kernel FILE");
  }
}
