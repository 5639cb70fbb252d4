package gradus.interp;

import gradus.lang.GradusError;
import gradus.plot.PlotException;
import gradus.plot.Plots;
import java.io.PrintStream;
import java.nio.file.Path;

/** Where a plot made without out= goes: plot-N.png in the working directory, or a window. */
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
}
