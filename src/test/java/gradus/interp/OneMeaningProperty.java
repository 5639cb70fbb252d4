package gradus.interp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * SPEC §10.1, one meaning per expression: for the same mathematics every route gives the same
 * numbers — the function called ({@code f(p)}), its source and its printed form evaluated by the
 * interpreter's own arithmetic on numbers, {@code grad(f)(p)}, {@code diff(f, v)(p)},
 * {@code hessian(f)(p)}, {@code diff(f, v, w)(p)}, the printed entries of {@code grad(f)} and
 * {@code hessian(f)} evaluated on numbers, and {@code hvp(f)(p, v)} against {@code H*v} — at
 * random points and at zeros, kinks and negative bases. Where any route is finite, all are, and
 * agree (to rounding where they compute different operations, bit for bit where they compute the
 * same one); where the function is smooth they agree with central differences. The examples are
 * the cases that disagreed before the derivative engine was made one.
 */
class OneMeaningProperty {
  static final String[] SPECIAL = {"0", "1", "-1", "-2", "0.5", "2"};

  /** One session; returns the printed lines of a program, failing on any error. */
  static final class Lang {
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();
    final Session s = new Session(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

    List<String> run(String src) {
      out.reset();
      err.reset();
      boolean ok = s.run(src, "p.opt");
      assertThat(ok).as("running\n%s\n%s", src, err.toString(StandardCharsets.UTF_8)).isTrue();
      String o = out.toString(StandardCharsets.UTF_8);
      return o.isEmpty() ? List.of() : List.of(o.split("\n"));
    }
  }

  static double num(String s) {
    return Double.parseDouble(s.trim().replace("inf", "Infinity").replace("nan", "NaN"));
  }

  static double[] nums(String list) {
    List<String> es = ReparseProperty.entries(list);
    double[] out = new double[es.size()];
    for (int i = 0; i < out.length; i++) out[i] = num(es.get(i));
    return out;
  }

  /** Where either is finite both are, and they agree to rounding (relative to the scale given). */
  static void same(double got, double want, double scale, String what) {
    if (!Double.isFinite(got) && !Double.isFinite(want)) return;
    assertThat(Double.isFinite(got) && Double.isFinite(want)).as("%s: %s vs %s (one is not finite)", what, got, want).isTrue();
    double s = Double.isFinite(scale) ? scale : 0;
    assertThat(Math.abs(got - want)).as("%s: %s vs %s", what, got, want)
        .isLessThanOrEqualTo(1e-9 * Math.max(1, Math.max(s, Math.abs(want))));
  }

