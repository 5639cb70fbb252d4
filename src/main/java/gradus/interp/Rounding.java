package gradus.interp;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Python's {@code round(x, k)}: the exact binary value of x rounded to k decimals, ties to even,
 * then the nearest double. Exactness is what makes {@code round(2.675, 2)} 2.67, as in Python:
 * the double written 2.675 is 2.67499999999999982236431605997495353221893310546875.
 */
final class Rounding {
  private Rounding() {}

  /** Beyond this many decimals in either direction a double is unchanged, or rounds to 0. */
  private static final int LIMIT = 400;

  static double round(double x, long k, Args a) {
    if (!Double.isFinite(x) || x == 0 || k > LIMIT) return x;
    if (k < -LIMIT) return 0.0 * Math.signum(x);
    double r = new BigDecimal(x).setScale((int) k, RoundingMode.HALF_EVEN).doubleValue();
    if (Double.isInfinite(r)) throw a.error("x", "round(x, " + k + ") overflows: the rounded value is too large for a number");
    return r == 0 ? 0.0 * Math.signum(x) : r;
  }
}
