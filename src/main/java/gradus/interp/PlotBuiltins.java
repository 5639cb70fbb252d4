package gradus.interp;

import static gradus.interp.Builtins.add;

import gradus.compile.CompiledFunction;
import gradus.compile.Interrupt;
import gradus.data.Dataset;
import gradus.plot.Plot;
import gradus.plot.PlotException;
import gradus.plot.Plots;
import gradus.plot.Points;
import gradus.plot.Trace;
import gradus.sym.Signature;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Supplier;

/**
 * contour, surface, convergence, plot, figure, animate. A plot is written when {@code out=} is
 * given; otherwise a plot that is the value of a bare statement goes to the session's plot sink
 * (a window, or plot-N.png).
 */
final class PlotBuiltins {
  private PlotBuiltins() {}

  static void register(Map<String, Builtin> t) {
    Plots.setNumberFormat(gradus.sym.Numbers::format);
    Plots.setCheckpoint(Interrupts::check);
    add(t, "contour", List.of("f", "x?", "y?", "paths?", "levels?", "log?", "points?", "color?", "at?", "title?", "out?"),
        "contour(f, x=[a, b], y=[c, d], paths=[r1, r2], levels=20, log=false, points=d, color=\"label\", at=params, out=\"c.png\")",
        a -> make(a, () -> {
          Surface2 s = surface2(a);
          return Plots.contour(s.f, s.xr, s.yr, traces(a), levels(a), a.bool("log", false), points(a));
        }));
    add(t, "surface", List.of("f", "x?", "y?", "paths?", "colormap?", "at?", "title?", "out?"),
        "surface(f, x=[-5, 5], y=[-5, 5], paths=[...], colormap=\"viridis\", out=\"s.png\")",
        a -> make(a, () -> {
          Surface2 s = surface2(a);
          return Plots.surface(s.f, s.xr, s.yr, traces(a), a.string("colormap", "viridis"));
        }));
    add(t, "animate", List.of("f", "x?", "y?", "paths?", "levels?", "log?", "frames?", "delay?", "at?", "title?", "out?"),
        "animate(f, x=[a, b], y=[c, d], paths=[r1, r2], frames=60, delay=100, out=\"a.gif\")",
        a -> make(a, () -> {
          Surface2 s = surface2(a);
          long frames = a.integer("frames", 60);
          long delay = a.integer("delay", 100);
          if (frames < 2 || frames > 1000) throw a.error("frames", "frames must be between 2 and 1000, got " + frames);
          if (delay < 10 || delay > 10_000) throw a.error("delay", "delay must be between 10 and 10000 ms, got " + delay);
          return Plots.animate(s.f, s.xr, s.yr, traces(a), levels(a), a.bool("log", false), (int) frames, (int) delay);
        }));
    add(t, "convergence", List.of("runs", "metric?", "log?", "title?", "out?"),
        "convergence([r1, r2], metric=\"f\"|\"gnorm\"|\"gap\", log=true, out=\"conv.png\")",
        a -> make(a, () -> {
          String metric = a.string("metric", "f");
          if (!List.of("f", "gnorm", "gap").contains(metric)) {
            throw a.error("metric", "metric must be \"f\", \"gnorm\" or \"gap\", got \"" + metric + "\"");
          }
          boolean perEpoch = true;
          for (Value v : a.get("runs") instanceof ResultValue ? List.of(a.get("runs")) : a.items("runs")) {
            perEpoch &= v instanceof ResultValue r && r.r().epochs() > 0 && r.r().batchLosses() != null
                && r.r().batchLosses().length > 0;
          }
          return Plots.convergence(traces(a, "runs"), metric, a.bool("log", true), perEpoch ? "epoch" : "iteration");
        }));
    add(t, "plot", List.of("g", "x?", "title?", "out?"), "plot(g, x=[a, b], out=\"g.png\"): a function of one variable",
        a -> make(a, () -> {
          FunctionValue g = function(a, "g", 1);
          double[] xr = range(a, "x", new double[] {-5, 5});
          DoubleUnaryOperator f = sampler1(g);
          return Plots.plot1d(f, xr, g.name());
        }));
    add(t, "figure", List.of("panels", "cols?", "title?", "out?"), "figure([p1, p2, p3], cols=3, out=\"fig.png\"): panels side by side",
        a -> make(a, () -> {
          List<Plot> panels = new ArrayList<>();
          for (Value v : a.items("panels")) {
            if (!(v instanceof PlotValue p)) throw a.error("panels", "figure takes a list of plots, got a " + v.kind());
            panels.add(p.plot());
          }
          if (panels.isEmpty()) throw a.error("panels", "figure needs at least one plot");
          long cols = a.integer("cols", Math.min(3, panels.size()));
          if (cols < 1) throw a.error("cols", "cols must be >= 1, got " + cols);
          return Plots.figure(panels, (int) cols);
        }));
  }

