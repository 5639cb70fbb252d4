package gradus.sym;

import static gradus.sym.Sym.*;
import static org.assertj.core.api.Assertions.assertThat;

import gradus.sym.Expr.Fn;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrinterTest {
  static final Expr x = var("x"), y = var("y"), z = var("z");

  @Test void subtractionInsteadOfPlusMinus() { assertThat(add(x, mul(num(-2), y), num(-5)).text()).isEqualTo("x - 2*y - 5"); }
  @Test void leadingMinus() { assertThat(add(mul(num(-1), x), y).text()).isEqualTo("-x + y"); }
  @Test void subtractingASum() { assertThat(sub(x, add(y, z)).text()).isEqualTo("x - (y + z)"); }
  @Test void unaryMinusBindsLooserThanPower() { assertThat(neg(pow(x, 2)).text()).isEqualTo("-x^2"); }
  @Test void powerIsRightAssociative() {
    assertThat(pow(num(2), pow(num(3), num(2))).text()).isEqualTo("2^3^2");
    assertThat(pow(pow(x, 3), num(2)).text()).isEqualTo("(x^3)^2");
  }
  @Test void negativeBaseParenthesized() { assertThat(pow(num(-2), x).text()).isEqualTo("(-2)^x"); }
  @Test void sumBaseParenthesized() { assertThat(pow(add(x, y), 2).text()).isEqualTo("(x + y)^2"); }
  @Test void compoundExponentParenthesized() { assertThat(pow(x, add(y, num(1))).text()).isEqualTo("x^(y + 1)"); }
  @Test void divisionForNegativePowers() {
    assertThat(div(x, y).text()).isEqualTo("x/y");
    assertThat(mul(num(2), pow(x, -2)).text()).isEqualTo("2/x^2");
    assertThat(mul(x, pow(mul(y, z), -1)).text()).isEqualTo("x/(y*z)");
    assertThat(mul(x, pow(y, -1), pow(z, -1)).text()).isEqualTo("x/(y*z)");
    assertThat(pow(x, -1).text()).isEqualTo("1/x");
    assertThat(div(add(x, y), z).text()).isEqualTo("(x + y)/z");
  }
  @Test void negativeFactorParenthesized() { assertThat(mul(x, num(-3)).text()).isEqualTo("x*(-3)"); }
  @Test void numbersUsePythonRepr() { assertThat(add(mul(num(1e-8), x), num(0.1)).text()).isEqualTo("1e-08*x + 0.1"); }
  @Test void elementsAndSums() {
    Expr body = pow(elem("x", add(index("i"), num(1))), 2);
    assertThat(sum("i", num(1), num(9), body).text()).isEqualTo("sum(i in 1..9, x[i + 1]^2)");
    assertThat(prod("k", num(1), num(3), elem("x", index("k"))).text()).isEqualTo("prod(k in 1..3, x[k])");
  }
  @Test void functionsMinMaxWhereLogic() {
    assertThat(call(Fn.LOG1P, x).text()).isEqualTo("log1p(x)");
    assertThat(Sym.max(x, y).text()).isEqualTo("max(x, y)");
    assertThat(where(and(cmp("<", add(x, num(1)), y), not(cmp(">=", y, num(0)))), x, y).text())
        .isEqualTo("where(x + 1 < y and not y >= 0, x, y)");
    assertThat(where(and(or(cmp("<", x, y), cmp("<", y, z)), cmp("<", z, x)), x, y).text())
        .isEqualTo("where((x < y or y < z) and z < x, x, y)");
  }

  @Test void latexForms() {
    Signature sig = Signature.of(new VarSpec("x", 0), new VarSpec("y", 0));
    ScalarFunction f = DerivativesTest.specF();
    assertThat(f.latex()).isEqualTo("x^{2} + x y + 10 y^{2} - 5 x - 3 y");
    assertThat(div(x, y).latex()).isEqualTo("\\frac{x}{y}");
    assertThat(call(Fn.SIN, x).latex()).isEqualTo("\\sin\\left(x\\right)");
    assertThat(call(Fn.SIGMOID, x).latex()).isEqualTo("\\mathrm{sigmoid}\\left(x\\right)");
    assertThat(call(Fn.SQRT, x).latex()).isEqualTo("\\sqrt{x}");
    assertThat(sum("i", num(1), var("n"), elem("x", index("i"))).latex()).isEqualTo("\\sum_{i=1}^{n} x_{i}");
    assertThat(Derivatives.grad(f).latex()).isEqualTo("\\begin{bmatrix} 2 x + y - 5 \\\\ x + 20 y - 3 \\end{bmatrix}");
    assertThat(Derivatives.hessian(f).latex()).isEqualTo("\\begin{bmatrix} 2 & 1 \\\\ 1 & 20 \\end{bmatrix}");
    assertThat(sig.dimension()).isEqualTo(2);
  }

  @Test void fieldsComeAfterVariablesInTheOrder() {
    Signature sig = new Signature(List.of(new VarSpec("w", 0), new VarSpec("b", 0)), List.of(new VarSpec("u", 0), new VarSpec("v", 0)));
    ScalarFunction loss = declare("loss", sig, pow(sub(add(mul(var("w"), var("u")), var("b")), var("v")), 2));
    assertThat(loss.text()).isEqualTo("(w*u + b - v)^2");
    assertThat(Derivatives.grad(loss).text()).isEqualTo("[2*(w*u + b - v)*u, 2*w*u + 2*b - 2*v]");
    assertThat(Derivatives.hessian(loss).text()).isEqualTo("[[2*u^2, 2*u], [2*u, 2]]");
    assertThat(Eval.evaluate(Derivatives.grad(loss), new double[] {1, 2}, new double[] {3, 4})).containsExactly(6, 2);
  }

  @Test void largeGradientPrintsASummary() {
    ScalarFunction f = declare("f", Signature.of(new VarSpec("x", 5000)),
        sum("i", num(1), num(5000), pow(elem("x", index("i")), 2)));
    assertThat(Derivatives.grad(f).text()).isEqualTo("[2*x[1], 2*x[2], 2*x[3], ..., 2*x[4998], 2*x[4999], 2*x[5000]]");
    assertThat(Derivatives.hessian(f).text()).startsWith("[[2, 0, 0, ..., 0, 0, 0], [0, 2, 0, ..., 0, 0, 0], ").contains("], ..., [");
  }
}
