package gradus.optim;

import java.util.List;

/**
 * What a run that records its states (state=true) reads from a method's per-run arithmetic (a
 * {@link Driver}, a first-order {@link FirstOrderMethod.Stepper}): the names of its states and
 * their numbers, copied only into the rows the path keeps. None by default.
 */
interface States {
  /** The names of the states, in order. */
  default List<String> stateNames() {
    return List.of();
  }

  /** How many numbers state k has: n for a state per coordinate, 1 for one number. */
  default int stateWidth(int k) {
    throw new IndexOutOfBoundsException(k);
  }

  /** Copies state k's {@link #stateWidth} numbers into {@code into} from {@code off}. */
  default void copyState(int k, double[] into, int off) {
    throw new IndexOutOfBoundsException(k);
  }
}
