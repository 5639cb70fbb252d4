package gradus.interp;

import gradus.compile.CompiledFunction;
import gradus.lang.GradusError;
import gradus.lang.Span;
import gradus.plot.Trace;
import gradus.sym.Numbers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.function.DoubleBinaryOperator;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * {@code slice(f, at=p, dirs=[d1, d2])} (SPEC §10.5): the function {@code (a, b) -> f(p + a·d1 +
 * b·d2)} of two numbers, for loss-landscape pictures of models with many parameters (Li et al.,
 * "Visualizing the loss landscape of neural nets", 2018). With data, f is the mean loss over the
 * rows. It can be called ({@code s(0.5, -1)}), and contour, surface and animate draw it like a
 * function of two variables; the paths they are given are projected onto its plane: iterate x_k
 * is drawn at the least-squares coordinates (a, b) of {@code x_k - p} in span(d1, d2).
 */
final class SliceValue implements Value.Obj, Interpreter.HasFields {
  static final List<String> FIELDS = List.of("at", "dirs", "explained");

  private final FunctionValue f;
  private final double[] p;
  private final double[] d1;
  private final double[] d2;
  private final DataSupport.Packed data;
  private final String how;
  /** For PCA directions, the fraction of the paths' variance along each; else empty. */
  private final double[] explained;

  private SliceValue(FunctionValue f, double[] p, double[] d1, double[] d2, DataSupport.Packed data, String how,
      double[] explained) {
    this.f = f;
    this.p = p;
    this.d1 = d1;
    this.d2 = d2;
    this.data = data;
    this.how = how;
    this.explained = explained;
  }

  static void register(Map<String, Builtin> t) {
    Builtins.add(t, "slice", List.of("f", "at", "dirs?", "paths?", "seed?", "data?"),
        "slice(f, at=p, dirs=[d1, d2] or \"random\" or \"pca\", paths=[r1, r2], seed=0, data=d): the function"
            + " (a, b) -> f(p + a*d1 + b*d2), for contour and surface plots of many-parameter models",
        SliceValue::make);
  }

  private static Value make(Args a) {
    FunctionValue f = SearchBuiltins.declared(a);
    int n = f.signature().dimension();
    double[] p = a.vector("at");
    if (p.length != n) {
      throw a.error("at", "at= gives " + p.length + " number" + (p.length == 1 ? "" : "s") + ", but " + f.name()
          + " takes " + FunctionValue.describeArity(f.signature()));
    }
    DataSupport.Packed data = null;
    if (a.has("data")) {
      data = DataSupport.pack(f, a.get("data"), a.spanOf("data"));
    } else if (f.signature().fieldCount() > 0) {
      throw a.error("f", f.name() + " has data fields (" + FunctionValue.names(f.signature().fields())
          + "): give the data with data=... to slice its mean loss");
    }
    Value dirs = a.get("dirs", new Value.Str("random"));
    if (dirs instanceof Value.Str s) {
      return switch (s.s()) {
        case "random" -> random(a, f, p, data);
        case "pca" -> pca(a, f, p, data);
        default -> throw a.error("dirs", "dirs must be [d1, d2], \"random\" or \"pca\", got \"" + s.s() + "\"");
      };
    }
    if (a.has("paths")) throw a.error("paths", "paths= chooses PCA directions; with dirs=[d1, d2] give the paths to contour");
    if (a.has("seed")) throw a.error("seed", "seed= draws random directions; it does nothing with dirs=[d1, d2]");
    double[][] d = a.matrix("dirs");
    if (d.length != 2 || d[0].length != n) {
      throw a.error("dirs", "dirs= needs two directions of " + n + " numbers each, got " + d.length + " of "
          + (d.length == 0 ? 0 : d[0].length));
    }
    checkIndependent(a, d[0], d[1]);
    return new SliceValue(f, p, d[0], d[1], data, "given directions", new double[0]);
  }

  /** Two seeded normal directions (as randn(n, seed) draws them, d1 then d2), each scaled to |p|. */
  private static Value random(Args a, FunctionValue f, double[] p, DataSupport.Packed data) {
    if (a.has("paths")) throw a.error("paths", "paths= chooses PCA directions: give dirs=\"pca\" with it");
    int n = p.length;
    if (n < 2) throw a.error("f", "a slice needs a function of at least two numbers; " + f.name() + " takes " + n);
    double norm = Math.sqrt(dot(p, p));
    if (!(norm > 0)) {
      throw a.error("at", "random directions are scaled to the norm of at=, which is 0 here; give dirs=[d1, d2]");
    }
    long seed = a.integer("seed", 0);
    java.util.Random random = new java.util.Random(seed);
    double[] d1 = new double[n];
    double[] d2 = new double[n];
    for (int i = 0; i < n; i++) d1[i] = random.nextGaussian();
    for (int i = 0; i < n; i++) d2[i] = random.nextGaussian();
    scale(d1, norm / Math.sqrt(dot(d1, d1)));
    scale(d2, norm / Math.sqrt(dot(d2, d2)));
    return new SliceValue(f, p, d1, d2, data, "random directions (seed " + seed + ")", new double[0]);
  }

