package gradus.sym;

import static gradus.sym.Sym.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import gradus.sym.Expr.Fn;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Oracle tests: symbolic derivatives against central finite differences at random points. */
class DerivativePropertiesTest {
  static final Signature XYZ = Signature.of(new VarSpec("x", 0), new VarSpec("y", 0), new VarSpec("z", 0));

  /** Random expressions on safe domains; non-smooth sub-expressions are recorded as kinks. */
  static final class Gen {
    final Random rnd;
    final List<Expr> kinks = new ArrayList<>();

    Gen(long seed) {
      rnd = new Random(seed);
    }

    Expr leaf(boolean withIndex) {
      int k = rnd.nextInt(withIndex ? 5 : 4);
      return switch (k) {
        case 0 -> var("x");
        case 1 -> var("y");
        case 2 -> var("z");
        case 3 -> num(Math.round((rnd.nextDouble() * 4 - 2) * 4) / 4.0);
        default -> index("i");
      };
    }

    Expr gen(int depth, boolean withIndex) {
      if (depth == 0) return leaf(withIndex);
      Expr a = gen(depth - 1, withIndex);
      switch (rnd.nextInt(30)) {
        case 0: return add(a, gen(depth - 1, withIndex));
        case 1: return sub(a, gen(depth - 1, withIndex));
        case 2: return mul(a, gen(depth - 1, withIndex));
        case 3: return div(a, add(num(1), pow(gen(depth - 1, withIndex), 2)));
        case 4: return pow(a, num(2 + rnd.nextInt(2)));
        case 5: return pow(add(num(1.5), pow(a, 2)), call(Fn.TANH, gen(depth - 1, withIndex)));
        case 6: return call(Fn.SIN, a);
        case 7: return call(Fn.COS, a);
        case 8: return call(Fn.TANH, a);
        case 9: return call(Fn.ATAN, a);
        case 10: return call(Fn.SIGMOID, a);
        case 11: return call(Fn.SOFTPLUS, a);
        case 12: return call(Fn.EXP, call(Fn.SIN, a));
        case 13: return call(Fn.LOG, add(num(1), pow(a, 2)));
        case 14: return call(Fn.LOG1P, pow(a, 2));
        case 15: return call(Fn.SQRT, add(num(1), pow(a, 2)));
        case 16: return call(Fn.ASIN, mul(num(0.9), call(Fn.TANH, a)));
        case 17: return call(Fn.ACOS, mul(num(0.9), call(Fn.TANH, a)));
        case 18: return call(Fn.TAN, mul(num(0.5), call(Fn.TANH, a)));
        case 19: return call(Fn.SINH, call(Fn.TANH, a));
        case 20: return call(Fn.COSH, call(Fn.TANH, a));
        case 21: kinks.add(a); return call(Fn.ABS, a);
        case 22: kinks.add(a); return call(Fn.RELU, a);
        case 23: kinks.add(a); return mul(call(Fn.SIGN, a), gen(depth - 1, withIndex));
        case 24: {
          Expr b = gen(depth - 1, withIndex);
          kinks.add(sub(a, b));
          return rnd.nextBoolean() ? Sym.max(a, b) : Sym.min(a, b);
        }
        case 25: {
          Expr c = gen(depth - 1, withIndex);
          kinks.add(c);
          return where(cmp(rnd.nextBoolean() ? ">" : "<=", c, num(0)), a, gen(depth - 1, withIndex));
        }
        case 26: {
          if (withIndex) return mul(a, index("i"));
          Expr body = gen(depth - 1, true);
          return sum("i", num(1), num(1 + rnd.nextInt(3)), body);
        }
        case 27: return neg(a);
        default: return add(mul(num(rnd.nextInt(5) - 2), a), leaf(withIndex));
      }
    }
  }

  static double[] point(Random rnd, int n) {
    double[] p = new double[n];
    for (int i = 0; i < n; i++) p[i] = rnd.nextDouble() * 3 - 1.5;
    return p;
  }

  static boolean awayFromKinks(Gen g, double[] p) {
    for (Expr k : g.kinks) {
      // a kink inside a sum body may use i: check every i of the (small) sums
      for (int i = 0; i <= 4; i++) {
        Expr e = Exprs.substituteIndices(k, java.util.Map.of("i", num(i)));
        double v = Eval.expr(e, XYZ, p);
        if (!(Math.abs(v) > 1e-3)) return false;
      }
    }
    return true;
  }

