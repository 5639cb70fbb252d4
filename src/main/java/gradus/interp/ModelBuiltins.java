package gradus.interp;

import static gradus.interp.Builtins.add;

import gradus.compile.CompiledFunction;
import gradus.data.Dataset;
import java.util.List;
import java.util.Map;

/** Judging a trained model on data: {@code accuracy(model, params, d)}. */
final class ModelBuiltins {
  private ModelBuiltins() {}

  static void register(Map<String, Builtin> t) {
    add(t, "accuracy", List.of("model", "params", "data"), "accuracy(model, r.x, d): the fraction of the rows of d whose"
        + " column label the model gets right: a vector-valued model's largest output is at index label; a scalar"
        + " model's output > 0 predicts label > 0.5", ModelBuiltins::accuracy);
    add(t, "shape", List.of("f"), "shape(f): each variable's name and shape, as [name, [sizes]] in declaration order"
        + " (the order of start points, gradients and r.x)", ModelBuiltins::shape);
  }

  /** {@code [["W1", [16, 4]], ["b1", [16]], ["c", []]]}: NumPy's shapes, a scalar's is []. */
  private static Value shape(Args a) {
    if (!(a.get("f") instanceof FunctionValue f)) throw a.error("f", "shape(f) needs a function, got a " + a.get("f").kind());
    List<Value> out = new java.util.ArrayList<>();
    for (gradus.sym.VarSpec v : f.signature().vars()) {
      List<Value> dims = new java.util.ArrayList<>();
      for (int d : v.dims()) dims.add(new Value.Num(d));
      out.add(new Value.Lst(List.of(new Value.Str(v.name()), dims.isEmpty() ? new Value.Vec(new double[0]) : Values.list(dims))));
    }
    return new Value.Lst(out);
  }

  private static Value accuracy(Args a) {
    if (!(a.get("model") instanceof FunctionValue f)) {
      throw a.error("model", "accuracy(model, params, d) needs a model function, got a " + a.get("model").kind());
    }
    if (!f.isDeclared() && !f.isModel()) {
      throw a.error("model", "accuracy(model, params, d) takes a model: a vector-valued one (the largest output's index"
          + " is the class) or a scalar one (output > 0 predicts label > 0.5), not " + f.describeShape() + " " + f.name());
    }
    if (f.signature().fields().isEmpty()) {
      throw a.error("model", f.name() + " has no data fields, so it has no output per row; declare a model's fields"
          + " after a ';', like model(w[2], b; x[2]) = w[1]*x[1] + w[2]*x[2] + b");
    }
    if (!(a.get("data") instanceof DataValue data)) {
      throw a.error("data", "accuracy needs a data set (from csv, split, moons, ...), got a " + a.get("data").kind());
    }
    Dataset d = data.data();
    if (!d.hasColumn("label")) {
      throw a.error("data", "accuracy needs a column \"label\" in the data, each row's class; the columns are "
          + String.join(", ", d.columns()));
    }
    if (d.rows() == 0) throw a.error("data", "accuracy needs at least one row; the data set is empty");
    DataSupport.Packed rows = DataSupport.pack(f, data, a.spanOf("data"));
    double[] x = DataSupport.point(f, List.of(a.get("params")), List.of(a.spanOf("params")), a.spanOf("params"));
    if (f.isModel()) return new Value.Num(vectorAccuracy(f, x, rows, d.column("label"), a.spanOf("data")));
    return new Value.Num(scalarAccuracy(f.compiled(), x, rows, d.column("label")));
  }

  /**
   * The share of rows whose largest output (the first on a tie, as numpy.argmax) is at index
   * label; a label that is not a class index (1..outputs) is an error naming the row; NaN when
   * an output is NaN. Allocates nothing per row.
   */
  static double vectorAccuracy(FunctionValue f, double[] x, DataSupport.Packed rows, double[] labels, gradus.lang.Span span) {
    gradus.compile.CompiledVector model = f.outputs();
    int n = model.length();
    double[] out = new double[n];
    long right = 0;
    for (int r = 0; r < rows.count(); r++) {
      Interrupts.every(r);
      double label = labels[r];
      if (label != Math.rint(label) || label < 1 || label > n) {
        throw new gradus.lang.GradusError(span, "row " + (r + 1) + " of the data has label " + Printer.print(new Value.Num(label))
            + ", which is not a class of " + f.name() + " (its " + n + " outputs are classes 1.." + n + ")");
      }
      model.values(x, rows.rows(), r * rows.stride(), out);
      int best = 0;
      for (int k = 0; k < n; k++) {
        if (Double.isNaN(out[k])) return Double.NaN;
        if (out[k] > out[best]) best = k;
      }
      if (best + 1 == (int) label) right++;
    }
    return (double) right / rows.count();
  }

  /**
   * The share of rows where {@code output > 0} equals {@code label > 0.5}; NaN when the model is
   * NaN on some row (a diverged run), rather than a number that counts NaN as a prediction.
   * Allocates nothing per row.
   */
  static double scalarAccuracy(CompiledFunction model, double[] x, DataSupport.Packed rows, double[] labels) {
    long right = 0;
    for (int r = 0; r < rows.count(); r++) {
      Interrupts.every(r);
      double out = model.value(x, rows.rows(), r * rows.stride());
      if (Double.isNaN(out)) return Double.NaN;
      if ((out > 0) == (labels[r] > 0.5)) right++;
    }
    return (double) right / rows.count();
  }
}
