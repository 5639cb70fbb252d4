package gradus.io;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes a file all at once or not at all: the content goes to a temporary sibling
 * {@code .NAME.PID-HEX.tmp} (perhaps with an extension after it), which is renamed over the target only when it is complete. So the
 * target is either its old self or the whole new content, whatever happens during the write.
 *
 * <p>The temporary file is removed on every path that can run code: a failed or interrupted
 * write deletes it at once, and a shutdown hook deletes the ones in progress when the JVM exits
 * on a signal (SIGINT, SIGTERM, SIGHUP). A SIGKILL runs nothing, so the name carries the writer's
 * process id: the next write into the same folder deletes the temporary files whose writer no
 * longer runs.
 */
public final class AtomicFile {
  private AtomicFile() {}

  /** Fills the temporary file; it exists and is empty when this is called. */
  @FunctionalInterface
  public interface Body {
    void write(Path tmp) throws IOException;
  }

  private static final long PID = ProcessHandle.current().pid();
  private static final Pattern OURS = Pattern.compile("\\..+\\.(\\d{1,19})-[0-9a-f]{1,16}\\.tmp(\\.[A-Za-z0-9]{1,8})?");
  private static final Set<Path> IN_PROGRESS = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(AtomicFile::removeInProgress, "gradus-temp-files"));
  }

  /**
   * Writes {@code target} through {@code body}. The folder must exist; errors of the folder, the
   * body and the rename propagate (the temporary file is gone by then).
   */
  public static void write(Path target, Body body) throws IOException {
    write(target, "", body);
  }

  /**
   * {@link #write(Path, Body)} with a temporary file whose name ends in {@code suffix} (such as
   * ".gif": some encoders add their extension to a name without one).
   */
  public static void write(Path target, String suffix, Body body) throws IOException {
    Path abs = target.toAbsolutePath();
    Path dir = abs.getParent();
    sweep(dir);
    Path tmp = dir.resolve("." + abs.getFileName() + "." + PID + "-"
        + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1) + ".tmp" + suffix);
    try {
      // not Files.createTempFile: its owner-only permissions would survive the rename
      Files.createFile(tmp);
    } catch (IOException e) {
      throw new FolderRefused(dir, e);
    }
    IN_PROGRESS.add(tmp);
    try {
      body.write(tmp);
      move(tmp, abs);
      IN_PROGRESS.remove(tmp);
    } catch (Throwable t) {
      try {
        Files.deleteIfExists(tmp);
        IN_PROGRESS.remove(tmp);
      } catch (IOException d) {
        t.addSuppressed(d); // left in IN_PROGRESS: the shutdown hook tries again
      }
      throw t;
    }
  }

  /** The folder does not take a new file (read-only, a pseudo file system such as /proc). */
  public static final class FolderRefused extends IOException {
    FolderRefused(Path dir, IOException cause) {
      super("the folder " + dir + " does not take new files (" + IoErrors.reason(cause) + ")", cause);
    }
  }

  /** The temporary files this process is writing now (for tests). */
  static Set<Path> inProgress() {
    return Set.copyOf(IN_PROGRESS);
  }

  /** True when {@code name} is one of our temporary files (by its pattern). */
  public static boolean isTemporaryName(String name) {
    return OURS.matcher(name).matches();
  }

  private static void move(Path tmp, Path target) throws IOException {
    try {
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** Deletes temporary files of ours in {@code dir} whose writer has died (killed mid-write). */
  static void sweep(Path dir) {
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, ".*.tmp*")) {
      for (Path p : files) {
        Matcher m = OURS.matcher(p.getFileName().toString());
        if (m.matches() && writerIsGone(Long.parseLong(m.group(1)), p)) Files.deleteIfExists(p);
      }
    } catch (IOException | DirectoryIteratorException | NumberFormatException e) {
      // Sweeping is housekeeping: a folder we cannot list or clean is reported by the write
      // itself if it matters, and a leftover file of a dead writer harms nothing but space.
      return;
    }
  }

  private static boolean writerIsGone(long pid, Path file) throws IOException {
    if (pid == PID) return false;
    Optional<ProcessHandle> writer = ProcessHandle.of(pid);
    if (writer.isEmpty() || !writer.get().isAlive()) return true;
    // the id may have been reused by a process that started after the file was last written
    Optional<Instant> started = writer.get().info().startInstant();
    return started.isPresent() && started.get().isAfter(Files.getLastModifiedTime(file).toInstant());
  }

  private static void removeInProgress() {
    for (Path tmp : IN_PROGRESS) {
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException e) {
        System.err.println("gradus: could not remove the temporary file " + tmp + ": " + IoErrors.reason(e));
      }
    }
  }
}
