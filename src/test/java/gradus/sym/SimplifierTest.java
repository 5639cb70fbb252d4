package gradus.sym;

import static gradus.sym.Sym.*;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SimplifierTest {
  static final Expr x = var("x"), y = var("y"), a = var("a"), b = var("b");
  static final Signature XY = Signature.of(new VarSpec("x", 0), new VarSpec("y", 0));

  static String s(Expr e) {
    return Simplifier.simplify(e, XY).text();
  }

  @Test void likeTermsCollect() { assertThat(s(add(x, x))).isEqualTo("2*x"); }
  @Test void likeTermsCancel() { assertThat(s(sub(mul(num(3), x), mul(num(3), x)))).isEqualTo("0"); }
  @Test void equalFactorsBecomePowers() { assertThat(s(mul(x, x))).isEqualTo("x^2"); }
  @Test void powersOfTheSameBaseAdd() { assertThat(s(mul(pow(x, a), pow(x, b)))).isEqualTo("x^(a + b)"); }
  @Test void numericPowersAdd() { assertThat(s(mul(pow(x, 2), pow(x, 3), x))).isEqualTo("x^6"); }
  @Test void constantsFold() { assertThat(s(add(num(2), mul(num(3), num(4)), call(Expr.Fn.EXP, num(0))))).isEqualTo("15"); }
  @Test void noOneTimes() { assertThat(s(mul(num(1), x))).isEqualTo("x"); }
  @Test void noPlusZero() { assertThat(s(add(x, num(0)))).isEqualTo("x"); }
  @Test void noDoubleNegation() { assertThat(s(neg(neg(x)))).isEqualTo("x"); }
  @Test void noPowerOne() { assertThat(s(pow(x, 1))).isEqualTo("x"); }
  @Test void noPowerZero() { assertThat(s(add(pow(x, 0), y))).isEqualTo("y + 1"); }
  @Test void timesZeroIsZero() { assertThat(s(mul(num(0), call(Expr.Fn.SIN, x)))).isEqualTo("0"); }
  @Test void numericFactorDistributes() {
    assertThat(s(mul(num(0.5), add(mul(num(2), pow(x, 2)), num(4))))).isEqualTo("x^2 + 2");
  }
  @Test void powersOfSumsAreNotExpanded() { assertThat(s(pow(add(x, y), 2))).isEqualTo("(x + y)^2"); }
  @Test void powerOfPowerWithIntegerExponent() { assertThat(s(pow(pow(x, 3), 2))).isEqualTo("x^6"); }
  @Test void powerOfPowerWithFractionKept() { assertThat(s(pow(pow(x, 2), 0.5))).isEqualTo("(x^2)^0.5"); }
  @Test void powerOfProductDistributesForIntegers() { assertThat(s(pow(mul(num(2), x), 2))).isEqualTo("4*x^2"); }
  @Test void divisionCancels() { assertThat(s(div(mul(x, y), x))).isEqualTo("y"); }
  @Test void whereWithConstantCondition() { assertThat(s(where(cmp("<", num(1), num(2)), x, y))).isEqualTo("x"); }
  @Test void whereWithEqualBranches() { assertThat(s(where(cmp("<", x, y), x, x))).isEqualTo("x"); }
  @Test void minOfEqual() { assertThat(s(Sym.min(x, x))).isEqualTo("x"); }
  @Test void emptySumIsZero() { assertThat(s(sum("i", num(3), num(2), elem("z", index("i"))))).isEqualTo("0"); }
  @Test void emptyProductIsOne() { assertThat(s(prod("i", num(3), num(2), elem("z", index("i"))))).isEqualTo("1"); }
  @Test void sumOfInvariantBodyMultiplies() { assertThat(s(sum("i", num(1), num(4), x))).isEqualTo("4*x"); }
  @Test void logicFolds() { assertThat(s(where(and(num(1), cmp("<", x, y)), x, y))).isEqualTo("where(x < y, x, y)"); }

  @Test void canonicalOrderDegreeThenVariables() {
    // 0.5*(2*x^2 + 2*x*y + 20*y^2) - (5*x + 3*y)
    Expr f = sub(mul(num(0.5), add(mul(num(2), pow(x, 2)), mul(num(2), x, y), mul(num(20), pow(y, 2)))),
        add(mul(num(5), x), mul(num(3), y)));
    assertThat(s(f)).isEqualTo("x^2 + x*y + 10*y^2 - 5*x - 3*y");
  }

  @Test void orderFollowsSignatureNotAlphabet() {
    Signature yx = Signature.of(new VarSpec("y", 0), new VarSpec("x", 0));
    assertThat(Simplifier.simplify(add(x, y, num(1)), yx).text()).isEqualTo("y + x + 1");
  }

  @Test void simplifiedNodesAreInterned() {
    assertThat(Simplifier.simplify(add(x, x), XY)).isSameAs(mul(num(2), x));
  }
  @Test void singleIterationSumIsItsBody() {
    assertThat(s(sum("i", num(2), num(2), pow(elem("z", index("i")), 2)))).isEqualTo("z[2]^2");
  }
  @Test void negationDistributes() { assertThat(s(neg(sub(x, y)))).isEqualTo("-x + y"); }
  @Test void comparisonsOfConstantsFold() { assertThat(s(cmp("<=", num(2), num(1)))).isEqualTo("0"); }
  @Test void doubleNotCancels() { assertThat(s(where(not(not(cmp("<", x, y))), x, y))).isEqualTo("where(x < y, x, y)"); }
  @Test void reciprocalOfAProduct() { assertThat(s(pow(mul(x, y), -1))).isEqualTo("1/(x*y)"); }
  @Test void sumBodiesAreSimplified() {
    assertThat(s(sum("i", num(1), num(5), add(elem("z", index("i")), elem("z", index("i"))))))
        .isEqualTo("sum(i in 1..5, 2*z[i])");
  }
  @Test void indicesAreCanonical() { assertThat(s(elem("z", add(num(1), index("i"))))).isEqualTo("z[i + 1]"); }
  @Test void symbolicLikeTerms() { assertThat(s(add(mul(a, x), mul(num(2), x, a)))).isEqualTo("3*x*a"); }
}
