package gradus.sym;

import java.util.List;

/**
 * A declared variable or field: a scalar ({@code size == 0}), a vector {@code x[n]} ({@code size
 * == n}, {@code cols == 0}) or a matrix {@code W[m, k]} ({@code size == m*k}, {@code cols == k}),
 * flattened row-major.
 */
public record VarSpec(String name, int size, int cols) {
  public VarSpec {
    if (size < 0) throw new SymException("the size of '" + name + "' must be at least 1, got " + size);
    if (cols < 0 || (cols > 0 && size % cols != 0)) throw new SymException("the shape of '" + name + "' is not a matrix");
  }

  /** A scalar (size 0) or a vector of {@code size} entries. */
  public VarSpec(String name, int size) {
    this(name, size, 0);
  }

  /** A matrix of {@code rows} × {@code cols}. */
  public static VarSpec matrix(String name, int rows, int cols) {
    return new VarSpec(name, rows * cols, cols);
  }

  /** Indexed at all (a vector or a matrix). */
  public boolean isVector() {
    return size > 0;
  }

  public boolean isMatrix() {
    return cols > 0;
  }

  /** How many indices an element takes: 0, 1 or 2. */
  public int rank() {
    return size == 0 ? 0 : cols > 0 ? 2 : 1;
  }

  /** The extent of each index: [] for a scalar, [n], or [m, k]. */
  public List<Integer> dims() {
    if (size == 0) return List.of();
    if (cols == 0) return List.of(size);
    return List.of(size / cols, cols);
  }

  /** How many numbers it takes in the flattened array (1 for a scalar). */
  public int width() {
    return size == 0 ? 1 : size;
  }

  /** As declared: {@code x}, {@code x[3]}, {@code W[16, 4]}. */
  public String shapeText() {
    if (size == 0) return name;
    if (cols == 0) return name + "[" + size + "]";
    return name + "[" + size / cols + ", " + cols + "]";
  }
}
