package gradus.compile;

import static gradus.sym.Sym.*;
import static org.assertj.core.api.Assertions.assertThat;

import gradus.sym.Expr;
import gradus.sym.Expr.Fn;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The compiled update computes the operations of its expressions, in their order: the same
 * doubles as the loop a person would write for the same formulas.
 */
class UpdateCompilerTest {
  static final Expr X = var("x"), G = var("g"), LR = var("lr"), T = var("t");

  /** Adam as torch writes it (the operations of optim.Adam), with beta1 = 0.9, beta2 = 0.999. */
  static UpdateProgram adam(double b1, double b2, double eps) {
    Expr m = var("m"), v = var("v");
    Expr m1 = add(mul(num(b1), m), mul(sub(num(1), num(b1)), G));
    Expr v1 = add(mul(num(b2), v), mul(mul(sub(num(1), num(b2)), G), G));
    Expr stepSize = div(LR, sub(num(1), pow(num(b1), T)));
    Expr denom = add(div(call(Fn.SQRT, v1), call(Fn.SQRT, sub(num(1), pow(num(b2), T)))), num(eps));
    Expr x1 = sub(X, div(mul(stepSize, m1), denom));
    return new UpdateProgram(List.of("m", "v"), Map.of(), x1, List.of(m1, v1), List.of(ZERO, ZERO));
  }

  static void adamByHand(double[] x, double[] g, double[] m, double[] v, double rate, long t,
      double b1, double b2, double eps) {
    double bc1 = 1 - Math.pow(b1, t);
    double bc2Sqrt = Math.sqrt(1 - Math.pow(b2, t));
    double stepSize = rate / bc1;
    for (int i = 0; i < x.length; i++) {
      m[i] = b1 * m[i] + (1 - b1) * g[i];
      v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i];
      x[i] = x[i] - stepSize * m[i] / (Math.sqrt(v[i]) / bc2Sqrt + eps);
    }
  }

  static double[] random(Random r, int n) {
    double[] a = new double[n];
    for (int i = 0; i < n; i++) a[i] = r.nextGaussian();
    return a;
  }

  @Test
  void adamGivesTheBitsOfTheHandWrittenLoop() {
    int n = 2000;
    Random r = new Random(3);
    double[] x = random(r, n);
    double[] y = x.clone();
    double[] m = new double[n];
    double[] v = new double[n];
    UpdateCode code = UpdateCompiler.compile(adam(0.9, 0.999, 1e-8)).newCode(n);
    code.start(y, new double[n]);
    for (long t = 1; t <= 300; t++) {
      double[] g = random(r, n);
      adamByHand(x, g, m, v, 0.01, t, 0.9, 0.999, 1e-8);
      code.update(y, g, 0, 0.01, t, y);
    }
    assertThat(y).containsExactly(x);
    double[] mm = new double[n];
    code.copyState(0, mm);
    assertThat(mm).containsExactly(m);
    assertThat(code.perCoordinate(0)).isTrue();
  }

  @Test
  void equalProgramsShareOneClass() {
    assertThat(UpdateCompiler.compile(adam(0.9, 0.999, 1e-8))).isSameAs(UpdateCompiler.compile(adam(0.9, 0.999, 1e-8)));
    assertThat(UpdateCompiler.compile(adam(0.9, 0.99, 1e-8))).isNotSameAs(UpdateCompiler.compile(adam(0.9, 0.999, 1e-8)));
  }

  @Test
  void outMayBeAnotherArrayAndTheInputStays() {
    UpdateProgram gd = new UpdateProgram(List.of(), Map.of(), sub(X, mul(LR, G)), List.of(), List.of());
    UpdateCode code = UpdateCompiler.compile(gd).newCode(3);
    double[] x = {1, 2, 3};
    double[] out = new double[3];
    code.update(x, new double[] {1, 1, 1}, 0, 0.5, 1, out);
    assertThat(out).containsExactly(0.5, 1.5, 2.5);
    assertThat(x).containsExactly(1, 2, 3);
  }

  @Test
  void sumsAreTakenOverEveryCoordinateBeforeTheUpdate() {
    // normalized gradient descent: x = x - lr*g/norm(g), norm(g) = sqrt(sum of g*g)
    Expr norm = call(Fn.SQRT, var("norm(g)"));
    UpdateProgram p = new UpdateProgram(List.of(), Map.of("norm(g)", mul(G, G)), sub(X, div(mul(LR, G), norm)),
        List.of(), List.of());
    double[] x = {1, 1};
    UpdateCompiler.compile(p).newCode(2).update(x, new double[] {3, 4}, 0, 1, 1, x);
    assertThat(x).containsExactly(1 - 3.0 / 5, 1 - 4.0 / 5);
  }

  @Test
  void aStateThatReadsNoCoordinateIsOneNumber() {
    // NAdam's running product of the momentum factors, and a per-coordinate state beside it
    Expr p = var("p"), s = var("s");
    Expr p1 = mul(p, sub(num(1), div(num(1), add(T, num(1)))));
    Expr s1 = add(s, mul(p1, G));
    UpdateProgram prog = new UpdateProgram(List.of("p", "s"), Map.of(), sub(X, s1), List.of(p1, s1), List.of(ONE, X));
    UpdateCode code = UpdateCompiler.compile(prog).newCode(2);
    double[] x = {1, 2};
    code.start(x, new double[2]);
    assertThat(code.perCoordinate(0)).isFalse();
    assertThat(code.perCoordinate(1)).isTrue();
    double[] st = new double[2];
    code.copyState(1, st);
    assertThat(st).containsExactly(1, 2);
    double pp = 1;
    double[] ss = {1, 2};
    double[] xx = {1, 2};
    for (int t = 1; t <= 5; t++) {
      double[] g = {t, -t};
      code.update(x, g, 0, 1, t, x);
      pp = pp * (1 - 1 / (t + 1.0));
      for (int i = 0; i < 2; i++) {
        ss[i] = ss[i] + pp * g[i];
        xx[i] = xx[i] - ss[i];
      }
    }
    assertThat(code.scalar(0)).isEqualTo(pp);
    assertThat(x).containsExactly(xx);
  }

  @Test
  void whereAndComparisonsSelectPerCoordinate() {
    // sign descent with a dead zone: move only where |g| > 1
    Expr step = where(cmp(">", call(Fn.ABS, G), ONE), call(Fn.SIGN, G), ZERO);
    UpdateProgram p = new UpdateProgram(List.of(), Map.of(), sub(X, mul(LR, step)), List.of(), List.of());
    double[] x = {0, 0, 0};
    UpdateCompiler.compile(p).newCode(3).update(x, new double[] {2, 0.5, -3}, 0, 0.1, 1, x);
    assertThat(x).containsExactly(-0.1, 0, 0.1);
  }
}
