package gradus.sym;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Numbers printed as Python's {@code repr(float(v))}: the shortest decimal that reads back as the
 * same double, positional for exponents in [-4, 16), scientific ({@code 1e-08}, {@code 1e+16})
 * otherwise — but integral values below 1e16 print without {@code .0}, and {@code -0.0} prints 0.
 *
 * <p>Java 17's {@code Double.toString} is not always the shortest round-trip form, so the digits
 * come from trying precisions 1..17 and keeping the first that round-trips.
 */
public final class Numbers {
  private Numbers() {}

  public static String format(double v) {
    if (Double.isNaN(v)) return "nan";
    if (Double.isInfinite(v)) return v > 0 ? "inf" : "-inf";
    if (v == 0) return "0";
    if (v == Math.rint(v) && Math.abs(v) < 1e16) return Long.toString((long) v);
    String sci = shortestScientific(v);
    int e = sci.indexOf('e');
    String mantissa = sci.substring(0, e);
    int exp = Integer.parseInt(sci.substring(e + 1));
    boolean neg = mantissa.startsWith("-");
    String digits = (neg ? mantissa.substring(1) : mantissa).replace(".", "");
    String body = (exp < -4 || exp >= 16) ? scientific(digits, exp) : positional(digits, exp);
    return neg ? "-" + body : body;
  }

  /**
   * The shortest decimal that reads back as v, as {@code d.ddde±x}: the exact value of v rounded
   * to p significant digits for the least p that round-trips (found by bisection, since a longer
   * rounding round-trips whenever a shorter one does) — Python's repr, without String.format.
   */
  private static String shortestScientific(double v) {
    BigDecimal exact = new BigDecimal(v);
    int lo = 1;
    int hi = 17;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (exact.round(new MathContext(mid, RoundingMode.HALF_EVEN)).doubleValue() == v) hi = mid;
      else lo = mid + 1;
    }
    BigDecimal r = exact.round(new MathContext(lo, RoundingMode.HALF_EVEN));
    String digits = r.unscaledValue().abs().toString();
    int exp = digits.length() - 1 - r.scale();
    digits = digits.replaceAll("0+$", "");
    if (digits.isEmpty()) digits = "0";
    String m = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
    return (v < 0 ? "-" : "") + m + "e" + exp;
  }

  private static String scientific(String digits, int exp) {
    String m = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
    String sign = exp < 0 ? "-" : "+";
    int a = Math.abs(exp);
    return m + "e" + sign + (a < 10 ? "0" + a : Integer.toString(a));
  }

  private static String positional(String digits, int exp) {
    BigDecimal d = new BigDecimal(digits.charAt(0) + (digits.length() > 1 ? "." + digits.substring(1) : "") + "E" + exp);
    String s = d.toPlainString();
    return s.contains(".") ? s : s + ".0";
  }
}