  /** Every route at every point, for a function of x and y. */
  static void allRoutesAgree(String src, List<double[]> points, int differenced) {
    Lang l = new Lang();
    List<String> decl = l.run("f(x, y) = " + src + "\nprint(f)\nprint(grad(f))\nprint(hessian(f))\n");
    String printed = decl.get(0);
    List<String> grad = ReparseProperty.entries(decl.get(1));
    List<String> hrows = ReparseProperty.entries(decl.get(2));
    List<List<String>> hess = new ArrayList<>();
    for (String row : hrows) hess.add(ReparseProperty.entries(row));
    String ctx = "f(x, y) = " + src + "\n printed " + printed + "\n grad " + grad + "\n hessian " + hess;
    l.run("dx = diff(f, x)\ndy = diff(f, y)\ndxx = diff(f, x, x)\ndxy = diff(f, x, y)\ndyx = diff(f, y, x)\ndyy = diff(f, y, y)\n"
        + "H = hessian(f)\nG = grad(f)\nV = hvp(f)\n");
    for (int q = 0; q < points.size(); q++) {
      double[] p = points.get(q);
      String at = fmt(p[0]) + ", " + fmt(p[1]);
      String where = ctx + "\n at (" + at + ")";
      StringBuilder prog = new StringBuilder("x = " + fmt(p[0]) + "\ny = " + fmt(p[1]) + "\n");
      prog.append("print(f(").append(at).append("))\nprint(").append(src).append(")\nprint(").append(printed).append(")\n");
      prog.append("print(G(").append(at).append("))\nprint([dx(").append(at).append("), dy(").append(at).append(")])\n");
      prog.append("print([").append(grad.get(0)).append(", ").append(grad.get(1)).append("])\n");
      prog.append("print(H(").append(at).append("))\n");
      prog.append("print([[dxx(").append(at).append("), dxy(").append(at).append(")], [dyx(").append(at).append("), dyy(")
          .append(at).append(")]])\n");
      prog.append("print([").append(hess.get(0).get(0)).append(", ").append(hess.get(0).get(1)).append(", ")
          .append(hess.get(1).get(1)).append("])\n");
      prog.append("print(V(").append(at).append(", 0.3, -0.7))\nprint(dot(H(").append(at).append("), [0.3, -0.7]))\n");
      List<String> o = l.run(prog.toString());
      double v = num(o.get(0));
      same(num(o.get(1)), v, 0, "the source on numbers vs f(p): " + where);
      same(num(o.get(2)), v, 0, "the printed f on numbers vs f(p): " + where);
      double[] g = nums(o.get(3));
      double gs = Math.max(Math.abs(g[0]), Math.abs(g[1]));
      double[] d = nums(o.get(4));
      double[] gp = nums(o.get(5));
      for (int k = 0; k < 2; k++) {
        same(d[k], g[k], gs, "diff vs grad [" + k + "]: " + where);
        same(gp[k], g[k], gs, "printed grad vs grad(f)(p) [" + k + "]: " + where);
      }
      double[][] h = {nums(ReparseProperty.entries(o.get(6)).get(0)), nums(ReparseProperty.entries(o.get(6)).get(1))};
      double hs = Math.max(Math.max(Math.abs(h[0][0]), Math.abs(h[0][1])), Math.max(Math.abs(h[1][0]), Math.abs(h[1][1])));
      double[][] dd = {nums(ReparseProperty.entries(o.get(7)).get(0)), nums(ReparseProperty.entries(o.get(7)).get(1))};
      for (int r = 0; r < 2; r++) {
        for (int c = 0; c < 2; c++) same(dd[r][c], h[r][c], hs, "diff(f, v, w) vs hessian [" + r + "][" + c + "]: " + where);
      }
      double[] hp = nums(o.get(8));
      same(hp[0], h[0][0], hs, "printed hessian [0][0]: " + where);
      same(hp[1], h[0][1], hs, "printed hessian [0][1]: " + where);
      same(hp[2], h[1][1], hs, "printed hessian [1][1]: " + where);
      double[] hv = nums(o.get(9));
      double[] hv2 = nums(o.get(10));
      for (int k = 0; k < 2; k++) same(hv[k], hv2[k], hs, "hvp vs H*v [" + k + "]: " + where);
      // at zeros and kinks the derivatives follow PyTorch's conventions, not the differences
      if (q < differenced && Double.isFinite(v)) centralDifferences(l, p, g, h, where);
    }
  }

  /**
   * Where the function is smooth at the step's scale (differences with steps h and 2h agree), the
   * gradient and the Hessian are its central differences.
   */
  static void centralDifferences(Lang l, double[] p, double[] g, double[][] h, String where) {
    for (int k = 0; k < 2; k++) {
      double[][] f = new double[4][];
      double[] steps = {1e-5, -1e-5, 2e-5, -2e-5};
      StringBuilder prog = new StringBuilder();
      for (double st : steps) {
        double[] a = p.clone();
        a[k] += st;
        prog.append("print(f(").append(fmt(a[0])).append(", ").append(fmt(a[1])).append("))\nprint(G(")
            .append(fmt(a[0])).append(", ").append(fmt(a[1])).append("))\n");
      }
      List<String> o = l.run(prog.toString());
      for (int q = 0; q < 4; q++) {
        double[] gq = nums(o.get(2 * q + 1));
        f[q] = new double[] {num(o.get(2 * q)), gq[0], gq[1]};
      }
      for (int c = 0; c < 3; c++) {
        double d1 = (f[0][c] - f[1][c]) / 2e-5;
        double d2 = (f[2][c] - f[3][c]) / 4e-5;
        if (!Double.isFinite(d1) || Math.abs(d1 - d2) > 1e-4 * (1 + Math.abs(d1))) continue;
        double want = c == 0 ? g[k] : h[c - 1][k];
        assertThat(Math.abs(d1 - want)).as("central difference %s along %d: %s", c == 0 ? "of f" : "of grad[" + (c - 1) + "]", k, where)
            .isLessThan(1e-4 * (1 + Math.abs(want)));
      }
    }
  }

  static String fmt(double v) {
    return String.format(Locale.ROOT, "%.17g", v);
  }

  static List<double[]> points(Random r, int random) {
    List<double[]> out = new ArrayList<>();
    for (int k = 0; k < random; k++) out.add(new double[] {-2 + 4 * r.nextDouble(), -2 + 4 * r.nextDouble()});
    for (int k = 0; k < 4; k++) {
      out.add(new double[] {num(SPECIAL[r.nextInt(SPECIAL.length)]), num(SPECIAL[r.nextInt(SPECIAL.length)])});
    }
    return out;
  }

