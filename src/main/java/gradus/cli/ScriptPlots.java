package gradus.cli;

import gradus.interp.PlotSinks;
import gradus.interp.Session;
import java.io.PrintStream;

/** Scripts write plots made without out= to plot-N.png (SPEC §7, §9). */
final class ScriptPlots {
  private ScriptPlots() {}

  static void install(Session session, PrintStream out) {
    session.interpreter().setPlotSink(PlotSinks.files(out));
  }
}
