package gradus.sym;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The decision variables and data fields of a function. Variables flatten in declaration order
 * into one {@code double[]} (a vector {@code x[n]} takes n consecutive slots); fields likewise into
 * a second array.
 */
public record Signature(List<VarSpec> vars, List<VarSpec> fields) {
  public Signature {
    vars = List.copyOf(vars);
    fields = List.copyOf(fields);
    Map<String, Boolean> seen = new HashMap<>();
    for (VarSpec v : vars) if (seen.put(v.name(), true) != null) throw dup(v.name());
    for (VarSpec v : fields) if (seen.put(v.name(), true) != null) throw dup(v.name());
  }

  private static SymException dup(String name) {
    return new SymException("'" + name + "' is declared twice");
  }

  public static Signature of(VarSpec... vars) {
    return new Signature(List.of(vars), List.of());
  }

  /** Flattened number of variables. */
  public int dimension() {
    int n = 0;
    for (VarSpec v : vars) n += v.width();
    return n;
  }

  /** Flattened number of fields. */
  public int fieldCount() {
    int n = 0;
    for (VarSpec v : fields) n += v.width();
    return n;
  }

  /** The variable or field called {@code name}, or null. */
  public VarSpec find(String name) {
    for (VarSpec v : vars) if (v.name().equals(name)) return v;
    for (VarSpec v : fields) if (v.name().equals(name)) return v;
    return null;
  }

  public boolean isVariable(String name) {
    for (VarSpec v : vars) if (v.name().equals(name)) return true;
    return false;
  }

  public boolean isField(String name) {
    for (VarSpec v : fields) if (v.name().equals(name)) return true;
    return false;
  }

  /** Offset of the first slot of {@code name} in its flattened array (variables or fields). */
  public int offset(String name) {
    int off = 0;
    for (VarSpec v : vars) {
      if (v.name().equals(name)) return off;
      off += v.width();
    }
    off = 0;
    for (VarSpec v : fields) {
      if (v.name().equals(name)) return off;
      off += v.width();
    }
    throw new SymException("unknown name '" + name + "'");
  }

  /**
   * Rank of a variable or field in the canonical term order: variables in declaration order, then
   * fields; -1 when unknown.
   */
  public int rank(String name) {
    int r = 0;
    for (VarSpec v : vars) {
      if (v.name().equals(name)) return r;
      r += v.width();
    }
    for (VarSpec v : fields) {
      if (v.name().equals(name)) return r;
      r += v.width();
    }
    return -1;
  }

  /** The flattened variables as references, in order ({@code x}, {@code y[1]}, {@code W[1, 2]}, ...). */
  public List<VarRef> refs() {
    List<VarRef> out = new ArrayList<>();
    for (VarSpec v : vars) for (int k = 0; k < v.width(); k++) out.add(element(v, k));
    return out;
  }

  /** The reference of flat slot k (0-based) of the variables. */
  public VarRef ref(int k) {
    int off = 0;
    for (VarSpec v : vars) {
      if (k < off + v.width()) return element(v, k - off);
      off += v.width();
    }
    throw new SymException("there is no variable number " + (k + 1) + " (the function has " + off + ")");
  }

  /** Element k (0-based, row-major) of v as a reference. */
  private static VarRef element(VarSpec v, int k) {
    if (!v.isVector()) return VarRef.of(v.name());
    if (!v.isMatrix()) return VarRef.of(v.name(), k + 1);
    return VarRef.of(v.name(), k / v.cols() + 1, k % v.cols() + 1);
  }

  /** Names allowed in a body, for error messages. */
  public List<String> names() {
    List<String> out = new ArrayList<>();
    for (VarSpec v : vars) out.add(v.name());
    for (VarSpec v : fields) out.add(v.name());
    return out;
  }

  /** The flat slot of a reference to a variable; checks the name, kind and range. */
  public int flatIndex(VarRef ref) {
    VarSpec spec = null;
    for (VarSpec v : vars) if (v.name().equals(ref.name())) spec = v;
    if (spec == null) {
      throw new SymException("'" + ref.name() + "' is not a variable of this function (variables: "
          + String.join(", ", vars.stream().map(VarSpec::name).toList()) + ")");
    }
    List<Integer> ix = ref.indices();
    if (spec.rank() != ix.size()) {
      if (spec.rank() == 0) throw new SymException("'" + ref.name() + "' is a scalar and cannot be indexed");
      if (spec.rank() == 1 && ix.isEmpty()) {
        throw new SymException("'" + ref.name() + "' is a vector of " + spec.size()
            + " elements: name one element, as in " + ref.name() + "[1]");
      }
      throw new SymException("'" + spec.shapeText() + "' takes " + (spec.rank() == 1 ? "one index" : "two indices")
          + ": name one element, as in " + ref.name() + (spec.rank() == 1 ? "[1]" : "[1, 1]"));
    }
    List<Integer> dims = spec.dims();
    for (int d = 0; d < ix.size(); d++) {
      if (ix.get(d) < 1 || ix.get(d) > dims.get(d)) {
        if (spec.rank() == 1) {
          throw new SymException("index " + ix.get(0) + " is out of range for " + spec.shapeText() + " (valid: 1.." + spec.size() + ")");
        }
        throw new SymException("index " + ix + " is out of range for " + spec.shapeText());
      }
    }
    int k = spec.rank() == 0 ? 0 : spec.rank() == 1 ? ix.get(0) - 1 : (ix.get(0) - 1) * spec.cols() + ix.get(1) - 1;
    return offset(ref.name()) + k;
  }
}
