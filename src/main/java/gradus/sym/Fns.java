package gradus.sym;

import gradus.sym.Expr.Fn;

/**
 * Numeric values of the elementary functions, matching PyTorch: {@code sign(0) = 0},
 * {@code relu(x) = max(x, 0)}, and numerically stable sigmoid and softplus.
 */
public final class Fns {
  private Fns() {}

  public static double apply(Fn fn, double x) {
    return switch (fn) {
      case ABS -> Math.abs(x);
      case SIGN -> Math.signum(x);
      case EXP -> Math.exp(x);
      case LOG -> Math.log(x);
      case LOG1P -> Math.log1p(x);
      case SQRT -> Math.sqrt(x);
      case SIN -> Math.sin(x);
      case COS -> Math.cos(x);
      case TAN -> Math.tan(x);
      case ASIN -> Math.asin(x);
      case ACOS -> Math.acos(x);
      case ATAN -> Math.atan(x);
      case SINH -> Math.sinh(x);
      case COSH -> Math.cosh(x);
      case TANH -> Math.tanh(x);
      case SIGMOID -> sigmoid(x);
      case SOFTPLUS -> softplus(x);
      case RELU -> Math.max(x, 0.0);
    };
  }

  public static double sigmoid(double x) {
    if (x >= 0) return 1 / (1 + Math.exp(-x));
    double z = Math.exp(x);
    return z / (1 + z);
  }

  /** {@code log(1 + exp(x))} without overflow. */
  public static double softplus(double x) {
    return Math.max(x, 0.0) + Math.log1p(Math.exp(-Math.abs(x)));
  }

  /** A comparison {@code a op b} as 1 or 0. */
  public static double compare(String op, double a, double b) {
    boolean r = switch (op) {
      case "<" -> a < b;
      case "<=" -> a <= b;
      case ">" -> a > b;
      case ">=" -> a >= b;
      case "==" -> a == b;
      case "!=" -> a != b;
      default -> throw new IllegalStateException(op);
    };
    return r ? 1 : 0;
  }
}
