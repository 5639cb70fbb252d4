package gradus.optim;

import java.util.ArrayList;
import java.util.List;

/**
 * The numbers a run that records its states (state=true) keeps beside each kept iterate: the
 * first-order method's states (as its stepper reports them), then {@code step}, the length of the
 * step that reached the iterate (NaN at the start).
 */
final class StateRows {
  private final FirstOrderMethod.Stepper stepper;
  final List<String> names = new ArrayList<>();
  final int[] widths;
  final int width;
  private final double[] row;

  StateRows(FirstOrderMethod.Stepper stepper) {
    this.stepper = stepper;
    List<String> own = stepper == null ? List.of() : stepper.stateNames();
    names.addAll(own);
    names.add("step");
    widths = new int[names.size()];
    int w = 0;
    for (int k = 0; k < own.size(); k++) {
      widths[k] = stepper.stateWidth(k);
      w += widths[k];
    }
    widths[own.size()] = 1;
    width = w + 1;
    row = new double[width];
  }

  /** The extras of the current iterate, reached by a step of length {@code step}. */
  double[] row(double step) {
    int off = 0;
    for (int k = 0; k < widths.length - 1; k++) {
      stepper.copyState(k, row, off);
      off += widths[k];
    }
    row[off] = step;
    return row;
  }

  /** |a - b|, the 2-norm of a step. */
  static double distance(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      double d = a[i] - b[i];
      s += d * d;
    }
    return Math.sqrt(s);
  }
}
