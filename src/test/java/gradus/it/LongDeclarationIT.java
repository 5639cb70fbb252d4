package gradus.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Declaring a body of 20,000 distinct terms takes seconds (simplifying, checking, then compiling
 * on the first call); Ctrl-C stops it there, not at the end of the statement.
 */
class LongDeclarationIT {
  @TempDir Path dir;

  @Test
  void ctrlCStopsTheDeclarationOfAHugeBody() throws Exception {
    Random r = new Random(1);
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < 20_000; i++) {
      if (i > 0) body.append(" + ");
      body.append(String.format(Locale.ROOT, "%.6f*sin(%.6f*x + %.6f)", 0.1 + r.nextDouble(), 0.1 + r.nextDouble(), r.nextDouble()));
    }
    Files.writeString(dir.resolve("huge.opt"), "print(\"declaring\")\nf(x) = " + body + "\nprint(\"declared\")\n");
    Process p = Gradus.start(dir, "huge.opt");
    assertThat(Gradus.awaitOutput(dir, "declaring", 60)).as("the script reached the declaration").isTrue();
    Thread.sleep(300);
    long t0 = System.nanoTime();
    Gradus.signal(p, "INT");
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    double seconds = (System.nanoTime() - t0) / 1e9;
    assertThat(p.exitValue()).isEqualTo(130);
    assertThat(Gradus.read(dir, "stderr.txt")).contains("huge.opt:2:1: error: interrupted").doesNotContain("\tat ");
    assertThat(Gradus.read(dir, "stdout.txt")).doesNotContain("declared");
    assertThat(seconds).as("seconds from Ctrl-C to the end").isLessThan(1.0);
  }
}
