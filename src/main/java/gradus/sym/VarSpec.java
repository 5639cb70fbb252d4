package gradus.sym;

/** A declared variable or field: {@code size == 0} is a scalar, {@code size >= 1} a vector. */
public record VarSpec(String name, int size) {
  public VarSpec {
    if (size < 0) throw new SymException("the size of '" + name + "' must be at least 1, got " + size);
  }

  public boolean isVector() {
    return size > 0;
  }

  /** How many numbers it takes in the flattened array (1 for a scalar). */
  public int width() {
    return size == 0 ? 1 : size;
  }
}
