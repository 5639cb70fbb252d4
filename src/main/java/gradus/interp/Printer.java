package gradus.interp;

import gradus.sym.Numbers;
import java.util.ArrayList;
import java.util.List;

/** The printed form of values (SPEC §5, §9): Python-style numbers, NumPy-style summaries. */
public final class Printer {
  private Printer() {}

  static final int SUMMARY_THRESHOLD = 1000;
  private static final int EDGE = 3;

  public static String print(Value v) {
    if (v instanceof Value.Num n) return Numbers.format(n.v());
    if (v instanceof Value.Bool b) return b.v() ? "true" : "false";
    if (v instanceof Value.Str s) return s.s();
    if (v instanceof Value.Vec vec) return vector(vec.v(), vec.v().length > SUMMARY_THRESHOLD);
    if (v instanceof Value.Mat m) return matrix(m.m());
    if (v instanceof Value.Lst l) return list(l.items());
    if (v instanceof Value.Range r) return range(r);
    if (v instanceof Value.None) return "";
    return v.toString();
  }

  /**
   * A number rounded to {@code digits} significant digits, then printed by the one formatter:
   * tables and progress lines show {@code 0.123457} where a value prints {@code 0.12345678901234566}
   * (six digits are the default of NumPy's and pandas' table views).
   */
  public static String compact(double v, int digits) {
    if (!Double.isFinite(v) || v == 0) return Numbers.format(v);
    return Numbers.format(new java.math.BigDecimal(v).round(new java.math.MathContext(digits, java.math.RoundingMode.HALF_EVEN))
        .doubleValue());
  }

  /** A list of numbers in compact form; more than {@code keep + 1} entries show the first and last few. */
  public static String compactVector(double[] v, int digits, int keep) {
    List<String> parts = new ArrayList<>();
    boolean cut = v.length > keep + 1;
    for (int i = 0; i < v.length; i++) {
      if (cut && i == (keep + 1) / 2) {
        parts.add("...");
        i = v.length - keep / 2;
      }
      parts.add(compact(v[i], digits));
    }
    return "[" + String.join(", ", parts) + "]";
  }

  /** The form a value takes inside a list: strings quoted, a data set as its size (not a table). */
  static String inner(Value v) {
    if (v instanceof DataValue d) return d.summary();
    return v instanceof Value.Str s ? quote(s.s()) : print(v);
  }

  static String quote(String s) {
    return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
  }

  static String vector(double[] v, boolean summarize) {
    List<String> parts = new ArrayList<>();
    boolean cut = summarize && v.length > 2 * EDGE;
    for (int i = 0; i < v.length; i++) {
      if (cut && i == EDGE) {
        parts.add("...");
        i = v.length - EDGE;
      }
      parts.add(Numbers.format(v[i]));
    }
    return "[" + String.join(", ", parts) + "]";
  }

  static String matrix(double[][] m) {
    long total = 0;
    for (double[] row : m) total += row.length;
    boolean summarize = total > SUMMARY_THRESHOLD;
    boolean cut = summarize && m.length > 2 * EDGE;
    List<String> rows = new ArrayList<>();
    for (int i = 0; i < m.length; i++) {
      if (cut && i == EDGE) {
        rows.add("...");
        i = m.length - EDGE;
      }
      rows.add(vector(m[i], summarize));
    }
    return "[" + String.join(", ", rows) + "]";
  }

  private static String list(List<Value> items) {
    if (!items.isEmpty() && items.stream().allMatch(x -> x instanceof ResultValue)) {
      List<ResultValue> rs = new ArrayList<>();
      for (Value x : items) rs.add((ResultValue) x);
      return ResultValue.table(rs);
    }
    if (!items.isEmpty() && items.stream().allMatch(x -> x instanceof CriticalPointValue)) {
      return CriticalPointValue.table(items.stream().map(x -> (CriticalPointValue) x).toList());
    }
    StringBuilder out = new StringBuilder("[");
    for (int i = 0; i < items.size(); i++) {
      if (i > 0) out.append(", ");
      out.append(inner(items.get(i)));
    }
    return out.append(']').toString();
  }

  private static String range(Value.Range r) {
    if (r.size() > SUMMARY_THRESHOLD) {
      return "[" + r.lo() + ", " + (r.lo() + 1) + ", " + (r.lo() + 2) + ", ..., " + (r.hi() - 2) + ", "
          + (r.hi() - 1) + ", " + r.hi() + "]";
    }
    StringBuilder out = new StringBuilder("[");
    for (long i = r.lo(); i <= r.hi(); i++) {
      if (i > r.lo()) out.append(", ");
      out.append(i);
    }
    return out.append(']').toString();
  }
}
