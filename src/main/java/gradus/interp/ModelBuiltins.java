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
        + " column label the model gets right; a scalar model's output > 0 predicts label > 0.5", ModelBuiltins::accuracy);
  }

  private static Value accuracy(Args a) {
    if (!(a.get("model") instanceof FunctionValue f)) {
      throw a.error("model", "accuracy(model, params, d) needs a model function, got a " + a.get("model").kind());
    }
    if (!f.isDeclared()) {
      throw a.error("model", "accuracy of a " + f.describeShape() + " function is not supported yet; "
          + "accuracy(model, params, d) takes a scalar model, whose output > 0 predicts label > 0.5");
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
    return new Value.Num(scalarAccuracy(f.compiled(), x, rows, d.column("label")));
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
