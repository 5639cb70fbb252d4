package gradus.sym;

import java.util.List;

/** A scalar variable (no indices) or one element {@code x[i]} / {@code W[j, k]} (1-based). */
public record VarRef(String name, List<Integer> indices) {
  public VarRef {
    indices = List.copyOf(indices);
  }

  public VarRef(String name, Integer index) {
    this(name, index == null ? List.of() : List.of(index));
  }

  public static VarRef of(String name) {
    return new VarRef(name, List.of());
  }

  public static VarRef of(String name, int index) {
    return new VarRef(name, List.of(index));
  }

  public static VarRef of(String name, int row, int col) {
    return new VarRef(name, List.of(row, col));
  }

  /** The index of a vector element, or null for a scalar (not for a matrix element). */
  public Integer index() {
    if (indices.size() > 1) throw new IllegalStateException(this + " has two indices");
    return indices.isEmpty() ? null : indices.get(0);
  }

  @Override
  public String toString() {
    if (indices.isEmpty()) return name;
    return name + indices.toString();
  }
}
