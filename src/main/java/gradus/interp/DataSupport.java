package gradus.interp;

import gradus.compile.CompiledFunction;
import gradus.data.DataException;
import gradus.data.Dataset;
import gradus.lang.GradusError;
import gradus.lang.Span;
import gradus.optim.BatchObjective;
import gradus.sym.Signature;
import gradus.sym.VarSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Losses over data sets: binding fields to columns, mean losses, batch objectives, predictions. */
final class DataSupport {
  private DataSupport() {}

  /** The rows of a data set packed in the order of a function's fields. */
  record Packed(double[] rows, int stride, int count) {}

  static Packed pack(FunctionValue f, Value data, Span span) {
    if (!(data instanceof DataValue d)) throw new GradusError(span, "this needs a data set (from csv, moons, ...), got a " + data.kind());
    Signature sig = f.signature();
    if (sig.fields().isEmpty()) {
      throw new GradusError(span, f.name() + " has no data fields; declare them after a ';', like loss(w, b; u, v) = ...");
    }
    List<String> names = new ArrayList<>();
    List<Integer> sizes = new ArrayList<>();
    for (VarSpec v : sig.fields()) {
      names.add(v.name());
      sizes.add(v.size());
    }
    try {
      Dataset ds = d.data();
      List<String> columns = ds.resolveFields(names, sizes);
      return new Packed(ds.pack(columns), columns.size(), ds.rows());
    } catch (DataException e) {
      throw new GradusError(span, e.getMessage());
    }
  }

  /** {@code loss(r.x, data=d)}: the mean loss over the rows. */
  static Value meanLoss(FunctionValue f, List<Value> positional, List<Span> spans, Map<String, Value> keywords,
      Map<String, Span> keywordSpans, Span span) {
    if (!f.isDeclared()) throw new GradusError(span, "data= works with declared losses, not " + f.name());
    if (keywords.size() > 1) throw new GradusError(span, f.name() + "(x, data=d) takes only data=");
    Packed p = pack(f, keywords.get("data"), keywordSpans.get("data"));
    double[] x = point(f, positional, spans, span);
    CompiledFunction c = f.compiled();
    double sum = 0;
    for (int r = 0; r < p.count(); r++) {
      Interrupts.every(r);
      sum += c.value(x, p.rows(), r * p.stride());
    }
    return new Value.Num(sum / p.count());
  }

  static double[] point(FunctionValue f, List<Value> positional, List<Span> spans, Span span) {
    double[] x = positional.size() == 1 && CallArgs.byVariable(f, positional.get(0))
        ? Starts.point(f, positional.get(0), spans.get(0)) : FunctionValue.flatten(positional, spans);
    if (x.length != f.signature().dimension()) {
      throw new GradusError(span, f.name() + " takes " + FunctionValue.describeArity(f.signature()) + ", got " + x.length);
    }
    return x;
  }

  /** A loss over the rows of a data set, as the optimizer sees it. Allocates nothing per row. */
  static BatchObjective batchObjective(FunctionValue f, Value data, Span span) {
    Packed p = pack(f, data, span);
    return (BatchObjective) Objectives.of(f.compiled(), p.rows(), p.stride(), p.count());
  }

  /** {@code predict(model, x, d)}: the model at x on every row of d. */
  static Value predict(Args a) {
    if (!(a.get("model") instanceof FunctionValue f) || !f.isDeclared()) {
      throw a.error("model", "predict(model, x, d) needs a declared model function, got a " + a.get("model").kind());
    }
    Packed p = pack(f, a.get("data"), a.spanOf("data"));
    double[] x = point(f, List.of(a.get("x")), List.of(a.spanOf("x")), a.spanOf("x"));
    CompiledFunction c = f.compiled();
    double[] out = new double[p.count()];
    for (int r = 0; r < p.count(); r++) {
      Interrupts.every(r);
      out[r] = c.value(x, p.rows(), r * p.stride());
    }
    return new Value.Vec(out);
  }
}
