package gradus.interp;

import gradus.lang.GradusError;
import gradus.lang.Span;
import gradus.optim.PathExtras;
import gradus.optim.Result;
import java.util.List;

/**
 * {@code r.state} of a run made with state=true (SPEC §10.3): one field per state, row for row
 * with {@code r.path} — a matrix (one row of n numbers per kept iterate) for a state per
 * coordinate, a list (one number per kept iterate) for a state that is one number, as
 * {@code step}, the length of the step that reached each iterate (nan at the start).
 */
record StateValue(PathExtras extras) implements Value.Obj, Interpreter.HasFields {
  static Value of(Result r, Span span) {
    if (r.extras().names().isEmpty()) {
      throw new GradusError(span, "this run kept no states: run it with minimize(..., state=true)");
    }
    return new StateValue(r.extras());
  }

  @Override
  public String kind() {
    return "record of states";
  }

  @Override
  public Value field(String name, Span span) {
    int k = extras.names().indexOf(name);
    if (k < 0) {
      throw new GradusError(span, "the run has no state '" + name + "'" + Suggest.hint(name, extras.names())
          + "; its states are " + String.join(", ", extras.names()));
    }
    double[][] rows = extras.values().get(k);
    boolean single = rows.length > 0 && rows[0].length == 1;
    if (!single) return new Value.Mat(rows);
    double[] out = new double[rows.length];
    for (int i = 0; i < rows.length; i++) out[i] = rows[i][0];
    return new Value.Vec(out);
  }

  @Override
  public List<String> fieldNames() {
    return extras.names();
  }

  @Override
  public String toString() {
    return "<states " + String.join(", ", extras.names()) + ">";
  }
}
