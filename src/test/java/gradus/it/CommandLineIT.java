package gradus.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line against what only a real process meets: endless input, closed or full output, a small heap, signals. */
class CommandLineIT {
  @TempDir Path dir;

  static final String GRADUS = "'" + Gradus.java() + "' -XX:+UseSerialGC -jar '" + Gradus.JAR + "'";

  private static void assertNoTrace(String stderr) {
    assertThat(stderr).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("internal error");
  }

  @Test
  void endlessFilesAreRefusedNotRead() throws Exception {
    Gradus.Result file = Gradus.shell(dir, 60, GRADUS + " /dev/zero");
    assertThat(file.exit()).isEqualTo(1);
    assertThat(file.stderr()).isEqualTo("/dev/zero: error: the input is larger than 64 MB, too large for a script\n");
    Gradus.Result stdin = Gradus.shell(dir, 60, GRADUS + " < /dev/zero");
    assertThat(stdin.exit()).isEqualTo(1);
    assertThat(stdin.stderr()).isEqualTo("<stdin>: error: the input is larger than 64 MB, too large for a script\n");
  }

  @Test
  void aFullDiskIsReportedAndTheRunFails() throws Exception {
    Gradus.Result r = Gradus.shell(dir, 60, GRADUS + " -e 'print(1)' > /dev/full");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.stderr()).isEqualTo("gradus: cannot write the output: no space left on device; the run stopped\n");
  }

  @Test
  void aClosedPipeStopsTheRun() throws Exception {
    // 10^8 lines would take minutes; head takes one and closes the pipe
    Gradus.Result r = Gradus.shell(dir, 60,
        GRADUS + " -e 'for i in 1..100000000 { print(i) }' | head -1; echo \"gradus exit ${PIPESTATUS[0]}\" >&2");
    assertThat(r.exit()).as("finished well before the 60 s limit").isZero();
    assertThat(r.stdout()).isEqualTo("1\n");
    assertThat(r.stderr()).contains("gradus: cannot write the output: broken pipe; the run stopped").contains("gradus exit 1");
  }

  @Test
  void runningOutOfMemoryIsAnErrorNotATrace() throws Exception {
    Gradus.Result r = Gradus.shell(dir, 60, "'" + Gradus.java() + "' -Xmx64m -jar '" + Gradus.JAR
        + "' -e 'print(\"start\")' -e 'v = randn(100000000)'");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.stdout()).isEqualTo("start\n");
    assertThat(r.stderr()).startsWith("<expr>:1:1: error: out of memory: the computation needs more than the ");
    assertNoTrace(r.stderr());
  }

  @Test
  void ctrlCStopsAScriptWithStatus130() throws Exception {
    Files.writeString(dir.resolve("long.opt"), """
        f(x, y) = x^2 + 3*y^2
        print("started")
        r = minimize(f, [1, 1], gd(lr=1e-9), steps=100000000, gtol=0)
        print("after")
        """);
    Process p = Gradus.start(dir, "long.opt");
    assertThat(Gradus.awaitOutput(dir, "started", 60)).isTrue();
    Thread.sleep(500);
    Gradus.signal(p, "INT");
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isEqualTo(130);
    // the run returns its result with status "interrupted"; the script stops before the next statement
    assertThat(Gradus.read(dir, "stdout.txt")).isEqualTo("started\n");
    assertThat(Gradus.read(dir, "stderr.txt")).startsWith("long.opt:4:1: error: interrupted");
  }

  @Test
  void usageErrorsExitTwoAndBadFilesOne() throws Exception {
    assertThat(Gradus.shell(dir, 60, GRADUS + " --nope").exit()).isEqualTo(2);
    assertThat(Gradus.shell(dir, 60, GRADUS + " missing.opt").exit()).isEqualTo(2);
    Files.write(dir.resolve("latin1.opt"), new byte[] {'p', 'r', 'i', 'n', 't', '(', '"', (byte) 0xE9, '"', ')', '\n'});
    Gradus.Result bad = Gradus.shell(dir, 60, GRADUS + " latin1.opt");
    assertThat(bad.exit()).isEqualTo(1);
    assertThat(bad.stderr()).startsWith("latin1.opt:1:8: error: the file is not UTF-8 text: the byte 0xE9 cannot be read here");
    Gradus.Result folder = Gradus.shell(dir, 60, GRADUS + " .");
    assertThat(folder.exit()).isEqualTo(1);
    assertThat(folder.stderr()).isEqualTo(".: error: is a folder, not a script\n");
  }
}
