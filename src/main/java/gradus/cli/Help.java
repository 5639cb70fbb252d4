package gradus.cli;

import gradus.interp.Builtin;
import gradus.interp.Interpreter;
import gradus.interp.Value;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The text of {@code :help} and {@code :vars}. */
public final class Help {
  private Help() {}

  static final String OVERVIEW = """
      Gradus: declare a function, differentiate it, minimize it, plot it.
        f(x, y) = x^2 - y^2            declare (vector variables: rosen(x[n]) = sum(i in 1..n-1, ...))
        grad(f)   hessian(f)   diff(f, x)   latex(f)
        r = minimize(f, [1, 1], adam(lr=0.1), steps=100)
        r.x  r.f  r.status  r.path       compare(f, [1, 1], [gd(lr=0.1), adam(lr=0.1)])
        contour(f, x=[-2, 2], y=[-2, 2], paths=[r], out="f.png")
      Topics:   :help language   :help optimizers   :help plots   :help data   :help minima   :help NAME
      Commands: :load FILE   :vars   :reset   :quit (or Ctrl-D)
      Ctrl-C stops a running optimization (its result keeps the path so far) or clears the line.""";

  static final String LANGUAGE = """
      Statements: f(x, y) = EXPR | f(x[n]; u, v) = EXPR | name = EXPR | EXPR
                  for i in 1..3 { ... }   if cond { ... } else if cond { ... } else { ... }
      Operators (lowest first): or, and, not, < <= > >= == !=, a..b, + -, * /, unary -, ^ (or **)
      Values: numbers, "strings", true/false, lists [1, 2], matrices [[1, 2], [3, 4]] (1-based indexing)
      In a function body: + - * / ^ abs sign min max exp log log1p sqrt sin cos tan asin acos atan
        sinh cosh tanh sigmoid softplus relu where(cond, a, b) sum(i in a..b, ...) prod(...)
      Linear algebra: norm dot transpose det inv solve eig len linspace
      Constants: pi e inf nan true false      print(a, b)  str(v)""";

  static final String PLOTS = """
      contour(f, x=[a, b], y=[c, d], paths=[r1, r2], levels=20, log=false, out="c.png")
      surface(f, x=[a, b], y=[c, d], paths=[...], colormap="viridis", out="s.png")
      convergence([r1, r2], metric="f"|"gnorm"|"gap", log=true)
      plot(g, x=[a, b])   figure([p1, p2, p3], cols=3)   animate(f, x=..., y=..., paths=[...], out="a.gif")
      out= takes .png .svg .pdf (.gif for animate); without it a window opens (or plot-N.png is written).""";

  static final String DATA = """
      d = csv("file.csv")      header row names the columns; d.rows, d.columns, d["col"], head(d, 5)
      moons(n, noise, seed)  xor_data(n, noise, seed)  blobs(n, centers, std, seed)  linear_data(n, w, b, noise, seed)
      loss(w, b; u, v) = (w*u + b - v)^2      fields name columns (u[k] takes u1..uk)
      r = minimize(loss, [0, 0], sgd(lr=0.1), data=d, batch=32, epochs=10, seed=1)
      loss(r.x, data=d)   predict(model, r.x, d)""";

  static final String MINIMA = """
      minimize(f, start, method, bounds=[lo, hi])    or bounds=[[lo1, hi1], ...]; -inf/inf allowed; lbfgs is L-BFGS-B
      nelder_mead()    multistart(f, bounds=[lo, hi], method=lbfgs(), n=100, seed=0)
      basinhopping(f, start, niter=100, stepsize=0.5, T=1)    differential_evolution(f, bounds=[lo, hi], seed=0)
        each returns its best result; r.runs holds every run it tried; seeds draw as NumPy's RandomState
      cps = critical_points(f, bounds=[lo, hi], n=200)    classify(f, p)    contour(f, points=cps)
      s = slice(f, at=p, dirs="random" | "pca" | [d1, d2], paths=[r1, r2], data=d)    contour(s, paths=[r1, r2])""";

  /** The text of {@code :help TOPIC} ({@code ""} for the overview), also the kernel's inspection. */
  public static String topic(String topic, Interpreter interp) {
    return switch (topic) {
      case "" -> OVERVIEW;
      case "language" -> LANGUAGE;
      case "plots" -> PLOTS;
      case "data" -> DATA;
      case "minima" -> MINIMA;
      case "optimizers" -> optimizers(interp);
      default -> {
        Builtin b = interp.builtins().get(topic);
        if (b != null) yield b.help();
        yield "no help on '" + topic + "'; try :help, :help language, :help optimizers, :help plots, :help data, :help minima";
      }
    };
  }

  static String optimizers(Interpreter interp) {
    StringBuilder out = new StringBuilder("Optimizers (defaults as in torch.optim; lr may be a schedule):\n");
    for (Builtin b : interp.builtins().values()) {
      if (b.help().startsWith("the ")) out.append("  ").append(b.help().replaceFirst("^the \\S+ optimizer: ", "")).append('\n');
    }
    out.append("Schedules:\n");
    for (Builtin b : interp.builtins().values()) {
      if (b.help().startsWith("a learning-rate schedule: ")) {
        out.append("  ").append(b.help().substring("a learning-rate schedule: ".length())).append('\n');
      }
    }
    out.append("Run: minimize(f, start, method, steps=1000, gtol=1e-6, label=..., bounds=[lo, hi])   compare(f, start, [m1, m2])");
    return out.toString();
  }

  static String vars(Interpreter interp) {
    Map<String, Value> shown = new TreeMap<>();
    for (Map.Entry<String, Value> e : interp.globals().entrySet()) {
      if (!Interpreter.PREDEFINED.contains(e.getKey()) || e.getValue() != Interpreter.predefined(e.getKey())) {
        shown.put(e.getKey(), e.getValue());
      }
    }
    if (shown.isEmpty()) return "no bindings yet";
    int width = shown.keySet().stream().mapToInt(String::length).max().orElse(0);
    StringBuilder out = new StringBuilder();
    for (Map.Entry<String, Value> e : shown.entrySet()) {
      String text = gradus.interp.Printer.print(e.getValue()).replace('\n', ' ');
      if (text.length() > 60) text = text.substring(0, 57) + "...";
      out.append(String.format("%-" + width + "s  %-10s  %s%n", e.getKey(), e.getValue().kind(), text));
    }
    return out.toString().stripTrailing();
  }

  static final List<String> TOPICS = List.of("language", "optimizers", "plots", "data", "minima");
}
