package gradus.sym;

import static gradus.sym.Sym.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class DerivativesTest {
  static final Expr x = var("x"), y = var("y");

  static ScalarFunction specF() {
    Expr body = sub(mul(num(0.5), add(mul(num(2), pow(x, 2)), mul(num(2), x, y), mul(num(20), pow(y, 2)))),
        add(mul(num(5), x), mul(num(3), y)));
    return declare("f", Signature.of(new VarSpec("x", 0), new VarSpec("y", 0)), body);
  }

  static ScalarFunction rosen(int n) {
    Expr i = index("i");
    Expr xi = elem("x", i);
    Expr body = sum("i", num(1), num(n - 1),
        add(mul(num(100), pow(sub(elem("x", add(i, num(1))), pow(xi, 2)), 2)), pow(sub(num(1), xi), 2)));
    return declare("rosen", Signature.of(new VarSpec("x", n)), body);
  }

  @Test
  void specFunctionPrintsSimplified() {
    assertThat(specF().text()).isEqualTo("x^2 + x*y + 10*y^2 - 5*x - 3*y");
  }

  @Test
  void specGradientPrints() {
    assertThat(Derivatives.grad(specF()).text()).isEqualTo("[2*x + y - 5, x + 20*y - 3]");
  }

  @Test
  void specHessianPrints() {
    assertThat(Derivatives.hessian(specF()).text()).isEqualTo("[[2, 1], [1, 20]]");
  }

  @Test
  void specGradientEvaluates() {
    assertThat(Derivatives.grad(specF()).evaluate(new double[] {1, 2}, null)).containsExactly(2 + 2 - 5, 1 + 40 - 3);
    assertThat(Derivatives.hessian(specF()).evaluate(new double[] {1, 2}, null)).containsExactly(2, 1, 1, 20);
  }

  @Test
  void diffByName() {
    assertThat(Derivatives.diff(specF(), List.of(VarRef.of("x"))).text()).isEqualTo("2*x + y - 5");
    assertThat(Derivatives.diff(specF(), List.of(VarRef.of("x"), VarRef.of("y"))).text()).isEqualTo("1");
  }

  @Test
  void rosenPrintsAndEvaluates() {
    ScalarFunction r = rosen(3);
    System.out.println(r.text());
    System.out.println(r.latex());
    GradientFunction g = Derivatives.grad(r);
    System.out.println(g.text());
    System.out.println(g.latex());
    HessianFunction h = Derivatives.hessian(r);
    System.out.println(h.text());
    System.out.println(Derivatives.diff(r, List.of(VarRef.of("x", 2))).text());
    assertThat(r.value(new double[] {1, 1, 1}, null)).isEqualTo(0);
    assertThat(g.evaluate(new double[] {1, 1, 1}, null)).containsExactly(0, 0, 0);
    double[] hx = h.evaluate(new double[] {1, 1, 1}, null);
    assertThat(hx).containsExactly(802, -400, 0, -400, 1002, -400, 0, -400, 200);
  }

  @Test
  void largeGradientPrintsSummarized() {
    GradientFunction g = Derivatives.grad(rosen(2000));
    System.out.println(g.text());
    System.out.println(Derivatives.hessian(rosen(2000)).text());
  }
}
