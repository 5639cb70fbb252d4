package gradus.io;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;

/**
 * Why an I/O operation failed, as a short phrase ("permission denied", "no space left on
 * device"). Java's own messages are often just a file name ({@code AccessDeniedException}) or
 * carry a class name; users should read the reason, never the exception.
 */
public final class IoErrors {
  private IoErrors() {}

  public static String reason(IOException e) {
    if (e instanceof AtomicFile.FolderRefused) return e.getMessage();
    if (e instanceof AccessDeniedException) return "permission denied";
    if (e instanceof NoSuchFileException) return "no such file or folder";
    if (e instanceof NotDirectoryException) return "not a folder";
    if (e instanceof FileAlreadyExistsException) return "the file already exists";
    if (e instanceof DirectoryNotEmptyException) return "the folder is not empty";
    if (e instanceof FileSystemLoopException) return "the folders form a loop";
    if (e instanceof ClosedByInterruptException || e instanceof InterruptedIOException) return "interrupted";
    if (e instanceof CharacterCodingException) return "the text is not valid UTF-8";
    if (e instanceof FileSystemException f && f.getReason() != null) return lower(f.getReason());
    String m = e.getMessage();
    if (m == null || m.isBlank()) return "an input/output error";
    return lower(m);
  }

  /** "No space left on device" reads better mid-sentence as "no space left on device". */
  private static String lower(String reason) {
    String r = reason.strip();
    if (r.length() > 1 && Character.isUpperCase(r.charAt(0)) && !Character.isUpperCase(r.charAt(1))) {
      r = r.substring(0, 1).toLowerCase(Locale.ROOT) + r.substring(1);
    }
    return r;
  }
}
