package gradus.interp;

import gradus.lang.GradusError;
import gradus.lang.Span;
import java.util.ArrayList;
import java.util.List;

/** Conversions between value shapes, with user-facing errors. */
final class Values {
  private Values() {}

  /** A list of numbers becomes a Vec, a list of equal-length Vecs a Mat; ranges become Vecs. */
  static Value numericOrSelf(Value v) {
    if (v instanceof Value.Range r && r.size() <= MAX_RANGE_LIST) {
      double[] out = new double[(int) r.size()];
      for (int i = 0; i < out.length; i++) out[i] = r.lo() + i;
      return new Value.Vec(out);
    }
    if (!(v instanceof Value.Lst l) || l.items().isEmpty()) return v;
    List<Value> items = l.items();
    if (items.stream().allMatch(x -> x instanceof Value.Num)) {
      double[] out = new double[items.size()];
      for (int i = 0; i < out.length; i++) out[i] = ((Value.Num) items.get(i)).v();
      return new Value.Vec(out);
    }
    if (items.stream().allMatch(x -> x instanceof Value.Vec)) {
      int n = ((Value.Vec) items.get(0)).v().length;
      if (items.stream().allMatch(x -> ((Value.Vec) x).v().length == n)) {
        double[][] out = new double[items.size()][];
        for (int i = 0; i < out.length; i++) out[i] = ((Value.Vec) items.get(i)).v();
        return new Value.Mat(out);
      }
    }
    return v;
  }

  /** Builds a list literal's value: numeric when it can be. */
  static Value list(List<Value> items) {
    if (items.isEmpty()) return new Value.Vec(new double[0]);
    return numericOrSelf(new Value.Lst(items));
  }

  static double number(Value v, String what, Span span) {
    if (v instanceof Value.Num n) return n.v();
    if (v instanceof Value.Bool b) return b.v() ? 1 : 0;
    throw new GradusError(span, what + " must be a number, got a " + v.kind());
  }

  /** Whole numbers up to 1e15 in size (exact in a double, and far beyond any count or index). */
  static long integer(Value v, String what, Span span) {
    double d = number(v, what, span);
    if (d != Math.rint(d)) throw new GradusError(span, what + " must be a whole number, got " + Printer.print(v));
    if (Math.abs(d) > MAX_INTEGER) throw new GradusError(span, what + " is too large: " + Printer.print(v));
    return (long) d;
  }

  static final double MAX_INTEGER = 1e15;

  static double[] vector(Value v, String what, Span span) {
    Value n = numericOrSelf(v);
    if (n instanceof Value.Vec vec) return vec.v();
    if (n instanceof Value.Num num) return new double[] {num.v()};
    if (n instanceof Value.Range r) throw tooLong(r, span);
    throw new GradusError(span, what + " must be a list of numbers, got a " + v.kind());
  }

  /** Ranges become lists of numbers when used as lists, up to this many (800 MB). */
  static final long MAX_RANGE_LIST = 100_000_000;

  /** A range used as a list that would not fit in memory. */
  static GradusError tooLong(Value.Range r, Span span) {
    return new GradusError(span, "the range " + r.lo() + ".." + r.hi() + " has " + Printer.print(new Value.Num(r.size()))
        + " numbers, too many to hold as a list (at most 1e8; a for loop over it takes one at a time)");
  }

  static double[][] matrix(Value v, String what, Span span) {
    Value n = numericOrSelf(v);
    if (n instanceof Value.Mat m) return m.m();
    if (n instanceof Value.Vec vec && vec.v().length == 0) return new double[0][];
    throw new GradusError(span, what + " must be a matrix (a list of equal-length lists), got a " + v.kind());
  }

  static List<Value> items(Value v, String what, Span span) {
    if (v instanceof Value.Lst l) return l.items();
    if (v instanceof Value.Vec vec) {
      List<Value> out = new ArrayList<>(vec.v().length);
      for (double d : vec.v()) out.add(new Value.Num(d));
      return out;
    }
    if (v instanceof Value.Mat m) {
      List<Value> out = new ArrayList<>(m.m().length);
      for (double[] row : m.m()) out.add(new Value.Vec(row));
      return out;
    }
    if (v instanceof Value.Range r) {
      if (r.size() > MAX_RANGE_LIST) throw tooLong(r, span);
      List<Value> out = new ArrayList<>((int) r.size());
      for (long i = r.lo(); i <= r.hi(); i++) out.add(new Value.Num(i));
      return out;
    }
    throw new GradusError(span, what + " must be a list or a range, got a " + v.kind());
  }

  static String string(Value v, String what, Span span) {
    if (v instanceof Value.Str s) return s.s();
    throw new GradusError(span, what + " must be a string, got a " + v.kind());
  }

  static boolean bool(Value v, String what, Span span) {
    if (v instanceof Value.Bool b) return b.v();
    throw new GradusError(span, what + " must be true or false, got a " + v.kind());
  }
}
