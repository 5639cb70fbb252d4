package gradus.optim;

/** Hyperparameter checks; each message names the parameter and the bad value. */
final class Check {
  private Check() {}

  static String num(double v) {
    return Methods.numberFormat.apply(v);
  }

  static double finite(String name, double v) {
    if (!Double.isFinite(v)) throw bad(name, name + " must be a finite number, got " + num(v));
    return v;
  }

  static double positive(String name, double v) {
    finite(name, v);
    if (!(v > 0)) throw bad(name, name + " must be > 0, got " + num(v));
    return v;
  }

  static double nonNegative(String name, double v) {
    finite(name, v);
    if (!(v >= 0)) throw bad(name, name + " must be >= 0, got " + num(v));
    return v;
  }

  /** 0 ≤ v < 1, the range of a decay factor such as a beta. */
  static double unitOpen(String name, double v) {
    if (!(v >= 0 && v < 1)) throw bad(name, name + " must be in [0, 1), got " + num(v));
    return v;
  }

  /** 0 ≤ v ≤ 1. */
  static double unitClosed(String name, double v) {
    if (!(v >= 0 && v <= 1)) throw bad(name, name + " must be in [0, 1], got " + num(v));
    return v;
  }

  static int atLeast(String name, int v, int min) {
    if (v < min) throw bad(name, name + " must be >= " + min + ", got " + v);
    return v;
  }

  static IllegalArgumentException bad(String message) {
    return new IllegalArgumentException(message);
  }

  /** A bad value of the parameter {@code name}; the interpreter points its caret at that argument. */
  static BadArgument bad(String name, String message) {
    return new BadArgument(name, message);
  }
}
