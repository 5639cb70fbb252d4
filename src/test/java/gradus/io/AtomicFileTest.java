package gradus.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {
  @TempDir Path dir;

  private List<String> names() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void theTargetAppearsWholeAndNothingElseRemains() throws IOException {
    Path target = dir.resolve("a.json");
    AtomicFile.write(target, tmp -> {
      assertThat(tmp.getParent()).isEqualTo(dir);
      assertThat(AtomicFile.isTemporaryName(tmp.getFileName().toString())).isTrue();
      assertThat(target).doesNotExist();
      Files.writeString(tmp, "new");
    });
    assertThat(Files.readString(target)).isEqualTo("new");
    assertThat(names()).containsExactly("a.json");
    assertThat(AtomicFile.inProgress()).isEmpty();
  }

  @Test
  void aFailedWriteKeepsTheOldFileAndRemovesItsTemporaryFile() throws IOException {
    Path target = Files.writeString(dir.resolve("a.json"), "old");
    assertThatThrownBy(() -> AtomicFile.write(target, tmp -> {
      Files.writeString(tmp, "half");
      throw new IOException("disk full");
    })).hasMessage("disk full");
    assertThatThrownBy(() -> AtomicFile.write(target, tmp -> {
      throw new IllegalStateException("interrupted");
    })).hasMessage("interrupted");
    assertThat(Files.readString(target)).isEqualTo("old");
    assertThat(names()).containsExactly("a.json");
    assertThat(AtomicFile.inProgress()).isEmpty();
  }

  @Test
  void aFolderThatTakesNoFilesIsNamed() {
    Path target = dir.resolve("no-such-folder").resolve("a.json");
    assertThatThrownBy(() -> AtomicFile.write(target, tmp -> { }))
        .isInstanceOf(AtomicFile.FolderRefused.class)
        .hasMessageStartingWith("the folder " + target.getParent() + " does not take new files (");
  }

  @Test
  void theNextWriteRemovesWhatADeadWriterLeftAndNothingElse() throws IOException {
    long dead = deadPid();
    Path leftover = Files.writeString(dir.resolve(".big.json." + dead + "-1a2b.tmp"), "half");
    Path leftoverGif = Files.writeString(dir.resolve(".anim.gif." + dead + "-3c.tmp.gif"), "half");
    // pid 1 is alive and started long before this file was written: its file stays
    Path alive = Files.writeString(dir.resolve(".c.png.1-ff.tmp.png"), "in progress");
    Files.setLastModifiedTime(alive, FileTime.from(Instant.now()));
    // written before pid 1 started: that id now belongs to another process, the writer is gone
    Path reusedPid = Files.writeString(dir.resolve(".f.json.1-aa.tmp"), "half");
    Files.setLastModifiedTime(reusedPid, FileTime.from(Instant.parse("1971-01-01T00:00:00Z")));
    Path ours = Files.writeString(dir.resolve(".d.csv." + ProcessHandle.current().pid() + "-9.tmp"), "x");
    Path notOurs = Files.writeString(dir.resolve(".e.json.tmp"), "someone else's");
    AtomicFile.write(dir.resolve("small.json"), tmp -> Files.writeString(tmp, "[1]"));
    assertThat(leftover).doesNotExist();
    assertThat(leftoverGif).doesNotExist();
    assertThat(alive).exists();
    assertThat(notOurs).exists();
    assertThat(ours).as("this process's own files are left to it").exists();
    if (ProcessHandle.of(1).flatMap(h -> h.info().startInstant()).isPresent()) assertThat(reusedPid).doesNotExist();
    else assertThat(reusedPid).as("without a start time, a live pid's file is kept").exists();
  }

  /** A process id that no process has now. */
  private static long deadPid() {
    for (long pid = 4_000_000; ; pid--) {
      if (ProcessHandle.of(pid).isEmpty()) return pid;
    }
  }
}
