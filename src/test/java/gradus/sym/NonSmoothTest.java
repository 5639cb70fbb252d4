package gradus.sym;

import static gradus.sym.Sym.*;
import static org.assertj.core.api.Assertions.assertThat;

import gradus.sym.Expr.Fn;
import java.util.List;
import org.junit.jupiter.api.Test;

/** PyTorch's conventions at non-smooth points. */
class NonSmoothTest {
  static final Signature XY = Signature.of(new VarSpec("x", 0), new VarSpec("y", 0));
  static final Expr x = var("x"), y = var("y");

  static double[] grad(Expr body, double... p) {
    return Eval.evaluate(Derivatives.grad(declare("f", XY, body)), p, null);
  }

  @Test void absHasSignDerivativeZeroAtZero() {
    assertThat(grad(call(Fn.ABS, x), 0, 0)).containsExactly(0, 0);
    assertThat(grad(call(Fn.ABS, x), -2, 0)).containsExactly(-1, 0);
    assertThat(Derivatives.grad(declare("f", XY, call(Fn.ABS, x))).text()).isEqualTo("[sign(x), 0]");
  }

  @Test void reluDerivativeIsZeroAtZero() {
    assertThat(grad(call(Fn.RELU, x), 0, 0)).containsExactly(0, 0);
    assertThat(grad(call(Fn.RELU, x), 1e-9, 0)).containsExactly(1, 0);
    assertThat(Derivatives.grad(declare("f", XY, call(Fn.RELU, x))).text()).isEqualTo("[where(x > 0, 1, 0), 0]");
  }

  @Test void signHasZeroDerivative() {
    assertThat(grad(call(Fn.SIGN, x), 0.5, 0)).containsExactly(0, 0);
  }

  @Test void maxAndMinSplitTheGradientOnATie() {
    assertThat(grad(Sym.max(x, y), 1, 1)).containsExactly(0.5, 0.5);
    assertThat(grad(Sym.max(x, y), 2, 1)).containsExactly(1, 0);
    assertThat(grad(Sym.min(x, y), 2, 1)).containsExactly(0, 1);
    assertThat(grad(Sym.min(x, y), 3, 3)).containsExactly(0.5, 0.5);
    assertThat(grad(Sym.max(mul(num(2), x), y), 1, 2)).containsExactly(1, 0.5);
  }

  @Test void whereDifferentiatesEachBranch() {
    Expr body = where(cmp(">", x, num(0)), pow(x, 2), mul(num(3), y));
    assertThat(grad(body, 2, 5)).containsExactly(4, 0);
    assertThat(grad(body, -2, 5)).containsExactly(0, 3);
    assertThat(Derivatives.grad(declare("f", XY, body)).text()).isEqualTo("[where(x > 0, 2*x, 0), where(x > 0, 0, 3)]");
  }

  @Test void whereDoesNotLeakNanFromTheUnusedBranch() {
    Expr body = where(cmp(">", x, num(0)), call(Fn.SQRT, x), num(0));
    assertThat(grad(body, 0, 0)).containsExactly(0, 0);
  }

  @Test void powerWithBothVariable() {
    Expr body = pow(x, y);
    double[] g = grad(body, 2, 3);
    assertThat(g[0]).isEqualTo(3 * 4.0);
    assertThat(g[1]).isCloseTo(8 * Math.log(2), org.assertj.core.data.Offset.offset(1e-12));
    assertThat(grad(body, 0, 2)).containsExactly(0, 0);
  }

  @Test void mixedPartialOfPower() {
    ScalarFunction f = declare("f", XY, pow(x, y));
    double d = Eval.value(Derivatives.diff(f, List.of(VarRef.of("x"), VarRef.of("y"))), new double[] {2, 3}, null);
    assertThat(d).isCloseTo(4 + 3 * 4 * Math.log(2), org.assertj.core.data.Offset.offset(1e-12));
  }
}
