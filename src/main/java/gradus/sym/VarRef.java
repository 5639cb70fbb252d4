package gradus.sym;

/** A scalar variable ({@code index == null}) or one element {@code name[index]} (1-based). */
public record VarRef(String name, Integer index) {
  public static VarRef of(String name) {
    return new VarRef(name, null);
  }

  public static VarRef of(String name, int index) {
    return new VarRef(name, index);
  }

  @Override
  public String toString() {
    return index == null ? name : name + "[" + index + "]";
  }
}
