package gradus.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A save stopped by a signal halfway leaves the target as it was and no temporary file:
 * SIGINT stops the script (exit 130), SIGTERM runs the shutdown hooks, and after a SIGKILL, which
 * runs nothing, the next save into the folder removes what the killed one left.
 */
class SaveSignalsIT {
  @TempDir Path dir;

  static final String SAVE_LARGE = """
      v = randn(10000000)
      print("saving")
      save(v, "big.json")
      print("saved")
      """;

  private Process startLargeSave() throws Exception {
    Files.writeString(dir.resolve("big.json"), "the old content\n");
    Files.writeString(dir.resolve("save.opt"), SAVE_LARGE);
    Process p = Gradus.start(dir, "save.opt");
    assertThat(Gradus.awaitOutput(dir, "saving", 60)).as("the script reached the save").isTrue();
    assertThat(Gradus.awaitTemporaryFile(dir, 60)).as("the save began writing").isTrue();
    return p;
  }

  private void assertTargetIntact() throws Exception {
    assertThat(Files.readString(dir.resolve("big.json"))).isEqualTo("the old content\n");
    assertThat(Gradus.read(dir, "stdout.txt")).doesNotContain("saved");
  }

  /** Sends {@code signal} mid-save; the process ends with {@code status}, the target intact, no temporary file. */
  private void stopMidSave(String signal, int status) throws Exception {
    Process p = startLargeSave();
    Gradus.signal(p, signal);
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("stopped after SIG" + signal).isTrue();
    assertThat(p.exitValue()).isEqualTo(status);
    assertThat(Gradus.temporaryFiles(dir)).isEmpty();
    assertTargetIntact();
  }

  @Test
  void ctrlCStopsTheSaveAndLeavesNoTemporaryFile() throws Exception {
    stopMidSave("INT", 130);
    assertThat(Gradus.read(dir, "stderr.txt")).contains("save.opt:3:1: error: interrupted")
        .doesNotContain("Exception").doesNotContain("\tat ");
  }

  @Test
  void sigtermRemovesTheTemporaryFileOnTheWayOut() throws Exception {
    stopMidSave("TERM", 143);
  }

  @Test
  void afterASigkillTheNextSaveRemovesWhatTheKilledOneLeft() throws Exception {
    Process p = startLargeSave();
    Gradus.signal(p, "KILL");
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(Gradus.temporaryFiles(dir)).as("a SIGKILL runs no cleanup").hasSize(1);
    assertTargetIntact();

    Process next = Gradus.start(dir, "-e", "save([1, 2], \"small.json\")");
    assertThat(next.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(next.exitValue()).as(Gradus.read(dir, "stderr.txt")).isZero();
    assertThat(Gradus.temporaryFiles(dir)).isEmpty();
    assertThat(Files.readString(dir.resolve("small.json"))).contains("1").contains("2");
    assertTargetIntact();
  }
}
