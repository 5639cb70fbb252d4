package gradus.interp;

import java.util.List;

/**
 * A runtime value. Numeric lists and matrices are kept as {@code double[]} / {@code double[][]}
 * so that paths and gradients of large problems stay compact; any other list is a {@link Lst}.
 */
public sealed interface Value {

  /** The kind of a value as users read it in messages and in {@code :vars}. */
  String kind();

  record Num(double v) implements Value {
    public String kind() { return "number"; }
  }

  record Bool(boolean v) implements Value {
    public static final Bool TRUE = new Bool(true);
    public static final Bool FALSE = new Bool(false);
    public static Bool of(boolean b) { return b ? TRUE : FALSE; }
    public String kind() { return "boolean"; }
  }

  record Str(String s) implements Value {
    public String kind() { return "string"; }
  }

  record Vec(double[] v) implements Value {
    public String kind() { return "list"; }
  }

  record Mat(double[][] m) implements Value {
    public String kind() { return "matrix"; }
  }

  record Lst(List<Value> items) implements Value {
    public String kind() { return "list"; }
  }

  /** An inclusive integer range {@code lo..hi}; empty when hi < lo. */
  record Range(long lo, long hi) implements Value {
    public long size() { return Math.max(0, hi - lo + 1); }
    public String kind() { return "range"; }
  }

  /** What {@code print} returns: the REPL echoes nothing for it. */
  record None() implements Value {
    public static final None NONE = new None();
    public String kind() { return "nothing"; }
  }

  /** Any other value (functions, optimizers, results, data sets, plots). */
  non-sealed interface Obj extends Value {}
}