  private static Value make(Args a, Supplier<Plot> build) {
    Plot plot;
    try {
      plot = build.get();
      if (a.has("title")) plot.title(a.string("title"));
    } catch (PlotException e) {
      rethrowInterrupt(e);
      throw e.argument() != null && a.has(e.argument()) ? a.error(e.argument(), e.getMessage()) : a.error(e.getMessage());
    }
    PlotValue v = new PlotValue(plot, a.fn);
    if (a.has("out")) {
      String out = a.string("out");
      try {
        plot.save(java.nio.file.Path.of(out).toAbsolutePath());
      } catch (PlotException e) {
        rethrowInterrupt(e);
        throw a.error("out", e.getMessage());
      } catch (java.nio.file.InvalidPathException e) {
        throw a.error("out", "cannot write \"" + out + "\": not a valid file name");
      }
      v.written = out;
    }
    return v;
  }

  /** Ctrl-C while a plot was drawn or written reaches the user as "interrupted", not as a plot error. */
  static void rethrowInterrupt(PlotException e) {
    for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
      if (c instanceof Interrupt.Interrupted i) throw i;
    }
  }

  /** A function of two variables with its ranges, ready to sample. */
  record Surface2(DoubleBinaryOperator f, double[] xr, double[] yr) {}

  private static Surface2 surface2(Args a) {
    Value fv = a.get("f");
    if (!(fv instanceof FunctionValue f) || !f.isDeclared()) {
      throw a.error("f", a.fn + " needs a declared function of two variables, got a " + fv.kind());
    }
    List<Trace> paths = traces(a);
    double[][] box = box(paths);
    double[] xr = range(a, "x", box == null ? new double[] {-5, 5} : box[0]);
    double[] yr = range(a, "y", box == null ? new double[] {-5, 5} : box[1]);
    Signature sig = f.signature();
    CompiledFunction c = f.compiled();
    if (a.has("at")) {
      if (sig.fieldCount() != 2) {
        throw a.error("f", a.fn + "(f, at=...) draws f over two data fields; " + f.name() + " has " + sig.fieldCount());
      }
      double[] params = a.vector("at");
      if (params.length != sig.dimension()) {
        throw a.error("at", "at= gives " + params.length + " parameters, but " + f.name() + " has " + sig.dimension());
      }
      double[] row = new double[2];
      return new Surface2((u, v) -> {
        Interrupts.check();
        row[0] = u;
        row[1] = v;
        return c.value(params, row, 0);
      }, xr, yr);
    }
    if (sig.dimension() != 2 || sig.fieldCount() != 0) {
      throw a.error("f", a.fn + " needs a function of two variables; " + f.name() + " takes "
          + FunctionValue.describeArity(sig) + (sig.fieldCount() > 0 ? " and data fields (draw it over its fields with at=params)" : ""));
    }
    double[] x = new double[2];
    double[] none = new double[0];
    return new Surface2((u, v) -> {
      Interrupts.check();
      x[0] = u;
      x[1] = v;
      return c.value(x, none, 0);
    }, xr, yr);
  }

  /** Samples a function of one variable that {@link #function} has checked. */
  private static DoubleUnaryOperator sampler1(FunctionValue g) {
    CompiledFunction c = g.compiled();
    double[] x = new double[1];
    double[] none = new double[0];
    return u -> {
      Interrupts.check();
      x[0] = u;
      return c.value(x, none, 0);
    };
  }

  private static FunctionValue function(Args a, String name, int dims) {
    Value v = a.get(name);
    if (v instanceof FunctionValue f && f.isDeclared()) {
      if (f.signature().dimension() != dims || f.signature().fieldCount() != 0) {
        throw a.error(name, a.fn + " needs a function of " + dims + " variable" + (dims == 1 ? "" : "s") + "; " + f.name()
            + " takes " + FunctionValue.describeArity(f.signature()));
      }
      return f;
    }
    throw a.error(name, a.fn + " needs a declared function, got a " + v.kind());
  }

  private static double[] range(Args a, String name, double[] fallback) {
    if (!a.has(name)) return fallback;
    double[] r = a.vector(name);
    if (r.length != 2) throw a.error(name, name + "= must be a range [a, b] of two numbers, got " + r.length);
    return r;
  }

  private static int levels(Args a) {
    long n = a.integer("levels", 20);
    if (n < 2 || n > 500) throw a.error("levels", "levels must be between 2 and 500, got " + n);
    return (int) n;
  }

  private static List<Trace> traces(Args a) {
    return a.has("paths") ? traces(a, "paths") : List.of();
  }

  private static List<Trace> traces(Args a, String name) {
    List<Trace> out = new ArrayList<>();
    Value v = a.get(name);
    List<Value> items = v instanceof ResultValue ? List.of(v) : a.items(name);
    for (Value item : items) {
      if (!(item instanceof ResultValue r)) throw a.error(name, name + "= takes results of minimize or compare, got a " + item.kind());
      out.add(new Trace(r.r().label(), r.r().path(), r.r().values(), r.r().gnorms()));
    }
    return out;
  }

  /** The bounding box of all paths' first two coordinates, widened by 20%; null without paths. */
  private static double[][] box(List<Trace> traces) {
    double x0 = Double.POSITIVE_INFINITY, x1 = Double.NEGATIVE_INFINITY, y0 = x0, y1 = x1;
    for (Trace t : traces) {
      for (double[] p : t.path()) {
        if (p.length < 2 || !Double.isFinite(p[0]) || !Double.isFinite(p[1])) continue;
        x0 = Math.min(x0, p[0]);
        x1 = Math.max(x1, p[0]);
        y0 = Math.min(y0, p[1]);
        y1 = Math.max(y1, p[1]);
      }
    }
    if (!(x0 < x1) || !(y0 < y1)) return null;
    double mx = 0.2 * (x1 - x0), my = 0.2 * (y1 - y0);
    return new double[][] {{x0 - mx, x1 + mx}, {y0 - my, y1 + my}};
  }

  private static Points points(Args a) {
    if (!a.has("points")) return null;
    if (!(a.get("points") instanceof DataValue d)) throw a.error("points", "points= takes a data set, got a " + a.get("points").kind());
    Dataset ds = d.data();
    String color = a.string("color", ds.hasColumn("label") ? "label" : null);
    if (color != null && !ds.hasColumn(color)) {
      throw a.error("color", "no column \"" + color + "\" in the data; the columns are " + String.join(", ", ds.columns()));
    }
    List<String> coords = new ArrayList<>();
    for (String c : ds.columns()) if (!c.equals(color) && coords.size() < 2) coords.add(c);
    if (coords.size() < 2) throw a.error("points", "points= needs two coordinate columns besides the colour column");
    double[] u = ds.column(coords.get(0));
    double[] v = ds.column(coords.get(1));
    double[][] xy = new double[ds.rows()][];
    for (int i = 0; i < xy.length; i++) xy[i] = new double[] {u[i], v[i]};
    return new Points(xy, color == null ? null : ds.column(color));
  }

  /** A plot as a value. {@code written} is the file it went to, if any. */
  static final class PlotValue implements Value.Obj {
    private final Plot plot;
    private final String what;
    String written;

    PlotValue(Plot plot, String what) {
      this.plot = plot;
      this.what = what;
    }

    Plot plot() {
      return plot;
    }

    public boolean written() {
      return written != null;
    }

    public String kind() {
      return "plot";
    }

    /** Writes the plot to a file; errors become user messages. */
    public void save(java.nio.file.Path file) {
      plot.save(file);
      written = file.toString();
    }

    public void show() {
      plot.show();
    }

    @Override
    public String toString() {
      String name = switch (what) {
        case "plot" -> "function plot";
        case "animate" -> "animation";
        case "figure" -> "figure";
        default -> what + " plot";
      };
      return "<" + name + (written != null ? ", written to " + written : "") + ">";
    }
  }
}