  static double[] fdGradient(java.util.function.Function<double[], double[]> f, double[] p, int outs, double h) {
    int n = p.length;
    double[] g = new double[outs * n];
    for (int j = 0; j < n; j++) {
      double[] a = p.clone();
      double[] b = p.clone();
      a[j] += h;
      b[j] -= h;
      double[] fa = f.apply(a);
      double[] fb = f.apply(b);
      for (int o = 0; o < outs; o++) g[o * n + j] = (fa[o] - fb[o]) / (2 * h);
    }
    return g;
  }

  static void close(double[] got, double[] want, double tol) {
    assertThat(got).hasSameSizeAs(want);
    for (int i = 0; i < got.length; i++) {
      double scale = 1 + Math.abs(want[i]);
      assertThat(Math.abs(got[i] - want[i]))
          .as("entry %d: got %s, want %s", i, got[i], want[i])
          .isLessThanOrEqualTo(tol * scale);
    }
  }

  @Property(tries = 300)
  void gradientsAndHessiansMatchFiniteDifferences(@ForAll long seed, @ForAll @IntRange(min = 1, max = 4) int depth) {
    Gen g = new Gen(seed);
    Expr body = g.gen(depth, false);
    ScalarFunction f = declare("f", XYZ, body);
    double[] p = point(new Random(seed + 1), 3);
    double v = Eval.value(f, p, null);
    Assume.that(Double.isFinite(v) && Math.abs(v) < 1e6);
    Assume.that(awayFromKinks(g, p));
    GradientFunction grad = Derivatives.grad(f);
    double[] gs = Eval.evaluate(grad, p, null);
    double[] gf = fdGradient(q -> Eval.evaluate(f, q, null), p, 1, 1e-6);
    close(gs, gf, 2e-4);
    double[] hs = Eval.evaluate(Derivatives.hessian(f), p, null);
    double[] hf = fdGradient(q -> Eval.evaluate(grad, q, null), p, 3, 1e-6);
    close(hs, transpose(hf, 3), 2e-4);
    for (int r = 0; r < 3; r++) {
      for (int c = 0; c < 3; c++) assertThat(hs[r * 3 + c]).isCloseTo(hs[c * 3 + r], within(1e-9 * (1 + Math.abs(hs[r * 3 + c]))));
    }
    // diff by name agrees with the gradient program
    List<VarRef> refs = XYZ.refs();
    for (int k = 0; k < 3; k++) {
      double d = Eval.value(Derivatives.diff(f, List.of(refs.get(k))), p, null);
      assertThat(Math.abs(d - gs[k])).isLessThanOrEqualTo(1e-9 * (1 + Math.abs(d)));
    }
  }

