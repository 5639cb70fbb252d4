package gradus.optim;

import java.util.Arrays;

/** A growable list of doubles (amortized, no boxing). */
final class DoubleList {
  private double[] a = new double[64];
  private int size;

  void add(double v) {
    if (size == a.length) a = Arrays.copyOf(a, size * 2);
    a[size++] = v;
  }

  /** Keeps the first {@code size} values (no-op if there are fewer). */
  void truncate(int size) {
    this.size = Math.min(this.size, size);
  }

  double[] toArray() {
    return Arrays.copyOf(a, size);
  }
}
