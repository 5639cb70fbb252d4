package gradus.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./gradus} keeps a class-data archive beside the jar and uses it only while it matches
 * the jar, the JVM and its own recorded size: a truncated archive (which would crash the JVM
 * with SIGBUS) or one made for an older jar (which would be ignored, a slow start) is rebuilt.
 */
class LauncherIT {
  @TempDir Path dir;
  static final Path ROOT = Path.of("").toAbsolutePath();
  static final Path JSA = ROOT.resolve("target/gradus.jsa");
  static final Path ID = ROOT.resolve("target/gradus.jsa.id");

  /** The launcher rebuilds a jar older than the sources (mvn clean package): not in the middle of this build. */
  @org.junit.jupiter.api.BeforeEach
  void jarIsFresh() throws Exception {
    Gradus.Result newer = Gradus.shell(dir, 60, "find '" + ROOT.resolve("src/main") + "' '" + ROOT.resolve("grammar") + "' '"
        + ROOT.resolve("pom.xml") + "' -newer '" + ROOT.resolve("target/gradus.jar") + "' -print -quit");
    org.junit.jupiter.api.Assumptions.assumeTrue(newer.stdout().isEmpty(),
        "sources changed after the jar was built (" + newer.stdout().strip() + "): ./gradus would rebuild it mid-build");
  }

  private void printsOne() throws Exception {
    Gradus.Result r = Gradus.shell(dir, 120, "'" + ROOT.resolve("gradus") + "' -e 'print(1)'");
    assertThat(r.exit()).as(r.stderr()).isZero();
    assertThat(r.stdout()).isEqualTo("1\n");
    assertThat(r.stderr()).isEmpty();
  }

  /** The archive's size as its identity file records it. */
  private static long recordedSize() throws Exception {
    for (String line : Files.readAllLines(ID)) {
      if (line.startsWith("jsa ")) return Long.parseLong(line.split(" ")[1]);
    }
    throw new AssertionError("no jsa line in " + ID);
  }

  @Test
  void aTruncatedArchiveIsRebuiltNotMapped() throws Exception {
    printsOne();
    assertThat(recordedSize()).isEqualTo(Files.size(JSA));
    try (FileChannel c = FileChannel.open(JSA, StandardOpenOption.WRITE)) {
      c.truncate(Files.size(JSA) / 3);
    }
    printsOne();
    assertThat(Files.size(JSA)).isEqualTo(recordedSize()).isGreaterThan(1 << 20);
  }

  @Test
  void anArchiveOfAnOlderJarIsRebuilt() throws Exception {
    printsOne();
    String before = Files.readString(ID);
    Path jar = ROOT.resolve("target/gradus.jar");
    Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(1)));
    printsOne();
    assertThat(Files.readString(ID)).isNotEqualTo(before).contains("jsa " + Files.size(JSA) + " ");
  }

  /** Ctrl-C while the launcher records the archive ends it (exit 130): the script does not run after all. */
  @Test
  void ctrlCWhileTheArchiveIsMadeStopsTheLauncher() throws Exception {
    Files.deleteIfExists(JSA);
    Files.deleteIfExists(ID);
    Gradus.Result r = Gradus.shell(dir, 120, String.join("\n",
        "set -m",
        "'" + ROOT.resolve("gradus") + "' -e 'print(1)' > run.txt 2>&1 & pid=$!",
        "for i in $(seq 400); do pgrep -P $pid -f cds-warm-up > /dev/null && break; sleep 0.05; done",
        "pgrep -P $pid -f cds-warm-up > /dev/null && echo recording",
        "kill -INT $pid; wait $pid; echo \"exit $?\""));
    assertThat(r.stdout()).isEqualTo("recording\nexit 130\n");
    assertThat(Gradus.read(dir, "run.txt")).doesNotContain("1\n");
    try (var left = Files.list(JSA.getParent())) {
      assertThat(left.map(Path::toString)).noneMatch(f -> f.endsWith(".tmp"));
    }
    printsOne(); // and the next run makes the archive
    assertThat(Files.size(JSA)).isEqualTo(recordedSize());
  }
}
