package gradus.compile;

import static gradus.sym.Sym.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import gradus.sym.Expr;
import gradus.sym.Expr.Fn;
import gradus.sym.ScalarFunction;
import gradus.sym.Sym;
import gradus.sym.Signature;
import gradus.sym.VarSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class CompilerTest {

  // ---- helpers ---------------------------------------------------------------------------------

  static Expr rosenbrock(int n) {
    Expr i = index("i");
    Expr xi = elem("x", i);
    Expr xi1 = elem("x", add(i, num(1)));
    return sum("i", num(1), num(n - 1),
        add(mul(num(100), pow(sub(xi1, pow(xi, 2)), 2)), pow(sub(num(1), xi), 2)));
  }

  static double rosenbrockByHand(double[] x, double[] g) {
    java.util.Arrays.fill(g, 0);
    double f = 0;
    for (int i = 0; i + 1 < x.length; i++) {
      double d = x[i + 1] - x[i] * x[i];
      double e = 1 - x[i];
      f += 100 * d * d + e * e;
      g[i] += -400 * d * x[i] - 2 * e;
      g[i + 1] += 200 * d;
    }
    return f;
  }

  static Signature vec(int n) {
    return Signature.of(new VarSpec("x", n));
  }

  static double[] point(Random r, int n) {
    double[] x = new double[n];
    for (int i = 0; i < n; i++) x[i] = r.nextDouble() * 2 - 1;
    return x;
  }

  static void assertClose(double actual, double expected, double rel) {
    assertThat(actual).isCloseTo(expected, within(rel * (1 + Math.abs(expected))));
  }

  static CompiledFunction compile(Signature sig, Expr body) {
    return Compiler.compile(fn(sig, body));
  }

  static ScalarFunction fn(Signature sig, Expr body) {
    return Sym.function("f", sig, body);
  }

  /**
   * Compiled against the naive evaluation of the same programs: values bit for bit (the same
   * operations in the same order), gradients, Hessians and Hessian-vector products to rounding
   * (fused loops may add a slot's contributions in another order).
   */
  static void assertAgree(Signature sig, Expr body, double[] x, double[] fields, int off) {
    ScalarFunction f = fn(sig, body);
    CompiledFunction c = Compiler.compile(f);
    double v = Naive.value(Compiler.value(f), x, fields, off);
    double vc = c.value(x, fields, off);
    if (Double.isNaN(v)) {
      assertThat(vc).isNaN();
      return;
    }
    assertThat(vc).as(() -> "value of " + body.text()).isEqualTo(v);
    int n = sig.dimension();
    double[] g = new double[n];
    assertThat(c.valueAndGradient(x, fields, off, g)).isEqualTo(v);
    closeTo(g, Naive.vector(Compiler.gradient(f), x, fields, off, null), () -> "gradient of " + body.text());
    if (n > 12) return;
    double[] h = new double[n * n];
    c.hessian(x, fields, off, h);
    closeTo(h, Naive.matrix(Compiler.hessian(f), x, fields, off), () -> "Hessian of " + body.text());
    double[] dir = point(new Random(n), n);
    double[] hv = new double[n];
    c.accumulateHessianVector(x, fields, off, dir, hv);
    closeTo(hv, Naive.vector(Compiler.hessianVector(f), x, fields, off, dir), () -> "H*v of " + body.text());
  }

  static void closeTo(double[] got, double[] want, java.util.function.Supplier<String> what) {
    double scale = 1;
    for (double w : want) if (Double.isFinite(w)) scale = Math.max(scale, Math.abs(w));
    for (int k = 0; k < want.length; k++) {
      int kk = k;
      if (Double.isNaN(want[k])) assertThat(got[k]).as(() -> what.get() + " [" + kk + "]").isNaN();
      else if (Double.isInfinite(want[k])) assertThat(got[k]).as(() -> what.get() + " [" + kk + "]").isEqualTo(want[k]);
      else assertThat(got[k]).as(() -> what.get() + " [" + kk + "]").isCloseTo(want[k], within(1e-12 * scale));
    }
  }

  /** Gradient vs central differences, skipping components where the function is not smooth at this scale. */
  static void assertGradientMatchesFd(CompiledFunction c, double[] x, double[] fields, int off) {
    int n = c.dimension();
    double[] g = new double[n];
    c.valueAndGradient(x, fields, off, g);
    for (int k = 0; k < n; k++) {
      double fd1 = fd(c, x, fields, off, k, 1e-6);
      double fd2 = fd(c, x, fields, off, k, 1e-5);
      if (!Double.isFinite(fd1) || Math.abs(fd1 - fd2) > 1e-5 * (1 + Math.abs(fd1))) continue; // kink nearby
      assertThat(g[k]).as("component %d", k).isCloseTo(fd1, within(1e-5 * (1 + Math.abs(fd1))));
    }
  }

  static double fd(CompiledFunction c, double[] x, double[] fields, int off, int k, double h) {
    double[] y = x.clone();
    y[k] = x[k] + h;
    double fp = c.value(y, fields, off);
    y[k] = x[k] - h;
    double fm = c.value(y, fields, off);
    return (fp - fm) / (2 * h);
  }

  static void assertHessianMatchesFd(CompiledFunction c, double[] x, double[] fields, int off, double tol) {
    int n = c.dimension();
    double[] h = new double[n * n];
    c.hessian(x, fields, off, h);
    double[] gp = new double[n];
    double[] gm = new double[n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) assertThat(h[i * n + j]).isCloseTo(h[j * n + i], within(1e-9 * (1 + Math.abs(h[i * n + j]))));
    }
    for (int k = 0; k < n; k++) {
      double step = 1e-5 * Math.max(1, Math.abs(x[k]));
      double[] y = x.clone();
      y[k] = x[k] + step;
      c.valueAndGradient(y, fields, off, gp);
      y[k] = x[k] - step;
      c.valueAndGradient(y, fields, off, gm);
      for (int i = 0; i < n; i++) {
        double fd = (gp[i] - gm[i]) / (2 * step);
        assertThat(h[i * n + k]).as("H[%d][%d]", i, k).isCloseTo(fd, within(tol * (1 + Math.abs(fd))));
      }
    }
  }

  // ---- random expressions over all node types -------------------------------------------------

  @Property(tries = 300)
  void randomExpressionsAgreeWithTheNaiveEvaluationAndFiniteDifferences(@ForAll long seed) {
    Expr f = new RandomExprs(seed, false).gen(4);
    Random r = new Random(seed ^ 0x5DEECE66DL);
    double[] x = point(r, RandomExprs.SIG.dimension());
    double[] fields = point(r, 2 * RandomExprs.SIG.fieldCount() + 1);
    int off = 1 + RandomExprs.SIG.fieldCount();
    assertAgree(RandomExprs.SIG, f, x, fields, off);
    CompiledFunction c = compile(RandomExprs.SIG, f);
    if (Double.isFinite(c.value(x, fields, off))) assertGradientMatchesFd(c, x, fields, off);
  }

  @Property(tries = 60)
  void randomSmoothHessiansAreSymmetricAndMatchGradientDifferences(@ForAll long seed) {
    Expr f = new RandomExprs(seed, true).gen(3);
    Random r = new Random(seed);
    double[] x = point(r, RandomExprs.SIG.dimension());
    double[] fields = point(r, RandomExprs.SIG.fieldCount());
    CompiledFunction c = compile(RandomExprs.SIG, f);
    if (!Double.isFinite(c.value(x, fields, 0))) return;
    assertHessianMatchesFd(c, x, fields, 0, 1e-4);
  }

  // ---- sums and products ------------------------------------------------------------------------

  @Property(tries = 49)
  void chainedRosenbrockMatchesHandWrittenLoop(@ForAll @IntRange(min = 2, max = 50) int n) {
    CompiledFunction c = compile(vec(n), rosenbrock(n));
    double[] x = point(new Random(n), n);
    double[] g = new double[n];
    double[] gh = new double[n];
    double v = c.valueAndGradient(x, null, 0, g);
    double vh = rosenbrockByHand(x, gh);
    assertClose(v, vh, 1e-13);
    for (int k = 0; k < n; k++) assertThat(g[k]).isCloseTo(gh[k], within(1e-11 * (1 + Math.abs(gh[k]))));
    assertAgree(vec(n), rosenbrock(n), x, null, 0);
    if (n <= 12) assertHessianMatchesFd(c, x, null, 0, 1e-5);
  }

  @Test
  void nestedSumWithDependentBounds() {
    int n = 7;
    Expr i = index("i");
    Expr j = index("j");
    Expr f = sum("i", num(1), num(n), sum("j", i, num(n), mul(elem("x", i), elem("x", j))));
    double[] x = point(new Random(3), n);
    CompiledFunction c = compile(vec(n), f);
    double expect = 0;
    double[] g = new double[n];
    for (int a = 0; a < n; a++) {
      for (int b = a; b < n; b++) {
        expect += x[a] * x[b];
        g[a] += x[b];
        g[b] += x[a];
      }
    }
    double[] gc = new double[n];
    assertClose(c.valueAndGradient(x, null, 0, gc), expect, 1e-14);
    for (int k = 0; k < n; k++) assertThat(gc[k]).isCloseTo(g[k], within(1e-13));
    assertAgree(vec(n), f, x, null, 0);
    assertHessianMatchesFd(c, x, null, 0, 1e-6);
    double[] h = new double[n * n];
    c.hessian(x, null, 0, h);
    for (int a = 0; a < n; a++) for (int b = 0; b < n; b++) assertThat(h[a * n + b]).isCloseTo(a == b ? 2 : 1, within(1e-12));
  }

  @Test
  void invariantCodeInsideSumsAndSumsInsideSums() {
    int n = 6;
    Expr i = index("i");
    Expr j = index("j");
    Expr total = sum("j", num(1), num(n), call(Fn.SIN, elem("x", j)));
    // the inner sum does not depend on i: computed once, its adjoint accumulated over i
    Expr f = add(sum("i", num(1), num(n), mul(elem("x", i), total, call(Fn.EXP, elem("x", 1)))),
        prod("i", num(2), num(4), sum("j", num(1), i, mul(index("j"), elem("x", j)))));
    double[] x = point(new Random(5), n);
    assertAgree(vec(n), f, x, null, 0);
    assertGradientMatchesFd(compile(vec(n), f), x, null, 0);
    assertHessianMatchesFd(compile(vec(n), f), x, null, 0, 1e-5);
  }

  /**
   * (sum(j, tanh(sum(k, x[2j + k - 2]*y[k]))))^2: in its Hessian program the row loops over j and
   * k hold the node tanh(sum(k, ...)) at another j, whose own sum over k computes x[...]*y[k]
   * with its inner k — the same node y[k] as the row's. Each scope keeps its own value of it (a
   * single local for both once gave wrong Hessian entries after the inner loop).
   */
  @Test
  void aNodeComputedInAnInnerLoopOfTheSameIndexKeepsBothValues() {
    Expr j = index("j");
    Expr k = index("k");
    Expr inner = sum("k", num(1), num(2), mul(elem("x", add(mul(num(2), j), k, num(-2))), elem("y", k)));
    Expr f = pow(sum("j", num(1), num(2), call(Fn.TANH, inner)), num(2));
    Signature sig = new Signature(List.of(new VarSpec("x", 4)), List.of(new VarSpec("y", 2)));
    double[] x = {0.8, 0.25, -0.24, -0.49};
    double[] y = {0.3, -1.1};
    assertAgree(sig, f, x, y, 0);
    assertHessianMatchesFd(compile(sig, f), x, y, 0, 1e-6);
  }

  @Test
  void productsHandleZeroFactors() {
    int n = 5;
    Expr f = prod("i", num(1), num(n), elem("x", index("i")));
    CompiledFunction c = compile(vec(n), f);
    double[] g = new double[n];
    assertThat(c.valueAndGradient(new double[] {2, 3, 0, 5, 7}, null, 0, g)).isZero();
    assertThat(g).containsExactly(0, 0, 2 * 3 * 5 * 7, 0, 0);
    c.valueAndGradient(new double[] {2, 0, 0, 5, 7}, null, 0, g);
    assertThat(g).containsExactly(0, 0, 0, 0, 0);
    assertThat(c.valueAndGradient(new double[] {2, 3, 4, 5, 7}, null, 0, g)).isEqualTo(840);
    assertThat(g[0]).isCloseTo(420, within(1e-12));
    assertThat(g[4]).isCloseTo(120, within(1e-12));
    // empty ranges: an empty product is 1 and an empty sum 0
    CompiledFunction e = compile(vec(n), add(prod("i", num(3), num(2), elem("x", index("i"))),
        sum("i", num(3), num(2), elem("x", index("i")))));
    assertThat(e.valueAndGradient(new double[n], null, 0, g)).isEqualTo(1);
    assertThat(g).containsOnly(0);
    assertAgree(vec(n), f, new double[] {2, 3, 0, 5, 7}, null, 0);
  }

  // ---- fields --------------------------------------------------------------------------------------

  @Test
  void perRowLossAccumulatesOverPackedRows() {
    Signature sig = new Signature(List.of(new VarSpec("w", 0), new VarSpec("b", 0)),
        List.of(new VarSpec("u", 0), new VarSpec("v", 0)));
    Expr loss = pow(sub(add(mul(var("w"), var("u")), var("b")), var("v")), 2);
    CompiledFunction c = compile(sig, loss);
    assertThat(c.fieldCount()).isEqualTo(2);
    double[] data = {1, 2.5, 2, 4.0, 3, 7.5, -1, -1.0};
    double[] x = {1.3, -0.2};
    double[] acc = new double[2];
    double total = 0;
    double[] expect = new double[2];
    double expectTotal = 0;
    double[] one = new double[2];
    for (int row = 0; row < 4; row++) {
      total += c.accumulate(x, data, 2 * row, acc);
      double v = c.valueAndGradient(x, data, 2 * row, one);
      expectTotal += v;
      expect[0] += one[0];
      expect[1] += one[1];
      double r = x[0] * data[2 * row] + x[1] - data[2 * row + 1];
      assertClose(v, r * r, 1e-14);
      assertThat(one[0]).isCloseTo(2 * r * data[2 * row], within(1e-12));
      assertThat(one[1]).isCloseTo(2 * r, within(1e-12));
    }
    assertThat(total).isEqualTo(expectTotal);
    assertThat(acc).containsExactly(expect);
  }

  @Test
  void vectorFieldsReadTheirRow() {
    Signature sig = new Signature(List.of(new VarSpec("w", 3)), List.of(new VarSpec("u", 3), new VarSpec("v", 0)));
    Expr i = index("i");
    Expr f = call(Fn.SOFTPLUS, sub(sum("i", num(1), num(3), mul(elem("w", i), elem("u", i))), var("v")));
    double[] data = {9, 9, 1, 2, 3, 0.5, 4, 5, 6, 1.5};
    assertAgree(sig, f, new double[] {0.1, -0.2, 0.3}, data, 2);
    CompiledFunction c = compile(sig, f);
    double[] g = new double[3];
    c.valueAndGradient(new double[] {0.1, -0.2, 0.3}, data, 6, g);
    double z = 0.4 - 1.0 + 1.8 - 1.5;
    double s = 1 / (1 + Math.exp(-z));
    assertThat(g).containsExactly(new double[] {s * 4, s * 5, s * 6}, within(1e-12));
  }

  // ---- size, conventions, errors ---------------------------------------------------------------

  @Test
  void hugeExpressionIsSplitIntoSmallMethods() {
    int n = 50;
    Random r = new Random(11);
    List<Expr> terms = new ArrayList<>();
    for (int k = 0; k < 20_000; k++) {
      Expr a = elem("x", 1 + r.nextInt(n));
      Expr b = elem("x", 1 + r.nextInt(n));
      terms.add(mul(num(r.nextInt(9) + 1), call(k % 2 == 0 ? Fn.SIN : Fn.TANH, mul(a, b)), b));
    }
    Expr f = add(terms);
    byte[] bytes = Compiler.bytecode(Compiler.gradient(fn(vec(n), f)));
    assertThat(bytes.length).isGreaterThan(65536); // the class is big, its methods are not
    assertThat(CodegenTest.largestMethod(bytes)).isLessThan(8000);
    double[] x = point(r, n);
    assertAgree(vec(n), f, x, null, 0);
    // a huge loop body, too: split into chunk methods called per iteration
    List<Expr> body = new ArrayList<>();
    Expr i = index("i");
    for (int k = 0; k < 3000; k++) body.add(mul(num(k % 7 + 1), call(Fn.SIN, mul(num(k * 1e-3), elem("x", i)))));
    Expr g = sum("i", num(1), num(n), add(body));
    assertAgree(vec(n), g, x, null, 0);
  }

  /** A loop body too large for JVM locals: kept in scratch arrays and split into chunk methods. */
  static Expr bigBody(Expr a, Expr b, int terms) {
    List<Expr> ts = new ArrayList<>();
    for (int k = 0; k < terms; k++) ts.add(mul(num(1.0 / (k + 1)), call(Fn.SIN, add(mul(num(0.1 * k), a), b))));
    return add(ts);
  }

  @Test
  void largeLoopBodiesProductsAndNestedLoopsInScratchArrays() {
    int n = 5;
    Expr i = index("i");
    Expr j = index("j");
    Expr xi = elem("x", i);
    Expr xj = elem("x", j);
    Expr f = add(
        prod("i", num(1), num(n), mul(num(0.5), call(Fn.TANH, bigBody(xi, var("y"), 60)))),
        sum("i", num(1), num(n), sum("j", i, num(n), mul(xi, bigBody(xj, xi, 40)))),
        sum("i", num(1), num(n), mul(bigBody(xi, num(0.3), 50), prod("j", num(1), i, call(Fn.COS, xj)))));
    Signature sig = Signature.of(new VarSpec("x", n), new VarSpec("y", 0));
    double[] x = point(new Random(8), n + 1);
    assertAgree(sig, f, x, null, 0);
    CompiledFunction c = compile(sig, f);
    assertGradientMatchesFd(c, x, null, 0);
    assertHessianMatchesFd(c, x, null, 0, 1e-4);
    // a zero factor inside a large product body
    Expr z = prod("i", num(1), num(n), bigBody(xi, num(0), 60));
    double[] x0 = x.clone();
    x0[2] = 0; // bigBody(0, 0) = 0
    assertAgree(sig, z, x0, null, 0);
    assertGradientMatchesFd(compile(sig, z), x0, null, 0);
  }

  @Test
  void sumsAsTermsOfTheObjectiveAndSumsUsedTwice() {
    int n = 6;
    Expr i = index("i");
    Expr s1 = sum("i", num(1), num(n), pow(elem("x", i), 2));
    Expr s2 = sum("i", num(2), num(n), mul(elem("x", i), elem("x", add(i, num(-1)))));
    Signature sig = Signature.of(new VarSpec("x", n), new VarSpec("y", 0));
    double[] x = point(new Random(9), n + 1);
    // s1 and s2 have constant adjoints (fused single pass); s1 also feeds a non-linear term below
    Expr fused = add(mul(num(0.5), s1), s2, pow(var("y"), 2));
    Expr shared = add(mul(num(0.5), s1), s2, call(Fn.LOG1P, pow(s1, 2)));
    for (Expr f : List.of(fused, shared)) {
      assertAgree(sig, f, x, null, 0);
      assertGradientMatchesFd(compile(sig, f), x, null, 0);
    }
    double[] g = new double[n + 1];
    compile(sig, fused).valueAndGradient(x, null, 0, g);
    for (int k = 0; k < n; k++) {
      double expect = x[k] + (k > 0 ? x[k - 1] : 0) + (k + 1 < n ? x[k + 1] : 0);
      assertThat(g[k]).isCloseTo(expect, within(1e-14));
    }
    assertThat(g[n]).isEqualTo(2 * x[n]);
  }

  @Test
  void affineIndicesReversedAndStrided() {
    int n = 9;
    Expr i = index("i");
    Expr f = add(sum("i", num(1), num(n), mul(elem("x", sub(num(n + 1), i)), elem("x", i), elem("x", i))),
        sum("i", num(1), num(4), pow(elem("x", add(mul(num(2), i), num(1))), 3)),
        sum("i", num(1), num(3), sum("j", i, num(3), elem("x", add(mul(num(3), index("j")), mul(num(-1), i))))));
    double[] x = point(new Random(12), n);
    assertAgree(vec(n), f, x, null, 0);
    assertGradientMatchesFd(compile(vec(n), f), x, null, 0);
  }

  @Test
  void deepChainsCompile() {
    int n = 10;
    Expr f = num(0);
    for (int k = 0; k < 20_000; k++) f = add(mul(num(0.999), f), call(Fn.SIN, elem("x", 1 + k % n)));
    double[] x = point(new Random(4), n);
    Expr deep = f;
    // the naive oracle recurses once per level: give it a large stack
    BigStack.run(() -> {
      assertAgree(vec(n), deep, x, null, 0);
      return null;
    });
  }

  @Test
  void sumOfAnIndexFreeBodyAndBoundsFromFields() {
    Signature sig = new Signature(List.of(new VarSpec("y", 0)), List.of(new VarSpec("m", 0)));
    Expr f = sum("i", num(1), var("m"), mul(var("y"), var("y"), index("i")));
    CompiledFunction c = compile(sig, f);
    double[] g = new double[1];
    assertThat(c.valueAndGradient(new double[] {3}, new double[] {0, 4}, 1, g)).isEqualTo(9 * 10);
    assertThat(g[0]).isEqualTo(2 * 3 * 10);
    assertAgree(sig, add(f, sum("i", num(1), num(3), mul(var("y"), var("y")))), new double[] {3}, new double[] {4}, 0);
  }

  @Test
  void kinksFollowPyTorchConventions() {
    Signature sig = Signature.of(new VarSpec("a", 0), new VarSpec("b", 0));
    Expr a = var("a");
    Expr b = var("b");
    double[] g = new double[2];
    compile(sig, max(a, b)).valueAndGradient(new double[] {1, 1}, null, 0, g);
    assertThat(g).containsExactly(0.5, 0.5);
    compile(sig, min(a, b)).valueAndGradient(new double[] {2, 1}, null, 0, g);
    assertThat(g).containsExactly(0, 1);
    compile(sig, add(call(Fn.ABS, a), call(Fn.RELU, b))).valueAndGradient(new double[] {0, 0}, null, 0, g);
    assertThat(g).containsExactly(0, 0);
    compile(sig, where(cmp(">", a, b), mul(a, a), b)).valueAndGradient(new double[] {3, 1}, null, 0, g);
    assertThat(g).containsExactly(6, 0);
    compile(sig, call(Fn.SIGN, a)).valueAndGradient(new double[] {3, 1}, null, 0, g);
    assertThat(g).containsExactly(0, 0);
    CompiledFunction sp = compile(sig, add(call(Fn.SOFTPLUS, a), call(Fn.SIGMOID, b)));
    assertThat(sp.value(new double[] {800, -800}, null, 0)).isEqualTo(800);
    // d(x^y)/dy at x = 0 is taken as 0
    compile(sig, pow(a, b)).valueAndGradient(new double[] {0, 2}, null, 0, g);
    assertThat(g).containsExactly(0, 0);
  }

  @Test
  void outOfRangeIndexThrowsAClearError() {
    Expr f = sum("i", num(1), num(3), elem("x", add(index("i"), num(1))));
    CompiledFunction c = compile(vec(3), f);
    assertThatThrownBy(() -> c.value(new double[3], null, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("index 4 is out of range for x[3]");
    assertThatThrownBy(() -> c.value(new double[2], null, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> compile(vec(3), cmp("<", var("zz"), num(0))).value(new double[3], null, 0))
        .isInstanceOf(RuntimeException.class).hasMessageContaining("unknown name 'zz'");
    assertThatThrownBy(() -> compile(vec(3), var("x")).value(new double[3], null, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is a vector");
    // range checks hoisted to the loop ends: both ends are checked
    Expr low = sum("i", num(0), num(2), elem("x", index("i")));
    assertThatThrownBy(() -> compile(vec(3), low).value(new double[3], null, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("index 0 is out of range for x[3]");
    // integer index arithmetic must not wrap around into a valid slot
    Expr wrap = sum("i", num(4096), num(4096), elem("x", add(mul(index("i"), num(1 << 20)), num(1))));
    assertThatThrownBy(() -> compile(vec(3), wrap).value(new double[3], null, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("out of range");
    assertThatThrownBy(() -> compile(vec(3), elem("x", index("k"))).value(new double[3], null, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outside of a sum");
  }

  // ---- scale ---------------------------------------------------------------------------------------

  // Speed is measured in src/test/java/gradus/bench (JMH), never asserted here: the machines are shared.
  @Test
  void largeProblemsCompileAndHessiansMatchTheirClosedForm() {
    CompiledFunction big = compile(vec(1_000_000), rosenbrock(1_000_000));
    double[] x = new double[1_000_000];
    java.util.Arrays.fill(x, 0.5);
    double[] g = new double[x.length];
    double[] gh = new double[x.length];
    assertClose(big.valueAndGradient(x, null, 0, g), rosenbrockByHand(x, gh), 1e-12);
    assertThat(g[123_456]).isCloseTo(gh[123_456], within(1e-9));

    CompiledFunction c100 = compile(vec(100), rosenbrock(100));
    double[] h = new double[100 * 100];
    double[] x100 = point(new Random(1), 100);
    c100.hessian(x100, null, 0, h);
    // d2/dx_k^2 of the chained Rosenbrock, for an interior k (0-based 5): 1200 x_k^2 - 400 x_{k+1} + 2 + 200
    assertThat(h[5 * 100 + 5]).isCloseTo(1200 * x100[5] * x100[5] - 400 * x100[6] + 2 + 200, within(1e-9));
    assertThat(h[5 * 100 + 6]).isCloseTo(-400 * x100[5], within(1e-9));
    assertThat(h[5 * 100 + 7]).isEqualTo(0.0);

    CompiledFunction c1000 = compile(vec(1000), rosenbrock(1000));
    double[] h1000 = new double[1000 * 1000];
    double[] x1000 = point(new Random(2), 1000);
    c1000.hessian(x1000, null, 0, h1000);
    assertThat(h1000[999 * 1000 + 999]).isCloseTo(200, within(1e-9));
    assertThat(h1000[998 * 1000 + 999]).isCloseTo(-400 * x1000[998], within(1e-9));
  }
}
