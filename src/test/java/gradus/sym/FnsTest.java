package gradus.sym;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The operations Gradus defines itself, against the JDK's (an independent implementation). */
class FnsTest {
  /** Distance in units in the last place between two finite doubles of the same sign. */
  static long ulps(double a, double b) {
    return Math.abs(Double.doubleToLongBits(a) - Double.doubleToLongBits(b));
  }

  /**
   * Fns.tanh is within 1 ulp of the exact value (mpmath's, checked when it was made); StrictMath's
   * fdlibm is within 1 ulp too, so the two never differ by more than 2 — over every range it has.
   */
  @Test
  void tanhAgreesWithStrictMathToTwoUlps() {
    SplittableRandom r = new SplittableRandom(7);
    double[][] ranges = {{0, 1e-300}, {0, 1e-8}, {0, 0.1}, {0, 0.625}, {0.6, 0.65}, {0.625, 1}, {1, 3}, {3, 22}, {21, 40}};
    for (double[] range : ranges) {
      for (int i = 0; i < 200_000; i++) {
        double x = range[0] + r.nextDouble() * (range[1] - range[0]);
        if (i % 2 == 1) x = -x;
        long u = ulps(Fns.tanh(x), StrictMath.tanh(x));
        assertThat(u).as("tanh(%s): %s vs StrictMath %s", x, Fns.tanh(x), StrictMath.tanh(x)).isLessThanOrEqualTo(2);
      }
    }
  }

  @Test
  void tanhAtItsEdges() {
    assertThat(Fns.tanh(0.0)).isEqualTo(0.0);
    assertThat(Double.doubleToRawLongBits(Fns.tanh(-0.0))).isEqualTo(Double.doubleToRawLongBits(-0.0));
    assertThat(Fns.tanh(Double.MIN_VALUE)).isEqualTo(Double.MIN_VALUE);
    assertThat(Fns.tanh(Double.POSITIVE_INFINITY)).isEqualTo(1.0);
    assertThat(Fns.tanh(Double.NEGATIVE_INFINITY)).isEqualTo(-1.0);
    assertThat(Fns.tanh(Double.NaN)).isNaN();
    assertThat(Fns.tanh(22.0)).isEqualTo(1.0);
    assertThat(Fns.tanh(-30.0)).isEqualTo(-1.0);
    // odd, exactly
    SplittableRandom r = new SplittableRandom(3);
    for (int i = 0; i < 10_000; i++) {
      double x = r.nextDouble() * 30;
      assertThat(Fns.tanh(-x)).isEqualTo(-Fns.tanh(x));
    }
  }
}
