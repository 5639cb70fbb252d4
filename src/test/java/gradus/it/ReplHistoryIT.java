package gradus.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A history file that cannot be read or written costs one warning line, never the session or a trace. */
class ReplHistoryIT {
  @TempDir Path home;

  @BeforeEach
  void needsTmux() {
    Assumptions.assumeTrue(Tmux.available(), "tmux is needed for the terminal tests (apt-get install tmux; .ci/run does)");
  }

  private void sessionWorksWithOneWarning(Path asHome, String warning) throws Exception {
    try (Tmux t = Tmux.start("gradus-history", home, ReplTerminalIT.command(asHome))) {
      assertThat(t.await("gradus> ", 1, 60)).as(t.screen()).isTrue();
      t.line("print(6*7)");
      t.line("print(7*8)");
      assertThat(t.await("56", 1, 30)).as(t.screen()).isTrue();
      t.line(":quit");
      assertThat(t.await("EXIT=0", 1, 30)).as(t.screen()).isTrue();
      String screen = t.screen();
      assertThat(screen).contains("42").doesNotContain("Exception").doesNotContain("\tat ");
      assertThat(Tmux.count(screen, "gradus: ")).as(screen).isEqualTo(1);
      assertThat(screen).contains(warning);
    }
  }

  @Test
  void historyThatIsNotUtf8() throws Exception {
    Files.write(home.resolve(".gradus_history"), new byte[] {'x', '\n', (byte) 0xFF, (byte) 0xFE, '\n'});
    sessionWorksWithOneWarning(home, "cannot read the history file " + home.resolve(".gradus_history")
        + " (the text is not valid UTF-8); this session's history is kept in memory only");
  }

  @Test
  void aFolderWhereTheHistoryFileShouldBe() throws Exception {
    Files.createDirectory(home.resolve(".gradus_history"));
    sessionWorksWithOneWarning(home, "cannot read the history file " + home.resolve(".gradus_history"));
  }

  @Test
  void historyThatCannotBeWritten() throws Exception {
    // a home that is a file: the history cannot be created there, whoever runs the test (root too)
    Path notAFolder = Files.writeString(home.resolve("plain-file"), "");
    sessionWorksWithOneWarning(notAFolder, "cannot save the history to " + notAFolder.resolve(".gradus_history"));
  }
}
