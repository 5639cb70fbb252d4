package gradus.interp;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The text of {@code :help TOPIC} and {@code help(NAME)}: the overview, the topics, every built-in,
 * the special forms and the user's own bindings. The REPL, scripts and the notebook kernel all
 * ask here, so help reads the same everywhere.
 */
public final class HelpTopics {
  private HelpTopics() {}

  static final String OVERVIEW = """
      Gradus: declare a function, differentiate it, minimize it, plot it.
        f(x, y) = x^2 - y^2            declare (vector variables: rosen(x[n]) = sum(i in 1..n-1, ...))
        grad(f)   hessian(f)   diff(f, x)   latex(f)
        r = minimize(f, [1, 1], adam(lr=0.1), steps=100)
        r.x  r.f  r.status  r.path       compare(f, [1, 1], [gd(lr=0.1), adam(lr=0.1)])
        contour(f, x=[-2, 2], y=[-2, 2], paths=[r], out="f.png")
      Topics:   :help language   :help models   :help optimizers   :help plots   :help data   :help minima   :help repl   :help NAME
      Commands: :load FILE   :save FILE   :vars   :reset   :quit (or Ctrl-D)
      Ctrl-C stops a running optimization (its result keeps the path so far) or clears the line.""";

  static final String LANGUAGE = """
      Statements: f(x, y) = EXPR | f(x[n]; u, v) = EXPR | name = EXPR | EXPR
                  for i in 1..3 { ... }   if cond { ... } else if cond { ... } else { ... }
                  optimizer NAME(lr=0.01, ...) { require ...; state s = 0; x = x - lr*g }  (:help optimizer)
      Operators (lowest first): or, and, not, < <= > >= == !=, a..b, + -, * /, unary -, ^ (or **)
      Values: numbers, "strings", true/false, lists [1, 2], matrices [[1, 2], [3, 4]] (1-based indexing)
      In a function body: + - * / ^ abs sign min max exp log log1p sqrt sin cos tan asin acos atan
        sinh cosh tanh sigmoid softplus relu where(cond, a, b) sum(i in a..b, ...) prod(...)
        logsumexp(i in a..b, ...) max(i in a..b, ...); matrices W[m, k] and block bodies: :help models
      Linear algebra: norm dot transpose det inv solve eig len linspace
      Numbers: round(x, k) (Python's: halves to even)   mean(list)   randn(n, seed=0)   zeros(n) ones(n)   clock()
      Constants: pi e inf nan true false      print(a, b)  str(v)  _ (the last bare expression's value)""";

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
      loss(r.x, data=d)   predict(model, r.x, d)   accuracy(model, r.x, d)  (largest output at index label, or output > 0 against label > 0.5)
      minimize(loss, start, adam(), data=train, test=test, batch=32, epochs=10)   r.test_values: the held-out loss per epoch
      s = split(d, 0.8, seed=0)   train = s[1]; test = s[2]   as sklearn's train_test_split(d, train_size=0.8, random_state=0)
      csv("scripts/data/iris.csv") (x1..x4, label 1..3)   csv("scripts/data/digits.csv") (x1..x64, label = digit + 1)""";

  static final String MINIMA = """
      minimize(f, start, method, bounds=[lo, hi])    or bounds=[[lo1, hi1], ...]; -inf/inf allowed; lbfgs is L-BFGS-B
      nelder_mead()    multistart(f, bounds=[lo, hi], method=lbfgs(), n=100, seed=0)
      basinhopping(f, start, niter=100, stepsize=0.5, T=1)    differential_evolution(f, bounds=[lo, hi], seed=0)
        each returns its best result; r.runs holds every run it tried; seeds draw as NumPy's RandomState
      cps = critical_points(f, bounds=[lo, hi], n=200)    classify(f, p)    contour(f, points=cps)
      s = slice(f, at=p, dirs="random" | "pca" | [d1, d2], paths=[r1, r2], data=d)    contour(s, paths=[r1, r2])""";

  static final String MODELS = """
      net(W1[16, 4], b1[16], W2[3, 16], b2[3]; x[4]) = {      matrices W[m, k], indexed W[j, k], row-major
        h[j in 1..16] = tanh(sum(k in 1..4, W1[j, k]*x[k]) + b1[j])   a local array, computed once
        z[c in 1..3] = sum(j in 1..16, W2[c, j]*h[j]) + b2[c]
        z                                                       the value: a number, or a list
      }
      xent(W1[16, 4], b1[16], W2[3, 16], b2[3]; x[4], label) = {
        z = net(W1, b1, W2, b2, x)                              locals: a = ..., z = [a, b], h[j in 1..n] = ...
        logsumexp(c in 1..3, z[c]) - z[label]                   max(i in a..b, ...) too; z[label] by a data field
      }
      shape(xent)   accuracy(net, r.x, test)   minimize(xent, [W1, b1, W2, b2], adam(), data=train, test=test, batch=32)""";

  static final String REPL = """
      Tab completes names, the keyword arguments of the call you are in (adam( Tab), the fields of a
        value after a dot (r. Tab) and file names after :load.
      _ is the value of the last bare expression.  help(adam), adam? and :help adam print help.
      :load FILE runs a script here; :save FILE writes this session's successful inputs as a script.
      A run longer than 2 s shows its progress; Ctrl-C stops it and keeps the result so far.
      :quit, quit, exit or Ctrl-D leaves; the history is kept in $HOME/.gradus_history.""";

  static final String WRITING = """
      optimizer lion(lr=0.0001, beta1=0.9, beta2=0.99, weight_decay=0) {
        require lr > 0                   checked at each call: lion(lr=-1) is an error naming lr
        state m = 0                      a state per coordinate, starting at 0 (may read x, g, n, hyperparameters)
        c = beta1*m + (1 - beta1)*g      statements run in order, once per coordinate
        x = x - lr*(sign(c) + weight_decay*x)
        m = beta2*m + (1 - beta2)*g
      }
      The update reads x, g (the gradient it sees), its states, t (update number from 1), f, lr (a schedule's
      rate at t), n, the hyperparameters, and norm(v), dot(a, b), sum(v), mean(v) over all coordinates (taken
      before the update). An if decides on hyperparameters when the optimizer is made; where(c, a, b) per coordinate.
      lion(lr=0.001) makes it; describe(lion) and latex(lion) print its rule (describe(adam) prints adam's);
      minimize(..., state=true) records r.state.m per kept iterate.""";

  /** Forms the interpreter handles itself (their arguments are not all evaluated): name → help. */
  public static final Map<String, String> SPECIAL_FORMS = specialForms();

  private static Map<String, String> specialForms() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("where", "where(cond, a, b): a where cond holds, else b; piecewise inside function bodies too");
    m.put("diff", "diff(f, x), diff(f, x, y), diff(g, x[2]): partial derivatives by variable name (the names are not evaluated)");
    m.put("help", "help(NAME) or help(\"topic\"): the :help text of a built-in, a topic or one of your bindings; help() the overview");
    return java.util.Collections.unmodifiableMap(m);
  }

  /** The text of {@code :help TOPIC} ({@code ""} for the overview). */
  public static String topic(String topic, Interpreter interp) {
    switch (topic) {
      case "" -> {
        return OVERVIEW;
      }
      case "language" -> {
        return LANGUAGE;
      }
      case "plots" -> {
        return PLOTS;
      }
      case "data" -> {
        return DATA;
      }
      case "repl" -> {
        return REPL;
      }
      case "minima" -> {
        return MINIMA;
      }
      case "models" -> {
        return MODELS;
      }
      case "optimizers" -> {
        return optimizers(interp);
      }
      case "optimizer", "require", "state" -> {
        return WRITING;
      }
      default -> { }
    }
    Value own = interp.globals().get(topic);
    if (own instanceof OptimizerDecl d) return topic + ": an optimizer written in Gradus\n" + d.text();
    if (own != null && own != Interpreter.predefined(topic)) return binding(topic, own);
    Builtin b = interp.builtins().get(topic);
    if (b != null) return b.help();
    if (SPECIAL_FORMS.containsKey(topic)) return SPECIAL_FORMS.get(topic);
    if (own != null) return binding(topic, own);
    if (topic.equals("_")) return "_ is the value of the last bare expression statement, as in Python's interactive mode";
    return "no help on '" + topic + "'" + Suggest.hint(topic, interp.knownNames())
        + "; try :help, :help language, :help models, :help optimizers, :help plots, :help data, :help minima, :help repl";
  }

  /** One of the user's bindings: its kind, its fields when it has some, and its printed form. */
  private static String binding(String name, Value v) {
    StringBuilder out = new StringBuilder(name).append(": a ").append(v.kind());
    if (v instanceof Interpreter.HasFields h && !h.fieldNames().isEmpty()) {
      out.append(" with the fields ").append(String.join(", ", h.fieldNames()));
    }
    String text = Printer.print(v);
    if (text.contains("\n")) return out.toString();
    if (text.length() > 200) text = text.substring(0, 197) + "...";
    return out.append('\n').append("  ").append(text).toString();
  }

  static String optimizers(Interpreter interp) {
    StringBuilder out = new StringBuilder("Optimizers (defaults as in torch.optim; lr may be a schedule):\n");
    for (Builtin b : interp.builtins().values()) {
      if (b.help().startsWith("the ")) out.append("  ").append(b.help().replaceFirst("^the \\S+ optimizer: ", "")).append('\n');
    }
    out.append("Schedules (s(t) is the rate of update t):\n");
    for (Builtin b : interp.builtins().values()) {
      if (b.help().startsWith("a learning-rate schedule: ")) {
        out.append("  ").append(b.help().substring("a learning-rate schedule: ".length())).append('\n');
      }
    }
    out.append("Run: minimize(f, start, method, steps=1000, gtol=1e-6, label=..., bounds=[lo, hi])   compare(f, start, [m1, m2])\n");
    out.append("Write your own: optimizer NAME(lr=...) { ... } (:help optimizer); describe(m), latex(m) print any optimizer's rule\n");
    out.append("Study: check_grad(f, p)   benchmark(f, start, [m1, m2], budget=1000, lrs=[...], seeds=5)");
    return out.toString();
  }
}
