package gradus.interp;

import gradus.lang.GradusError;
import gradus.plot.PlotException;
import gradus.plot.Plots;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import javax.imageio.ImageIO;

/** Where a plot made without out= goes: plot-N.png in the working directory, a window, or a notebook. */
public final class PlotSinks {
  private PlotSinks() {}

  /** Writes plot-1.png, plot-2.png, ... (counted per session) and prints each name. */
  public static Interpreter.PlotSink files(PrintStream out) {
    return files(out, null);
  }

  /** As {@link #files(PrintStream)}, in {@code dir} (null: the working directory). */
  public static Interpreter.PlotSink files(PrintStream out, Path dir) {
    int[] counter = {0};
    return v -> {
      PlotBuiltins.PlotValue p = (PlotBuiltins.PlotValue) v;
      String name = "plot-" + (++counter[0]) + ".png";
      try {
        p.save(dir == null ? Path.of(name).toAbsolutePath() : dir.resolve(name));
      } catch (PlotException e) {
        PlotBuiltins.rethrowInterrupt(e);
        throw new GradusError(null, e.getMessage());
      }
      out.println("wrote " + name);
    };
  }

  /** A window when a display is present, else files as {@link #files}. */
  public static Interpreter.PlotSink windowsOrFiles(PrintStream out) {
    Interpreter.PlotSink files = files(out);
    return v -> {
      if (Plots.displayAvailable()) {
        try {
          ((PlotBuiltins.PlotValue) v).show();
          return;
        } catch (PlotException | java.awt.HeadlessException e) {
          // no usable display after all: fall back to a file
        }
      }
      files.show(v);
    };
  }

  /** A plot as an inline picture: PNG bytes, or an animated GIF for animate(...). */
  public record Image(String mimeType, byte[] bytes, int width, int height, String text) {}

  /** Hands each plot to {@code sink} as an {@link Image} (the notebook kernel shows it inline). */
  public static Interpreter.PlotSink images(Consumer<Image> sink) {
    return v -> {
      PlotBuiltins.PlotValue p = (PlotBuiltins.PlotValue) v;
      try {
        sink.accept(p.animation() ? gif(p) : png(p));
      } catch (PlotException e) {
        throw new GradusError(null, e.getMessage());
      }
    };
  }

  private static Image png(PlotBuiltins.PlotValue p) {
    BufferedImage picture = p.plot().render();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      ImageIO.write(picture, "png", bytes);
    } catch (IOException e) {
      throw new PlotException("cannot encode the plot as PNG: " + e.getMessage(), e);
    }
    return new Image("image/png", bytes.toByteArray(), picture.getWidth(), picture.getHeight(), Printer.print(p));
  }

  /** The GIF encoder only writes files, so the animation goes through a temporary one. */
  private static Image gif(PlotBuiltins.PlotValue p) {
    Path tmp = null;
    try {
      tmp = Files.createTempFile("gradus-animation-", ".gif");
      p.plot().save(tmp);
      return new Image("image/gif", Files.readAllBytes(tmp), p.plot().width(), p.plot().height(), Printer.print(p));
    } catch (IOException e) {
      throw new PlotException("cannot make the animation: " + e.getMessage(), e);
    } finally {
      if (tmp != null && !tmp.toFile().delete()) tmp.toFile().deleteOnExit();
    }
  }
}
