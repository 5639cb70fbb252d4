package gradus.interp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * SPEC §10.2: derivatives flow through a block body's locals. A random small network written with
 * locals (a comprehension for the hidden layer, one for the outputs, a list, a scalar local) and
 * the same network written as one expression (every local inlined, {@code z[label]} as a sum of
 * {@code where}s) give the same value, gradient, Hessian and Hessian-vector product, and the
 * gradient agrees with central differences of the value.
 */
class LocalsProperty {
  static final String[] ACT = {"tanh", "sigmoid", "softplus", "sin"};

  @Property(tries = 40)
  void localsAreTheSameModelAsOneExpression(@ForAll @IntRange(min = 1, max = 3) int n, @ForAll @IntRange(min = 1, max = 3) int m,
      @ForAll @IntRange(min = 2, max = 3) int p, @ForAll @IntRange(min = 0, max = 3) int act, @ForAll long seed) {
    Random r = new Random(seed);
    String a = ACT[act];
    int label = 1 + r.nextInt(p);
    String params = "W1[" + m + ", " + n + "], b1[" + m + "], W2[" + p + ", " + m + "], b2[" + p + "], s; x[" + n + "], label";
    String withLocals = "f(" + params + ") = {\n"
        + "  h[j in 1.." + m + "] = " + a + "(sum(k in 1.." + n + ", W1[j, k]*x[k]) + b1[j])\n"
        + "  z[c in 1.." + p + "] = s*(sum(j in 1.." + m + ", W2[c, j]*h[j]) + b2[c])\n"
        + "  q = [z[1]^2, s*z[2]]\n"
        + "  t = logsumexp(c in 1.." + p + ", z[c]) - z[label]\n"
        + "  t*t + q[1] + q[2]\n"
        + "}\n";
    String hidden = a + "(sum(k in 1.." + n + ", W1[j, k]*x[k]) + b1[j])";
    String z = "(s*(sum(j in 1.." + m + ", W2[c, j]*" + hidden + ") + b2[c]))";
    String zAt = z.replace("[c, j]", "[CC, j]").replace("b2[c]", "b2[CC]");
    String t = "(logsumexp(c in 1.." + p + ", " + z + ") - sum(c in 1.." + p + ", where(c == label, " + z + ", 0)))";
    String inlined = "g(" + params + ") = " + t + "*" + t + " + " + zAt.replace("CC", "1") + "^2 + s*" + zAt.replace("CC", "2") + "\n";
    int dim = m * n + m + p * m + p + 1;
    double[] w = new double[dim];
    for (int i = 0; i < dim; i++) w[i] = r.nextGaussian() * 0.7;
    double[] x = new double[n];
    for (int i = 0; i < n; i++) x[i] = r.nextGaussian();
    double[] v = new double[dim];
    for (int i = 0; i < dim; i++) v[i] = r.nextGaussian();
    String args = list(w) + ", " + list(x) + ", " + label;
    OneMeaningProperty.Lang l = new OneMeaningProperty.Lang();
    String src = withLocals + inlined
        + "print(f(" + args + "))\nprint(g(" + args + "))\n"
        + "print(grad(f)(" + args + "))\nprint(grad(g)(" + args + "))\n"
        + "print(hessian(f)(" + args + "))\nprint(hessian(g)(" + args + "))\n"
        + "print(hvp(f)(" + list(w) + ", " + list(v) + ", " + list(x) + ", " + label + "))\n"
        + "print(hvp(g)(" + list(w) + ", " + list(v) + ", " + list(x) + ", " + label + "))\n";
    List<String> out = l.run(src);
    String ctx = src;
    double fv = OneMeaningProperty.num(out.get(0));
    OneMeaningProperty.same(fv, OneMeaningProperty.num(out.get(1)), 1, "value\n" + ctx);
    double[] gf = OneMeaningProperty.nums(out.get(2));
    double[] gg = OneMeaningProperty.nums(out.get(3));
    assertThat(gf).hasSize(dim);
    for (int i = 0; i < dim; i++) OneMeaningProperty.same(gf[i], gg[i], 1, "gradient " + i + "\n" + ctx);
    List<String> hf = ReparseProperty.entries(out.get(4));
    List<String> hg = ReparseProperty.entries(out.get(5));
    for (int i = 0; i < dim; i++) {
      double[] rf = OneMeaningProperty.nums(hf.get(i));
      double[] rg = OneMeaningProperty.nums(hg.get(i));
      for (int j = 0; j < dim; j++) OneMeaningProperty.same(rf[j], rg[j], 1, "hessian " + i + "," + j + "\n" + ctx);
    }
    double[] vf = OneMeaningProperty.nums(out.get(6));
    double[] vg = OneMeaningProperty.nums(out.get(7));
    for (int i = 0; i < dim; i++) OneMeaningProperty.same(vf[i], vg[i], 1, "hvp " + i + "\n" + ctx);
    // central differences of the value, at each coordinate
    StringBuilder cd = new StringBuilder("e = 1e-6\n");
    for (int i = 0; i < dim; i++) {
      double[] up = w.clone();
      double[] down = w.clone();
      up[i] += 1e-6;
      down[i] -= 1e-6;
      cd.append("print((f(").append(list(up)).append(", ").append(list(x)).append(", ").append(label).append(") - f(")
          .append(list(down)).append(", ").append(list(x)).append(", ").append(label).append("))/(2*e))\n");
    }
    List<String> diffs = l.run(cd.toString());
    for (int i = 0; i < dim; i++) {
      double fd = OneMeaningProperty.num(diffs.get(i));
      assertThat(Math.abs(gf[i] - fd)).as("gradient %d = %s vs central difference %s\n%s", i, gf[i], fd, ctx)
          .isLessThanOrEqualTo(1e-5 * Math.max(1, Math.abs(fd)));
    }
  }

  static String list(double[] v) {
    StringBuilder b = new StringBuilder("[");
    for (int i = 0; i < v.length; i++) b.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.17g", v[i]));
    return b.append("]").toString();
  }
}
