package gradus.sym;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NumbersTest {
  @ParameterizedTest
  @CsvSource({
    "0.1, 0.1", "1e-8, 1e-08", "2.0, 2", "1e16, 1e+16", "-0.0, 0", "0.3333333333333333, 0.3333333333333333",
    "2.5, 2.5", "-3, -3", "2.4871794871794872, 2.4871794871794872", "1e-4, 0.0001", "1.5e-5, 1.5e-05",
    "123456789012345.6, 123456789012345.6", "1.2345e20, 1.2345e+20", "5e-324, 5e-324", "1e300, 1e+300",
    "2e-3, 0.002", "9007199254740993, 9007199254740992", "-1.5, -1.5", "1e-323, 1e-323", "1.5e-323, 1.5e-323",
    "2.2250738585072014e-308, 2.2250738585072014e-308", "1.7976931348623157e308, 1.7976931348623157e+308",
    "1e23, 1e+23", "0.1234, 0.1234", "123.456, 123.456", "1e15, 1000000000000000", "1.5e16, 1.5e+16"
  })
  void printsLikePythonRepr(double v, String expected) {
    assertThat(Numbers.format(v)).isEqualTo(expected);
  }

  @Property
  void roundTrips(@ForAll double v) {
    String s = Numbers.format(v);
    if (Double.isNaN(v)) assertThat(s).isEqualTo("nan");
    else if (Double.isInfinite(v)) assertThat(s).endsWith("inf");
    else assertThat(Double.parseDouble(s.replace("e+", "e"))).isEqualTo(v == 0 ? 0.0 : v);
  }

  /**
   * As short as the slow, obviously right search: the first precision 1..17 whose
   * correctly rounded form reads back (what Numbers.format did before it used Schubfach).
   */
  @Property(tries = 3000)
  void isAsShortAsTheFirstPrecisionThatReadsBack(@ForAll double v) {
    if (!Double.isFinite(v) || v == 0 || (v == Math.rint(v) && Math.abs(v) < 1e16)) return;
    int shortest = 17;
    for (int p = 1; p <= 17; p++) {
      if (Double.parseDouble(new java.math.BigDecimal(v).round(new java.math.MathContext(p)).toString()) == v) {
        shortest = p;
        break;
      }
    }
    String digits = Numbers.format(Math.abs(v)).replaceAll("e.*", "").replace(".", "").replaceAll("^0+", "").replaceAll("0+$", "");
    assertThat(digits.length()).as("%s printed as %s", v, Numbers.format(v)).isEqualTo(shortest);
  }

  @Property
  void isNoLongerThanJavaToString(@ForAll double v) {
    if (!Double.isFinite(v) || v == 0) return;
    String digits = Numbers.format(Math.abs(v)).replaceAll("e.*", "").replace(".", "").replaceAll("^0+", "");
    String java = Double.toString(Math.abs(v)).replaceAll("E.*", "").replace(".", "").replaceAll("^0+", "").replaceAll("0+$", "");
    assertThat(digits.replaceAll("0+$", "").length()).isLessThanOrEqualTo(Math.max(1, java.length()));
  }
}