  /**
   * The two principal directions of the paths' iterates relative to p (as scikit-learn's PCA:
   * rows x_k - p, centred, the top two eigenvectors of their covariance, each with its largest
   * entry positive); unit vectors.
   */
  private static Value pca(Args a, FunctionValue f, double[] p, DataSupport.Packed data) {
    if (!a.has("paths")) throw a.error("dirs", "dirs=\"pca\" takes its directions from runs: give paths=[r1, r2, ...]");
    if (a.has("seed")) throw a.error("seed", "seed= draws random directions; it does nothing with dirs=\"pca\"");
    int n = p.length;
    List<double[]> rows = new ArrayList<>();
    Value v = a.get("paths");
    for (Value item : v instanceof ResultValue ? List.of(v) : a.items("paths")) {
      if (!(item instanceof ResultValue r)) throw a.error("paths", "paths= takes results of minimize or compare, got a " + item.kind());
      for (double[] x : r.r().path()) {
        if (x.length != n) {
          throw a.error("paths", "run '" + r.r().label() + "' has points of " + x.length + " numbers, but " + f.name()
              + " takes " + n);
        }
        rows.add(x);
      }
    }
    if (rows.size() < 3) throw a.error("paths", "dirs=\"pca\" needs at least 3 iterates in the paths, got " + rows.size());
    double[] mean = new double[n];
    for (double[] x : rows) for (int i = 0; i < n; i++) mean[i] += (x[i] - p[i]) / rows.size();
    DMatrixRMaj cov = new DMatrixRMaj(n, n);
    for (double[] x : rows) {
      for (int i = 0; i < n; i++) {
        double ui = x[i] - p[i] - mean[i];
        for (int j = 0; j < n; j++) cov.data[i * n + j] += ui * (x[j] - p[j] - mean[j]);
      }
    }
    EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, true, true);
    if (!eig.decompose(cov)) throw a.error("paths", "could not find the principal directions of these paths");
    Integer[] order = new Integer[n];
    double total = 0;
    for (int k = 0; k < n; k++) {
      order[k] = k;
      total += Math.max(0, eig.getEigenvalue(k).getReal());
    }
    java.util.Arrays.sort(order, (x, y) -> Double.compare(eig.getEigenvalue(y).getReal(), eig.getEigenvalue(x).getReal()));
    double l1 = eig.getEigenvalue(order[0]).getReal();
    double l2 = eig.getEigenvalue(order[1]).getReal();
    if (!(l2 > 1e-12 * Math.max(l1, Double.MIN_NORMAL))) {
      throw a.error("paths", "the paths move along one direction only, so they span no plane; give dirs=[d1, d2]");
    }
    double[] d1 = signed(eig.getEigenVector(order[0]).data.clone());
    double[] d2 = signed(eig.getEigenVector(order[1]).data.clone());
    return new SliceValue(f, p, d1, d2, data, "PCA directions of the paths", new double[] {l1 / total, l2 / total});
  }

  private static double[] signed(double[] d) {
    int big = 0;
    for (int i = 1; i < d.length; i++) if (Math.abs(d[i]) > Math.abs(d[big])) big = i;
    double norm = Math.sqrt(dot(d, d));
    scale(d, (d[big] < 0 ? -1 : 1) / norm);
    return d;
  }

  private static void checkIndependent(Args a, double[] d1, double[] d2) {
    double g11 = dot(d1, d1);
    double g22 = dot(d2, d2);
    double g12 = dot(d1, d2);
    if (!(g11 * g22 - g12 * g12 > 1e-12 * g11 * g22)) {
      throw a.error("dirs", "the two directions must span a plane, but they are " + (g11 == 0 || g22 == 0 ? "zero" : "parallel"));
    }
  }

  public String kind() {
    return "slice";
  }

  String name() {
    return "slice of " + f.name();
  }

  /**
   * The sampling function (a, b) -> f(p + a·d1 + b·d2); not thread-safe itself. A mean over many
   * rows is split into one block of rows per core, each block with its own compiled copy of f
   * (compiled code is not thread-safe), summed in block order so the value does not depend on
   * timing.
   */
  DoubleBinaryOperator sampler() {
    CompiledFunction c = f.compiled();
    double[] x = new double[p.length];
    double[] none = new double[0];
    if (data == null) {
      return (u, v) -> {
        point(u, v, x);
        return c.value(x, none, 0);
      };
    }
    int rows = data.count();
    int blocks = rows >= 64 ? Math.min(Runtime.getRuntime().availableProcessors(), rows / 32) : 1;
    if (blocks <= 1) {
      return (u, v) -> {
        point(u, v, x);
        return rowSum(c, x, 0, rows) / rows;
      };
    }
    List<CompiledFunction> copies = new ArrayList<>(List.of(c));
    for (int k = 1; k < blocks; k++) copies.add(c.copy());
    ForkJoinPool pool = ForkJoinPool.commonPool();
    return (u, v) -> {
      point(u, v, x);
      List<ForkJoinTask<Double>> parts = new ArrayList<>(blocks);
      for (int k = 1; k < blocks; k++) {
        CompiledFunction ck = copies.get(k);
        int from = k * rows / blocks;
        int to = (k + 1) * rows / blocks;
        parts.add(pool.submit(() -> rowSum(ck, x, from, to)));
      }
      double sum = rowSum(c, x, 0, rows / blocks);
      for (ForkJoinTask<Double> t : parts) sum += t.join();
      return sum / rows;
    };
  }

  private void point(double u, double v, double[] x) {
    for (int i = 0; i < x.length; i++) x[i] = p[i] + u * d1[i] + v * d2[i];
  }

  private double rowSum(CompiledFunction c, double[] x, int from, int to) {
    double sum = 0;
    for (int r = from; r < to; r++) sum += c.value(x, data.rows(), r * data.stride());
    return sum;
  }

  /** A run's path as the plane's coordinates: the least-squares (a, b) of x_k - p, row by row. */
  Trace project(Trace t, Span span) {
    double g11 = dot(d1, d1);
    double g22 = dot(d2, d2);
    double g12 = dot(d1, d2);
    double det = g11 * g22 - g12 * g12;
    double[][] out = new double[t.path().length][];
    for (int k = 0; k < out.length; k++) {
      double[] x = t.path()[k];
      if (x.length != p.length) {
        throw new GradusError(span, "run '" + t.label() + "' has points of " + x.length + " numbers, but the slice is of "
            + f.name() + ", which takes " + p.length);
      }
      double r1 = 0;
      double r2 = 0;
      for (int i = 0; i < x.length; i++) {
        double v = x[i] - p[i];
        r1 += d1[i] * v;
        r2 += d2[i] * v;
      }
      out[k] = new double[] {(g22 * r1 - g12 * r2) / det, (g11 * r2 - g12 * r1) / det};
    }
    return new Trace(t.label(), out, t.values(), t.gnorms());
  }

  /** {@code s(a, b)} or {@code s([a, b])}. */
  Value call(List<Value> positional, List<Span> spans, Map<String, Value> keywords, Map<String, Span> keywordSpans,
      Span span) {
    if (!keywords.isEmpty()) {
      String k = keywords.keySet().iterator().next();
      throw new GradusError(keywordSpans.get(k), name() + " takes no argument '" + k + "'");
    }
    double[] ab = FunctionValue.flatten(positional, spans);
    if (ab.length != 2) throw new GradusError(span, name() + " takes 2 numbers (a, b), got " + ab.length);
    return new Value.Num(sampler().applyAsDouble(ab[0], ab[1]));
  }

  @Override
  public Value field(String name, Span span) {
    return switch (name) {
      case "at" -> new Value.Vec(p.clone());
      case "dirs" -> new Value.Mat(new double[][] {d1.clone(), d2.clone()});
      case "explained" -> new Value.Vec(explained.clone());
      default -> throw new GradusError(span, "a slice has no field '" + name + "'" + Suggest.hint(name, FIELDS)
          + "; its fields are " + String.join(", ", FIELDS));
    };
  }

  /** Axis titles for plots of the slice; brief ones for the 3-D view. */
  String[] axisTitles(boolean brief) {
    if (brief) return explained.length == 2 ? new String[] {"PC1", "PC2"} : new String[] {"a", "b"};
    if (explained.length == 2) {
      return new String[] {"PC1 (" + percent(explained[0]) + " of the variance)", "PC2 (" + percent(explained[1]) + ")"};
    }
    return new String[] {"a (along direction 1)", "b (along direction 2)"};
  }

  private static String percent(double v) {
    return Numbers.format(Math.round(v * 1000) / 10.0) + "%";
  }

  @Override
  public String toString() {
    return "<slice of " + f.name() + " through a point of " + p.length + " numbers, along " + how
        + (data != null ? ", mean over " + data.count() + " rows" : "") + ">";
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) s += a[i] * b[i];
    return s;
  }

  private static void scale(double[] a, double c) {
    for (int i = 0; i < a.length; i++) a[i] *= c;
  }
}