  static double[] transpose(double[] m, int n) {
    double[] t = new double[n * n];
    for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) t[i * n + j] = m[j * n + i];
    return t;
  }

  @Property(tries = 400)
  void simplificationNeverChangesAValue(@ForAll long seed, @ForAll @IntRange(min = 1, max = 5) int depth) {
    Gen g = new Gen(seed);
    Expr body = g.gen(depth, false);
    double[] p = point(new Random(seed + 7), 3);
    double raw = Eval.expr(body, XYZ, p);
    Assume.that(Double.isFinite(raw));
    Expr s = Simplifier.simplify(body, XYZ);
    double simp = Eval.expr(s, XYZ, p);
    assertThat(Math.abs(simp - raw)).as("%s -> %s", body.text(), s.text()).isLessThanOrEqualTo(1e-9 * (1 + Math.abs(raw)));
    // and simplifying is idempotent
    assertThat(Simplifier.simplify(s, XYZ)).isSameAs(s);
  }

  // ---- sums ----

  static Expr rosenBody(int n) {
    Expr i = index("i");
    Expr xi = elem("x", i);
    return sum("i", num(1), num(n - 1),
        add(mul(num(100), pow(sub(elem("x", add(i, num(1))), pow(xi, 2)), 2)), pow(sub(num(1), xi), 2)));
  }

  static Expr rosenUnrolled(int n) {
    List<Expr> terms = new ArrayList<>();
    for (int i = 1; i < n; i++) {
      Expr xi = elem("x", i);
      terms.add(add(mul(num(100), pow(sub(elem("x", i + 1), pow(xi, 2)), 2)), pow(sub(num(1), xi), 2)));
    }
    return add(terms);
  }

  /** Nested sums with a bound on the outer index, and a sum inside a non-linear function. */
  static Expr nestedBody(int n) {
    Expr i = index("i");
    Expr j = index("j");
    Expr inner = sum("j", i, num(n), mul(elem("x", i), elem("x", j), call(Fn.SIN, elem("x", j))));
    Expr outer = sum("i", num(1), num(n), inner);
    Expr logsum = call(Fn.LOG, add(num(1), sum("i", num(1), num(n), pow(elem("x", i), 2))));
    Expr prod = prod("k", num(1), num(n), add(num(1.5), call(Fn.COS, elem("x", index("k")))));
    return add(outer, mul(var("a"), logsum), prod);
  }

  static Expr nestedUnrolled(int n) {
    List<Expr> t = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      for (int j = i; j <= n; j++) t.add(mul(elem("x", i), elem("x", j), call(Fn.SIN, elem("x", j))));
    }
    List<Expr> sq = new ArrayList<>();
    List<Expr> pr = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      sq.add(pow(elem("x", i), 2));
      pr.add(add(num(1.5), call(Fn.COS, elem("x", i))));
    }
    return add(add(t), mul(var("a"), call(Fn.LOG, add(num(1), add(sq)))), mul(pr));
  }

  void checkSumFunction(Expr body, Expr unrolled, Signature sig, long seed) {
    ScalarFunction f = declare("f", sig, body);
    ScalarFunction u = declare("u", sig, unrolled);
    int n = sig.dimension();
    double[] p = point(new Random(seed), n);
    assertThat(Math.abs(Eval.value(f, p, null) - Eval.value(u, p, null))).isLessThan(1e-9 * (1 + Math.abs(Eval.value(u, p, null))));
    GradientFunction g = Derivatives.grad(f);
    double[] gs = Eval.evaluate(g, p, null);
    close(gs, fdGradient(q -> Eval.evaluate(f, q, null), p, 1, 1e-6), 2e-4);
    close(gs, Eval.evaluate(Derivatives.grad(u), p, null), 1e-9);
    double[] hs = Eval.evaluate(Derivatives.hessian(f), p, null);
    close(hs, Eval.evaluate(Derivatives.hessian(u), p, null), 1e-9);
    close(hs, transpose(fdGradient(q -> Eval.evaluate(g, q, null), p, n, 1e-6), n), 2e-4);
    // printing unrolls small cases: the same entries as the unrolled function
    assertThat(g.text()).doesNotContain("sum(");
  }

  @Property(tries = 25)
  void rosenGradientsMatchFiniteDifferencesAndTheUnrolledForm(@ForAll @IntRange(min = 3, max = 7) int n, @ForAll long seed) {
    checkSumFunction(rosenBody(n), rosenUnrolled(n), Signature.of(new VarSpec("x", n)), seed);
  }

  @Property(tries = 20)
  void nestedSumsMatchFiniteDifferencesAndTheUnrolledForm(@ForAll @IntRange(min = 1, max = 5) int n, @ForAll long seed) {
    Signature sig = Signature.of(new VarSpec("a", 0), new VarSpec("x", n));
    checkSumFunction(nestedBody(n), nestedUnrolled(n), sig, seed);
  }

  /** Random smooth bodies over x[i], x[i+1] and a scalar a, summed over i (a chained objective). */
  @Property(tries = 60)
  void randomChainedSumsMatchFiniteDifferencesAndTheUnrolledForm(@ForAll long seed,
      @ForAll @IntRange(min = 1, max = 3) int depth, @ForAll @IntRange(min = 2, max = 5) int n) {
    Gen g = new Gen(seed);
    Expr raw = Inline.renameBound(g.gen(depth, false), java.util.Set.of("i"));
    Assume.that(g.kinks.isEmpty());
    Expr i = index("i");
    Expr body = Exprs.mapLeaves(raw, leaf -> {
      if (leaf instanceof Expr.Var v) {
        return switch (v.name()) {
          case "x" -> elem("x", i);
          case "y" -> elem("x", add(i, num(1)));
          default -> var("a");
        };
      }
      return leaf;
    });
    Expr looped = sum("i", num(1), num(n - 1), body);
    List<Expr> terms = new ArrayList<>();
    for (int k = 1; k < n; k++) terms.add(Exprs.substituteIndices(body, java.util.Map.of("i", num(k))));
    Signature sig = Signature.of(new VarSpec("a", 0), new VarSpec("x", n));
    ScalarFunction f = declare("f", sig, looped);
    double[] p = point(new Random(seed + 11), n + 1);
    double v = Eval.value(f, p, null);
    Assume.that(Double.isFinite(v) && Math.abs(v) < 1e6);
    checkSumFunction(looped, add(terms), sig, seed + 11);
  }
}