  @Property(tries = 40)
  void everyRouteGivesTheSameNumbers(@ForAll long seed, @ForAll @IntRange(min = 1, max = 3) int depth) {
    String src = new ReparseProperty.Gen(seed).expr(depth);
    allRoutesAgree(src, points(new Random(seed), 3), 3);
  }

  /** Each operator and elementary function: compiled and top-level arithmetic are the same double. */
  @Property(tries = 30)
  void oneOperationIsTheSameDoubleInsideAndOutsideAFunction(@ForAll long seed) {
    Random r = new Random(seed);
    String[] ops = {"x + y", "x - y", "x*y", "x/y", "x^y", "x^2", "x^3", "x^7", "x^-1", "x^0.5", "-x", "min(x, y)", "max(x, y)",
        "abs(x)", "sign(x)", "exp(x)", "log(x)", "log1p(x)", "sqrt(x)", "sin(x)", "cos(x)", "tan(x)", "asin(x)", "acos(x)",
        "atan(x)", "sinh(x)", "cosh(x)", "tanh(x)", "sigmoid(x)", "softplus(x)", "relu(x)"};
    String op = ops[r.nextInt(ops.length)];
    Lang l = new Lang();
    l.run("g(x, y) = " + op + "\n");
    for (int k = 0; k < 8; k++) {
      double a = k < 4 ? num(SPECIAL[r.nextInt(SPECIAL.length)]) : -3 + 6 * r.nextDouble();
      double b = k < 4 ? num(SPECIAL[r.nextInt(SPECIAL.length)]) : -3 + 6 * r.nextDouble();
      List<String> o = l.run("x = " + fmt(a) + "\ny = " + fmt(b) + "\nprint(g(x, y))\nprint(" + op + ")\nprint(g(x, y) == (" + op + "))\n");
      double inside = num(o.get(0));
      double outside = num(o.get(1));
      if (Double.isNaN(inside)) assertThat(outside).as("%s at (%s, %s)", op, a, b).isNaN();
      else assertThat(o.get(2)).as("%s at (%s, %s): %s vs %s", op, a, b, inside, outside).isEqualTo("true");
    }
  }

  // ---- the cases of issue 9, each of which disagreed before ----------------------------------

  @Example
  void powerAtAZeroBase() {
    allRoutesAgree("x^y", List.of(new double[] {0, -1}, new double[] {0, 1}, new double[] {0, 2}, new double[] {-2, 3},
        new double[] {0.5, 0}), 0);
    List<String> o = new Lang().run("f(x, y) = x^y\nprint(grad(f)(0, -1), diff(f, y)(0, -1))\nprint(hessian(f)(0, 1)[1][2], diff(f, x, y)(0, 1))\n");
    assertThat(o).containsExactly("[-inf, -inf] -inf", "1 1");
  }

  @Example
  void powersOfASumIndexAtNegativeBases() {
    List<String> o = new Lang().run("g(x) = sum(i in 1..3, x^i)\nprint(hessian(g)(-2), diff(g, x, x)(-2))\n"
        + "h(x[2]) = sum(i in 1..2, x[i]^i)\nprint(hessian(h)([-2, -3]))\n");
    assertThat(o).containsExactly("[[-10]] -10", "[[0, 0], [0, 2]]");
    allRoutesAgree("sum(i in 1..3, x^i) + sum(i in 1..2, y^i)", List.of(new double[] {-2, -3}, new double[] {-1, 0}), 2);
  }

  @Example
  void aSeventhPowerIsOneDouble() {
    List<String> o = new Lang().run("g(v) = v^7\ncount = 0\nfor k in 1..200 { v = -3 + k*0.0371\n if v^7 == g(v) { count = count + 1 } }\nprint(count)\n");
    assertThat(o).containsExactly("200");
  }

  @Example
  void boundsMayBeAnyIntegerValuedExpression() {
    List<String> o = new Lang().run("n = 10\nr(x[n]) = sum(i in 1..n/2, x[2*i])\nprint(grad(r))\nprint(r(linspace(1, 10, 10)))\n");
    assertThat(o).containsExactly("[0, 1, 0, 1, 0, 1, 0, 1, 0, 1]", "30");
  }

  @Example
  void aGuardedIndexReadsTheSameThroughEveryRoute() {
    List<String> o = new Lang().run("h(x[3]) = sum(i in 1..3, where(i < 3, x[i+1], 0))\n"
        + "print(h([1, 2, 3]), grad(h)([1, 2, 3]), diff(h, x[2])([1, 2, 3]), hessian(h)([1, 2, 3]))\n");
    assertThat(o).containsExactly("5 [0, 1, 1] 1 [[0, 0, 0], [0, 0, 0], [0, 0, 0]]");
  }
}
