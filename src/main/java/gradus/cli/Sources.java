package gradus.cli;

import gradus.io.IoErrors;
import gradus.lang.Diagnostics;
import gradus.lang.Span;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads a program's text from a file or standard input: UTF-8 only, an optional byte-order mark
 * skipped, at most {@link #MAX_BYTES} bytes (so {@code gradus /dev/zero} is an error, not an
 * exhausted heap). A file that cannot be a script is reported in SPEC §1's format, at the first
 * offending byte when there is one.
 */
final class Sources {
  private Sources() {}

  /** 64 MB: far more than any script, far less than the heap. */
  static final int MAX_BYTES = 64 << 20;

  /** Why a source cannot be run: {@code report} holds the §1 lines; a missing file is a usage error. */
  static final class Unreadable extends Exception {
    final boolean missing;
    final String report;

    Unreadable(boolean missing, String report) {
      super(report, null, false, false);
      this.missing = missing;
      this.report = report;
    }
  }

  static String read(Path file, String name) throws Unreadable {
    if (Files.isDirectory(file)) throw unreadable(name, "is a folder, not a script");
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, name);
    } catch (NoSuchFileException e) {
      throw new Unreadable(true, "gradus: no such file: " + name);
    } catch (IOException e) {
      throw unreadable(name, "cannot read the file: " + IoErrors.reason(e));
    }
  }

  static String read(InputStream in, String name) throws Unreadable, IOException {
    byte[] bytes = in.readNBytes(MAX_BYTES + 1);
    if (bytes.length > MAX_BYTES) {
      throw unreadable(name, "the input is larger than " + (MAX_BYTES >> 20) + " MB, too large for a script");
    }
    return decode(bytes, name);
  }

  /** Strict UTF-8 without a leading byte-order mark; NUL characters mean a binary file. */
  static String decode(byte[] bytes, String name) throws Unreadable {
    int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
    CharBuffer out = CharBuffer.allocate(bytes.length - start);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isError() && bytes.length >= 2 && ((bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE
        || (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF)) {
      throw unreadable(name, "the file is UTF-16 text (it starts with a UTF-16 byte-order mark); save it as UTF-8");
    }
    if (result.isError()) {
      String valid = out.flip().toString();
      int bad = bytes[in.position()] & 0xFF;
      String shown = new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8);
      throw new Unreadable(false, Diagnostics.format(name, shown, spanAt(valid, valid.length()),
          String.format("the file is not UTF-8 text: the byte 0x%02X cannot be read here (save it as UTF-8)", bad)));
    }
    decoder.flush(out);
    String text = out.flip().toString();
    int nul = text.indexOf('\0');
    if (nul >= 0) {
      throw new Unreadable(false, Diagnostics.format(name, text, spanAt(text, nul),
          "the file contains a NUL character, so it is not a script (is it a binary file?)"));
    }
    return text;
  }

  private static Unreadable unreadable(String name, String message) {
    return new Unreadable(false, Diagnostics.format(name, "", Span.NONE, message));
  }

  /** The line and code-point column of {@code text}'s char {@code index}, lines ending at '\n'. */
  static Span spanAt(String text, int index) {
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < index; i++) {
      if (text.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    int col = text.codePointCount(lineStart, index) + 1;
    return new Span(line, col, line, col + 1);
  }
}
