package gradus.interp;

import static gradus.interp.Builtins.add;

import gradus.compile.CompiledFunction;
import gradus.compile.Interrupt;
import gradus.data.Dataset;
import gradus.plot.ContourPlot;
import gradus.plot.Landmarks;
import gradus.plot.Plot;
import gradus.plot.PlotException;
import gradus.plot.Plots;
import gradus.plot.Points;
import gradus.plot.Trace;
import gradus.optim.Result;
import gradus.sym.Signature;
import gradus.sym.VarSpec;
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

  /** Keywords every plot takes: its title, axis titles, size in inches, resolution, file. */
  private static final List<String> FRAME = List.of("title?", "xlabel?", "ylabel?", "size?", "dpi?", "out?");

  private static List<String> params(String... own) {
    List<String> all = new ArrayList<>(List.of(own));
    all.addAll(FRAME);
    return all;
  }

  static void register(Map<String, Builtin> t) {
    Plots.setNumberFormat(gradus.sym.Numbers::format);
    Plots.setCheckpoint(Interrupts::check);
    add(t, "contour", params("f", "x?", "y?", "paths?", "levels?", "log?", "points?", "color?", "at?", "zlabel?"),
        "contour(f, x=[a, b], y=[c, d], paths=[r1, r2], levels=20, log=false, points=d or critical_points(...), color=\"label\", at=params, out=\"c.png\")",
        a -> {
          Surface2 s = surface2(a);
          Landmarks marks = landmarks(a);
          return make(a, s.names, () -> {
            ContourPlot c = Plots.contour(s.f, s.xr, s.yr, traces(a), levels(a), a.bool("log", false), marks == null ? s.points : null);
            return marks == null ? c : c.landmarks(marks);
          });
        });
    add(t, "surface", params("f", "x?", "y?", "paths?", "colormap?", "at?", "zlabel?"),
        "surface(f, x=[-5, 5], y=[-5, 5], paths=[...], colormap=\"viridis\", out=\"s.png\")",
        a -> {
          Surface2 s = surface2(a);
          return make(a, s.names, () -> Plots.surface(s.f, s.xr, s.yr, traces(a), a.string("colormap", "viridis")));
        });
    add(t, "animate", params("f", "x?", "y?", "paths?", "levels?", "log?", "frames?", "delay?", "at?", "zlabel?"),
        "animate(f, x=[a, b], y=[c, d], paths=[r1, r2], frames=60, delay=100, out=\"a.gif\")",
        a -> {
          Surface2 s = surface2(a);
          long frames = a.integer("frames", 60);
          long delay = a.integer("delay", 100);
          if (frames < 2 || frames > 1000) throw a.error("frames", "frames must be between 2 and 1000, got " + frames);
          if (delay < 10 || delay > 10_000) throw a.error("delay", "delay must be between 10 and 10000 ms, got " + delay);
          return make(a, s.names, () -> Plots.animate(s.f, s.xr, s.yr, traces(a), levels(a), a.bool("log", false),
              (int) frames, (int) delay));
        });
    add(t, "convergence", params("runs", "metric?", "log?", "x?", "fstar?"),
        "convergence([r1, r2], metric=\"f\"|\"gnorm\"|\"gap\"|a state, log=true, x=\"iterations\"|\"epochs\"|\"evaluations\", fstar=f*, out=\"conv.png\")",
        a -> make(a, null, () -> {
          String metric = a.string("metric", "f");
          boolean state = !List.of("f", "gnorm", "gap").contains(metric);
          List<Trace> runs = state ? StateTraces.of(a, metric) : traces(a, "runs");
          if (metric.equals("f")) runs = withTests(a, runs);
          // per epoch only when every run has epochs: a full-batch run's values are per iteration
          boolean allEpochs = runs.stream().allMatch(Trace::perEpoch);
          String x = a.string("x", allEpochs ? "epochs" : "iterations");
          if (!List.of("iterations", "epochs", "evaluations").contains(x)) {
            throw a.error("x", "x must be \"iterations\", \"epochs\" or \"evaluations\", got \"" + x + "\"");
          }
          Double fstar = a.has("fstar") ? a.number("fstar") : null;
          if (state && fstar != null) throw a.error("fstar", "fstar= is the f* of metric=\"gap\"");
          Plot p = Plots.convergence(runs, state ? "f" : metric, a.bool("log", true), x, fstar);
          return state ? p.labels(null, StateTraces.title(a, metric), null) : p;
        }));
    add(t, "plot", params("g", "x?"), "plot(g, x=[a, b], out=\"g.png\"): a function of one variable; "
        + "plot(values) or plot(xs, ys): a line through numbers; plot(schedule, x=[1, 100]): its rates",
        a -> {
          if (a.get("g") instanceof OptimBuiltins.ScheduleValue s) return schedule(a, s);
          if (!(a.get("g") instanceof FunctionValue)) return line(a);
          FunctionValue g = function(a, "g", 1);
          String var = g.signature().ref(0).toString();
          return make(a, new String[] {var, null, null}, () -> {
            double[] xr = range(a, "x", new double[] {-5, 5});
            return Plots.plot1d(sampler1(g), xr, g.name() + "(" + var + ")");
          });
        });
    add(t, "figure", List.of("panels", "cols?", "title?", "size?", "dpi?", "out?"),
        "figure([p1, p2, p3], cols=3, out=\"fig.png\"): panels side by side",
        a -> make(a, null, () -> {
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

  /**
   * Builds the plot, then applies the frame keywords: axis titles ({@code names} are the defaults
   * from the function: x, y, value; null entries keep the plot's own), size in inches, dpi,
   * title; writes it when out= is given.
   */
  private static Value make(Args a, String[] names, Supplier<Plot> build) {
    Plot plot;
    try {
      plot = build.get();
      if (a.has("title")) plot.title(a.string("title"));
      String[] labels = names == null ? new String[3] : names.clone();
      if (a.has("xlabel")) labels[0] = a.string("xlabel");
      if (a.has("ylabel")) labels[1] = a.string("ylabel");
      if (a.has("zlabel")) labels[2] = a.string("zlabel");
      if (labels[0] != null || labels[1] != null || labels[2] != null) plot.labels(labels[0], labels[1], labels[2]);
      if (a.has("size")) {
        double[] inches = a.vector("size");
        if (inches.length != 2) throw a.error("size", "size= is [width, height] in inches, got " + inches.length + " numbers");
        plot.size((int) Math.round(inches[0] * 100), (int) Math.round(inches[1] * 100));
      }
      if (a.has("dpi")) plot.dpi((int) a.integer("dpi"));
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
      if (c instanceof gradus.sym.Cancel.Cancelled i) throw i;
    }
  }

  /**
   * A function of two variables with its ranges, ready to sample; {@code names} titles the axes
   * (x, y, value) and {@code points} is the data drawn over it, if any.
   */
  record Surface2(DoubleBinaryOperator f, double[] xr, double[] yr, String[] names, Points points) {}

  private static Surface2 surface2(Args a) {
    Value fv = a.get("f");
    if (fv instanceof SliceValue slice) return sliceSurface(a, slice);
    if (!(fv instanceof FunctionValue f) || !f.isDeclared()) {
      throw a.error("f", a.fn + " needs a declared function of two variables, got a " + fv.kind());
    }
    Points points = landmarks(a) != null ? null : points(a);
    double[][] box = box(traces(a), points);
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
      List<String> fields = flatNames(sig.fields());
      String[] names = points != null ? new String[] {points.xName(), points.yName(), f.name()}
          : new String[] {fields.get(0), fields.get(1), f.name()};
      double[] row = new double[2];
      return new Surface2((u, v) -> {
        Interrupts.check();
        row[0] = u;
        row[1] = v;
        return c.value(params, row, 0);
      }, xr, yr, names, points);
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
    }, xr, yr, new String[] {sig.ref(0).toString(), sig.ref(1).toString(), f.name()}, points);
  }

  /** Variables or fields one name per slot: a vector x[2] gives x[1], x[2]. */
  private static List<String> flatNames(List<VarSpec> specs) {
    List<String> out = new ArrayList<>();
    for (VarSpec v : specs) {
      if (v.isVector()) for (int i = 1; i <= v.size(); i++) out.add(v.name() + "[" + i + "]");
      else out.add(v.name());
    }
    return out;
  }

  /**
   * A slice over its coefficients (a, b): by default [-1, 1]² (the loss-landscape convention), or
   * the projected paths with a 20% margin.
   */
  private static Surface2 sliceSurface(Args a, SliceValue slice) {
    if (a.has("at")) throw a.error("at", "a slice already fixes its point; at= is for drawing a model over its data fields");
    double[][] box = box(traces(a), null);
    double[] xr = range(a, "x", box == null ? new double[] {-1, 1} : box[0]);
    double[] yr = range(a, "y", box == null ? new double[] {-1, 1} : box[1]);
    String[] titles = slice.axisTitles(a.fn.equals("surface"));
    return new Surface2(slice.sampler(), xr, yr, new String[] {titles[0], titles[1], null}, null);
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

  /** plot(values): a list against its position from 0 (matplotlib's plot(ys)); plot(xs, ys). */
  private static Value line(Args a) {
    double[] first = a.vector("g");
    if (!a.has("x")) {
      double[] xs = new double[first.length];
      for (int k = 0; k < xs.length; k++) xs[k] = k;
      return make(a, new String[] {"index", null, null}, () -> Plots.line(xs, first, "index", "value"));
    }
    double[] ys = a.vector("x");
    return make(a, null, () -> Plots.line(first, ys, "x", "y"));
  }

  /** plot(s, x=[1, 100]): the rate of each update t in the range, as a line. */
  private static Value schedule(Args a, OptimBuiltins.ScheduleValue s) {
    double[] r = range(a, "x", new double[] {1, 100});
    long lo = (long) Math.ceil(Math.max(1, r[0]));
    long hi = (long) Math.floor(r[1]);
    if (hi < lo) throw a.error("x", "a schedule is drawn over update numbers t >= 1; x=" + Printer.print(new Value.Vec(r)) + " has none");
    if (hi - lo > 1_000_000) throw a.error("x", "a schedule is drawn over at most 1000000 updates");
    double[] ts = new double[(int) (hi - lo + 1)];
    double[] rates = new double[ts.length];
    for (int k = 0; k < ts.length; k++) {
      ts[k] = lo + k;
      rates[k] = s.schedule().rate(lo + k);
    }
    return make(a, new String[] {"update t", null, null}, () -> Plots.line(ts, rates, "update t", s.schedule().describe()));
  }

  private static FunctionValue function(Args a, String name, int dims) {
    Value v = a.get(name);
    if (v instanceof FunctionValue d && !d.isDeclared() && d.scalarView() != null) v = d.scalarView();
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

  /** The paths= runs; on a slice, projected onto its plane. */
  private static List<Trace> traces(Args a) {
    if (!a.has("paths")) return List.of();
    List<Trace> runs = traces(a, "paths");
    if (!(a.get("f") instanceof SliceValue slice)) return runs;
    List<Trace> out = new ArrayList<>();
    for (Trace t : runs) out.add(slice.project(t, a.spanOf("paths")));
    return out;
  }

  private static List<Trace> traces(Args a, String name) {
    List<Trace> out = new ArrayList<>();
    Value v = a.get(name);
    List<Value> items = v instanceof ResultValue ? List.of(v) : a.items(name);
    for (Value item : items) {
      if (!(item instanceof ResultValue r)) throw a.error(name, name + "= takes results of minimize or compare, got a " + item.kind());
      out.add(trace(r.r()));
    }
    return out;
  }

  /** After each run trained with test=, its held-out loss as a curve of its own ("adam (test)"). */
  private static List<Trace> withTests(Args a, List<Trace> runs) {
    Value v = a.get("runs");
    List<Value> items = v instanceof ResultValue ? List.of(v) : a.items("runs");
    List<Trace> out = new ArrayList<>();
    for (int k = 0; k < runs.size(); k++) {
      Trace t = runs.get(k);
      if (items.get(k) instanceof ResultValue r && r.testValues() != null && t.values() != null
          && r.testValues().length == t.values().length) {
        out.add(new Trace(t.label() + " (train)", t.path(), t.values(), t.gnorms(), t.iterations(), t.epochs(),
            t.evaluations()));
        out.add(new Trace(t.label() + " (test)", t.path(), r.testValues(), t.gnorms(), t.iterations(), t.epochs(),
            t.evaluations()));
      } else {
        out.add(t);
      }
    }
    return out;
  }

  /**
   * A run for the plots. Each value's iteration number: from the path's in a full-batch run (its
   * values belong to the kept iterates); in a minibatch run the values are per epoch, epoch e
   * ending after e·(updates/epochs) iterations, after which it has made about that many updates
   * and e + 1 full-data passes (its evaluations).
   */
  static Trace trace(Result r) {
    double[] values = r.values();
    double[] gnorms = r.gnorms();
    int n = values == null ? 0 : values.length;
    double[] iterations = new double[n];
    double[] evaluations = new double[n];
    boolean minibatch = r.epochs() > 0 && r.batchLosses() != null && r.batchLosses().length > 0;
    if (minibatch) {
      double[] epochs = new double[n];
      double perEpoch = (double) r.iterations() / r.epochs();
      for (int e = 0; e < n; e++) {
        epochs[e] = e;
        iterations[e] = Math.round(e * perEpoch);
        evaluations[e] = Math.min(r.evaluations(), iterations[e] + e + 1);
      }
      return new Trace(r.label(), r.path(), values, gnorms, iterations, epochs, evaluations);
    }
    long[] its = r.pathIterations();
    long[] evs = r.extras().evaluations();
    for (int k = 0; k < n; k++) {
      iterations[k] = its != null && its.length == n ? its[k] : k;
      evaluations[k] = evs.length == n ? evs[k] : iterations[k] + 1;
    }
    return new Trace(r.label(), r.path(), values, gnorms, iterations, null, evaluations);
  }

  /**
   * The ranges to draw without x=/y=: the paths' bounding box widened by 20% on each side (room
   * for the contours around them), joined with the data points' box widened by 5% (matplotlib's
   * margin); null when there is neither.
   */
  private static double[][] box(List<Trace> traces, Points points) {
    List<double[]> pathPoints = new ArrayList<>();
    for (Trace t : traces) pathPoints.addAll(List.of(t.path()));
    double[][] a = box(pathPoints, 0.2);
    double[][] b = points == null ? null : box(List.of(points.xy()), 0.05);
    if (a == null) return b;
    if (b == null) return a;
    return new double[][] {{Math.min(a[0][0], b[0][0]), Math.max(a[0][1], b[0][1])},
        {Math.min(a[1][0], b[1][0]), Math.max(a[1][1], b[1][1])}};
  }

  private static double[][] box(List<double[]> pts, double margin) {
    double x0 = Double.POSITIVE_INFINITY, x1 = Double.NEGATIVE_INFINITY, y0 = x0, y1 = x1;
    for (double[] p : pts) {
      if (p == null || p.length < 2 || !Double.isFinite(p[0]) || !Double.isFinite(p[1])) continue;
      x0 = Math.min(x0, p[0]);
      x1 = Math.max(x1, p[0]);
      y0 = Math.min(y0, p[1]);
      y1 = Math.max(y1, p[1]);
    }
    if (!(x0 < x1) || !(y0 < y1)) return null;
    double mx = margin * (x1 - x0), my = margin * (y1 - y0);
    return new double[][] {{x0 - mx, x1 + mx}, {y0 - my, y1 + my}};
  }

  /** points= given critical points (one, or a list from critical_points): marked by kind. */
  private static Landmarks landmarks(Args a) {
    if (!a.has("points")) return null;
    Value v = a.get("points");
    List<Value> items = v instanceof CriticalPointValue ? List.of(v) : v instanceof Value.Lst l ? l.items() : null;
    if (items == null || items.isEmpty() || !items.stream().allMatch(i -> i instanceof CriticalPointValue)) return null;
    double[][] xy = new double[items.size()][];
    String[] kinds = new String[items.size()];
    for (int i = 0; i < xy.length; i++) {
      CriticalPointValue p = (CriticalPointValue) items.get(i);
      if (p.p().x().length != 2) {
        throw a.error("points", "points= marks critical points of a function of two variables; these have "
            + p.p().x().length + " coordinates");
      }
      xy[i] = p.p().x();
      kinds[i] = p.p().kind();
    }
    return new Landmarks(xy, kinds);
  }

  private static Points points(Args a) {
    if (!a.has("points")) return null;
    if (!(a.get("points") instanceof DataValue d)) {
      throw a.error("points", "points= takes a data set or critical points (from critical_points), got a " + a.get("points").kind());
    }
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
    return new Points(xy, color == null ? null : ds.column(color), coords.get(0), coords.get(1));
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

    boolean animation() {
      return what.equals("animate");
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
