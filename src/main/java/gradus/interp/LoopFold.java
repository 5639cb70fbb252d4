package gradus.interp;

import gradus.lang.Span;
import gradus.sym.Fns;

/**
 * The running value of a top-level {@code sum}, {@code prod}, {@code max} or {@code logsumexp}
 * over an index: the same steps, from the same start, as the compiled loop of a declared body
 * (Fns.max, Fns.lseSum and Fns.lseMax), so a loop means one thing wherever it is written.
 */
final class LoopFold {
  private final String kind;
  private final Span span;
  private Value acc;
  private double m = Double.NEGATIVE_INFINITY;
  private double s = 0;

  LoopFold(String kind, Span span) {
    this.kind = kind;
    this.span = span;
    this.acc = new Value.Num(kind.equals("prod") ? 1 : 0);
  }

  void add(Value v) {
    switch (kind) {
      case "sum" -> acc = Ops.binary("+", acc, v, span);
      case "prod" -> acc = Ops.binary("*", acc, v, span);
      case "max" -> m = Fns.max(m, number(v));
      default -> {
        double x = number(v);
        s = Fns.lseSum(m, s, x);
        m = Fns.lseMax(m, x);
      }
    }
  }

  Value result() {
    return switch (kind) {
      case "sum", "prod" -> acc;
      case "max" -> new Value.Num(m);
      default -> new Value.Num(Fns.lseFinish(m, s));
    };
  }

  private double number(Value v) {
    return Values.number(v, "each term of " + kind + "(i in a..b, ...)", span);
  }
}
