package gradus.optim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The numbers a run that records its states (state=true) keeps beside each kept iterate: the
 * method's states (as its {@link States} report them), then {@code step}, the 2-norm of the step
 * that reached the iterate (NaN at the start). The run sets {@link #step} after each accepted
 * step; the {@link PathRecorder} writes a row only for the iterates it keeps. Once the method's
 * states have moved past the run's last iterate (a rejected step), {@link #stale} makes the rows
 * still to be written NaN rather than another iterate's states.
 */
final class StateRows {
  private final States source;
  final List<String> names = new ArrayList<>();
  final int[] widths;
  /** The numbers of one row. */
  final int width;
  /** The length of the step that reached the iterate offered next. */
  double step = Double.NaN;
  private boolean stale;

  StateRows(States source) {
    this.source = source;
    List<String> own = source.stateNames();
    names.addAll(own);
    names.add("step");
    widths = new int[names.size()];
    int w = 0;
    for (int k = 0; k < own.size(); k++) {
      widths[k] = source.stateWidth(k);
      w += widths[k];
    }
    widths[own.size()] = 1;
    width = w + 1;
  }

  /** The method's states no longer belong to the run's last iterate. */
  void stale() {
    stale = true;
  }

  /** Writes the current iterate's row into {@code into} from {@code off}. */
  void write(double[] into, int off) {
    if (stale) {
      Arrays.fill(into, off, off + width, Double.NaN);
      return;
    }
    for (int k = 0; k < widths.length - 1; k++) {
      source.copyState(k, into, off);
      off += widths[k];
    }
    into[off] = step;
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
