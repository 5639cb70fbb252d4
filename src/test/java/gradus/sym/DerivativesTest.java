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
    assertThat(Eval.evaluate(Derivatives.grad(specF()), new double[] {1, 2}, null)).containsExactly(2 + 2 - 5, 1 + 40 - 3);
    assertThat(Eval.evaluate(Derivatives.hessian(specF()), new double[] {1, 2}, null)).containsExactly(2, 1, 1, 20);
  }

  @Test
  void diffByName() {
    assertThat(Derivatives.diff(specF(), List.of(VarRef.of("x"))).text()).isEqualTo("2*x + y - 5");
    assertThat(Derivatives.diff(specF(), List.of(VarRef.of("x"), VarRef.of("y"))).text()).isEqualTo("1");
  }

  @Test
  void rosenPrintsUnrolledAndEvaluates() {
    ScalarFunction r = rosen(3);
    assertThat(r.text()).isEqualTo("sum(i in 1..2, 100*(-x[i]^2 + x[i + 1])^2 + (-x[i] + 1)^2)");
    assertThat(r.latex()).isEqualTo(
        "\\sum_{i=1}^{2} \\left(100 \\left(-x_{i}^{2} + x_{i + 1}\\right)^{2} + \\left(-x_{i} + 1\\right)^{2}\\right)");
    GradientFunction g = Derivatives.grad(r);
    assertThat(g.rows()).isEqualTo(3);
    assertThat(g.text()).isEqualTo("[-400*x[1]*(-x[1]^2 + x[2]) + 2*x[1] - 2, "
        + "-400*x[2]*(-x[2]^2 + x[3]) - 200*x[1]^2 + 202*x[2] - 2, -200*x[2]^2 + 200*x[3]]");
    HessianFunction h = Derivatives.hessian(r);
    assertThat(h.text()).isEqualTo("[[1200*x[1]^2 - 400*x[2] + 2, -400*x[1], 0], "
        + "[-400*x[1], 1200*x[2]^2 - 400*x[3] + 202, -400*x[2]], [0, -400*x[2], 200]]");
    assertThat(Derivatives.diff(r, List.of(VarRef.of("x", 2))).text())
        .isEqualTo("-400*x[2]*(-x[2]^2 + x[3]) - 200*x[1]^2 + 202*x[2] - 2");
    assertThat(Derivatives.diff(r, List.of(VarRef.of("x", 2), VarRef.of("x", 1))).text()).isEqualTo("-400*x[1]");
    assertThat(Eval.value(r, new double[] {1, 1, 1}, null)).isEqualTo(0);
    assertThat(Eval.evaluate(g, new double[] {1, 1, 1}, null)).containsExactly(0, 0, 0);
    assertThat(Eval.evaluate(h, new double[] {1, 1, 1}, null)).containsExactly(802, -400, 0, -400, 1002, -400, 0, -400, 200);
  }

  @Test
  void scalarDerivativeOfASumKeepsTheLoop() {
    Signature sig = Signature.of(new VarSpec("a", 0), new VarSpec("x", 2000));
    ScalarFunction f = declare("f", sig, sum("i", num(1), num(2000), mul(var("a"), pow(elem("x", index("i")), 2))));
    ScalarFunction d = Derivatives.diff(f, List.of(VarRef.of("a")));
    assertThat(d.text()).isEqualTo("sum(i in 1..2000, x[i]^2)");
    double[] p = new double[2001];
    java.util.Arrays.fill(p, 2);
    assertThat(Eval.value(d, p, null)).isEqualTo(8000);
  }

  @Test
  void hugeSumDifferentiatesWithoutUnrolling() {
    int n = 1_000_000;
    ScalarFunction f = declare("f", Signature.of(new VarSpec("x", n)),
        sum("i", num(1), num(n - 1), pow(sub(elem("x", add(index("i"), num(1))), elem("x", index("i"))), 2)));
    GradientFunction g = Derivatives.grad(f);
    assertThat(f.gradientProgram()).hasSize(1);
    assertThat(Exprs.size(((Stmt.For) f.gradientProgram().get(0)).body().get(0) instanceof Stmt.Acc a ? a.value() : Sym.ZERO))
        .isLessThan(20);
    assertThat(f.hessianProgram()).hasSize(1);
    assertThat(g.text()).startsWith("[2*x[1] - 2*x[2], -2*x[1] + 4*x[2] - 2*x[3], ").contains(", ..., ");
  }
}
