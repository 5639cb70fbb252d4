package gradus.cli.kernel;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * What the interpreter prints, as the text of {@code stream} messages: bytes gather until a
 * flush (a println flushes), then go out as one piece of text.
 */
final class StdStream extends OutputStream {
  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
  private final Consumer<String> sink;

  StdStream(Consumer<String> sink) {
    this.sink = sink;
  }

  @Override
  public synchronized void write(int b) {
    buffer.write(b);
  }

  @Override
  public synchronized void write(byte[] b, int off, int len) {
    buffer.write(b, off, len);
  }

  @Override
  public synchronized void flush() {
    if (buffer.size() == 0) return;
    String text = buffer.toString(StandardCharsets.UTF_8);
    buffer.reset();
    sink.accept(text);
  }
}
