package gradus.interp;

import gradus.lang.GradusError;
import gradus.lang.Span;
import gradus.optim.CriticalPoints;
import gradus.sym.Numbers;
import java.util.ArrayList;
import java.util.List;

/** A critical point (SPEC §10.5): where, its value, its kind and its Hessian's eigenvalues. */
record CriticalPointValue(CriticalPoints.Point p) implements Value.Obj, Interpreter.HasFields {
  static final List<String> FIELDS = List.of("x", "f", "kind", "eigenvalues", "gnorm", "found");

  public String kind() {
    return "critical point";
  }

  @Override
  public Value field(String name, Span span) {
    return switch (name) {
      case "x" -> new Value.Vec(p.x().clone());
      case "f" -> new Value.Num(p.f());
      case "kind" -> new Value.Str(p.kind());
      case "eigenvalues" -> new Value.Vec(p.eigenvalues().clone());
      case "gnorm" -> new Value.Num(p.gnorm());
      case "found" -> new Value.Num(p.found());
      default -> throw new GradusError(span, "a critical point has no field '" + name + "'" + Suggest.hint(name, FIELDS)
          + "; its fields are " + String.join(", ", FIELDS));
    };
  }

  @Override
  public String toString() {
    return p.kind() + " at " + Printer.vector(p.x(), p.x().length > 8) + ", f = " + Numbers.format(p.f())
        + ", eigenvalues " + Printer.vector(p.eigenvalues(), p.eigenvalues().length > 8);
  }

  /** An aligned table: kind, f, x, eigenvalues (each to 6 significant digits), found. */
  static String table(List<CriticalPointValue> points) {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"kind", "f", "x", "eigenvalues", "found"});
    for (CriticalPointValue v : points) {
      CriticalPoints.Point p = v.p();
      rows.add(new String[] {p.kind(), Numbers.format(round(p.f())), shortVector(p.x()),
          shortVector(p.eigenvalues()), Integer.toString(p.found())});
    }
    int[] width = new int[5];
    for (String[] r : rows) for (int i = 0; i < r.length; i++) width[i] = Math.max(width[i], r[i].length());
    StringBuilder out = new StringBuilder();
    for (int k = 0; k < rows.size(); k++) {
      String[] r = rows.get(k);
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < r.length; i++) {
        if (i > 0) line.append("  ");
        boolean right = k > 0 && (i == 1 || i == 4);
        String pad = " ".repeat(width[i] - r[i].length());
        line.append(right ? pad + r[i] : r[i] + pad);
      }
      out.append(line.toString().stripTrailing());
      if (k + 1 < rows.size()) out.append('\n');
    }
    return out.toString();
  }

  private static String shortVector(double[] v) {
    double[] r = new double[v.length];
    for (int i = 0; i < v.length; i++) r[i] = round(v[i]);
    return Printer.vector(r, v.length > 8);
  }

  /** v to 6 significant digits, for tables (tiny values from rounding show as 0). */
  private static double round(double v) {
    if (!Double.isFinite(v) || v == 0) return v;
    if (Math.abs(v) < 1e-9) return 0;
    return Double.parseDouble(String.format(java.util.Locale.ROOT, "%.6g", v));
  }
}
