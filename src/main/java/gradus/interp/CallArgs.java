package gradus.interp;

import gradus.lang.GradusError;
import gradus.lang.Span;
import gradus.sym.VarSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The numbers a function is called with. Positional arguments are spliced in order
 * ({@code f(1, [2, 3])} is {@code f(1, 2, 3)}); with keywords, as in Python, each argument binds
 * one parameter — positional ones in declaration order (variables, then fields), keywords by name
 * ({@code f(x=1, y=2)}, {@code loss(w, b, u=3, v=4)}) — and every parameter must be bound once.
 */
final class CallArgs {
  private CallArgs() {}

  static double[] flatten(FunctionValue f, List<Value> positional, List<Span> spans, Map<String, Value> keywords,
      Map<String, Span> keywordSpans, Span span) {
    if (keywords.isEmpty()) {
      if (!positional.isEmpty() && byVariable(f, positional.get(0))) {
        // the variables as one item per variable ([W1, b1, W2, b2]), shapes checked; then the fields
        double[] x = Starts.point(f, positional.get(0), spans.get(0));
        double[] rest = FunctionValue.flatten(positional.subList(1, positional.size()), spans.subList(1, spans.size()));
        double[] out = java.util.Arrays.copyOf(x, x.length + rest.length);
        System.arraycopy(rest, 0, out, x.length, rest.length);
        return out;
      }
      return FunctionValue.flatten(positional, spans);
    }
    if (!f.isDeclared() && !f.isModel()) {
      String k = keywords.keySet().iterator().next();
      throw new GradusError(keywordSpans.get(k), f.name() + "(...) takes its numbers by position, not by name");
    }
    List<VarSpec> params = new ArrayList<>(f.signature().vars());
    params.addAll(f.signature().fields());
    if (positional.size() > params.size()) {
      throw new GradusError(spans.get(params.size()), f.name() + " takes " + params.size() + " arguments by name or position, got "
          + (positional.size() + keywords.size()));
    }
    Map<String, double[]> bound = new LinkedHashMap<>();
    for (int k = 0; k < positional.size(); k++) {
      bound.put(params.get(k).name(), numbers(params.get(k), positional.get(k), spans.get(k), f));
    }
    List<String> names = params.stream().map(VarSpec::name).toList();
    for (Map.Entry<String, Value> en : keywords.entrySet()) {
      Span at = keywordSpans.get(en.getKey());
      VarSpec p = params.stream().filter(q -> q.name().equals(en.getKey())).findFirst().orElse(null);
      if (p == null) {
        throw new GradusError(at, f.name() + " has no parameter '" + en.getKey() + "'" + Suggest.hint(en.getKey(), names)
            + "; its parameters are " + String.join(", ", names));
      }
      if (bound.containsKey(p.name())) throw new GradusError(at, f.name() + "'s " + p.name() + " is given twice");
      bound.put(p.name(), numbers(p, en.getValue(), at, f));
    }
    List<String> missing = names.stream().filter(n -> !bound.containsKey(n)).toList();
    if (!missing.isEmpty()) {
      throw new GradusError(span, f.name() + " is missing " + String.join(", ", missing));
    }
    int total = 0;
    for (VarSpec p : params) total += p.width();
    double[] out = new double[total];
    int k = 0;
    for (VarSpec p : params) {
      double[] v = bound.get(p.name());
      System.arraycopy(v, 0, out, k, v.length);
      k += v.length;
    }
    return out;
  }

  /** A list holding one item per variable, not all numbers: the variables given part by part. */
  static boolean byVariable(FunctionValue f, Value v) {
    Value n = Values.numericOrSelf(v);
    return n instanceof Value.Lst l && l.items().size() == f.signature().vars().size() && f.signature().vars().size() > 1;
  }

  private static double[] numbers(VarSpec p, Value v, Span at, FunctionValue f) {
    Value m = Values.numericOrSelf(v);
    if (p.isMatrix() && m instanceof Value.Mat mat) {
      int rows = mat.m().length;
      int cols = rows == 0 ? 0 : mat.m()[0].length;
      if (rows != p.dims().get(0) || cols != p.cols()) {
        throw new GradusError(at, f.name() + "'s " + p.shapeText() + " takes a " + p.dims().get(0) + " x " + p.cols()
            + " matrix, got " + rows + " x " + cols);
      }
      double[] out = new double[p.size()];
      for (int r = 0; r < rows; r++) System.arraycopy(mat.m()[r], 0, out, r * cols, cols);
      return out;
    }
    double[] xs = Values.vector(v, f.name() + "'s " + p.name(), at);
    if (xs.length != p.width()) {
      throw new GradusError(at, f.name() + "'s " + p.name() + " takes " + (p.isMatrix() ? "a " + p.dims().get(0) + " x " + p.cols() + " matrix or " + p.size() + " numbers" : p.isVector() ? "a list of " + p.size() + " numbers"
          : "one number") + ", got " + xs.length);
    }
    return xs;
  }
}
