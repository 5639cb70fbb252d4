package gradus.optim;

import java.util.List;

/**
 * What a run keeps beside its path, row for row with {@code Result.path}: the evaluations made
 * when each kept iterate was reached, and, when the run records them (state=true), the
 * optimizer's states at each kept iterate — a per-coordinate state as one row of n numbers, a
 * state that is one number (a step length, Newton's shift) as one number.
 *
 * @param evaluations the objective-and-gradient evaluations made up to each kept iterate
 * @param names       the states' names (empty without state=true)
 * @param values      per state, its rows (each of n numbers, or of one)
 */
public record PathExtras(long[] evaluations, List<String> names, List<double[][]> values) {
  public static final PathExtras NONE = new PathExtras(new long[0], List.of(), List.of());

  public PathExtras {
    names = List.copyOf(names);
    values = List.copyOf(values);
  }
}
