package gradus.io;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** An output stream whose write errors surface as {@link OutputFailure} (see there why). */
public final class CheckedOutputStream extends FilterOutputStream {
  public CheckedOutputStream(OutputStream out) {
    super(out);
  }

  @Override
  public void write(int b) {
    try {
      out.write(b);
    } catch (IOException e) {
      throw new OutputFailure(e);
    }
  }

  @Override
  public void write(byte[] b, int off, int len) {
    try {
      out.write(b, off, len);
    } catch (IOException e) {
      throw new OutputFailure(e);
    }
  }

  @Override
  public void flush() {
    try {
      out.flush();
    } catch (IOException e) {
      throw new OutputFailure(e);
    }
  }
}
