package gradus.interp;

import gradus.optim.PathExtras;
import gradus.optim.Result;
import gradus.plot.Trace;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code convergence(runs, metric="step")}: a recorded state per kept iterate as a run's line —
 * a state that is one number as it is, a state per coordinate as its 2-norm over the
 * coordinates. Every run must have been made with state=true.
 */
final class StateTraces {
  private StateTraces() {}

  static List<Trace> of(Args a, String state) {
    List<Trace> out = new ArrayList<>();
    Value v = a.get("runs");
    List<Value> items = v instanceof ResultValue ? List.of(v) : a.items("runs");
    for (Value item : items) {
      if (!(item instanceof ResultValue rv)) throw a.error("runs", "runs= takes results of minimize or compare, got a " + item.kind());
      Result r = rv.r();
      PathExtras e = r.extras();
      int k = e.names().indexOf(state);
      if (k < 0) {
        String why = e.names().isEmpty() ? "" : "; " + r.label() + "'s states are " + String.join(", ", e.names());
        throw a.error("metric", "metric must be \"f\", \"gnorm\" or \"gap\" (or a state of runs made with state=true),"
            + " got \"" + state + "\"" + why);
      }
      double[][] rows = e.values().get(k);
      double[] series = new double[rows.length];
      for (int i = 0; i < rows.length; i++) series[i] = rows[i].length == 1 ? rows[i][0] : norm(rows[i]);
      // states are kept per path row, also in a minibatch run: placed by their own iteration numbers
      double[] its = new double[rows.length];
      double[] evs = new double[rows.length];
      for (int i = 0; i < rows.length; i++) {
        its[i] = r.pathIterations()[i];
        evs[i] = e.evaluations()[i];
      }
      out.add(new Trace(r.label(), r.path(), series, null, its, null, evs));
    }
    return out;
  }

  /** The y axis: the state's name, and the norm when it is per coordinate. */
  static String title(Args a, String state) {
    Value v = a.get("runs");
    Value first = v instanceof ResultValue ? v : a.items("runs").get(0);
    PathExtras e = ((ResultValue) first).r().extras();
    double[][] rows = e.values().get(e.names().indexOf(state));
    return rows.length > 0 && rows[0].length > 1 ? "\u2016" + state + "\u2016 (2-norm over the coordinates)" : state;
  }

  private static double norm(double[] v) {
    double s = 0;
    for (double x : v) s += x * x;
    return Math.sqrt(s);
  }
}
