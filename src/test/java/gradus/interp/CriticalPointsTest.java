package gradus.interp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * critical_points and classify against known answers: Himmelblau's function has four minima
 * (f = 0), one maximum and four saddles in [-5, 5]² (the positions below are the published ones,
 * e.g. Himmelblau 1972 and the table on Wikipedia's "Himmelblau's function"); x⁴ + y⁴ has a
 * degenerate minimum at 0 (its Hessian vanishes), which must not be called a minimum; x² − y² has
 * a saddle.
 */
class CriticalPointsTest {
  record Known(String kind, double x, double y) {}

  static final Known[] HIMMELBLAU = {
    new Known("minimum", 3, 2), new Known("minimum", -2.805118, 3.131312),
    new Known("minimum", -3.779310, -3.283186), new Known("minimum", 3.584428, -1.848126),
    new Known("maximum", -0.270845, -0.923039),
    new Known("saddle", 0.086678, 2.884255), new Known("saddle", -3.073026, -0.081353),
    new Known("saddle", 3.385154, 0.073852), new Known("saddle", -0.127961, -1.953715),
  };

  @Test
  void himmelblauHasFourMinimaOneMaximumAndFourSaddles() {
    String[] out = Programs.run("h(x, y) = (x^2 + y - 11)^2 + (x + y^2 - 7)^2\n"
        + "cps = critical_points(h, bounds=[-5, 5], n=200, seed=0)\nprint(len(cps))\n"
        + "for p in cps { print(p.kind) ; print(p.x) ; print(p.eigenvalues) ; print(p.gnorm) }\n", "himmelblau");
    int n = Integer.parseInt(out[0]);
    assertThat(n).isEqualTo(9);
    List<Known> unmatched = new ArrayList<>(List.of(HIMMELBLAU));
    for (int k = 0; k < n; k++) {
      String kind = out[1 + 4 * k];
      double[] x = Programs.parse(out[2 + 4 * k]);
      double[] lam = Programs.parse(out[3 + 4 * k]);
      assertThat(Double.parseDouble(out[4 + 4 * k])).as("gnorm at %s", out[2 + 4 * k]).isLessThan(1e-8);
      Known match = unmatched.stream()
          .filter(c -> Math.abs(c.x - x[0]) < 1e-5 && Math.abs(c.y - x[1]) < 1e-5).findFirst().orElse(null);
      assertThat(match).as("a known critical point at %s", out[2 + 4 * k]).isNotNull();
      assertThat(kind).as("kind at %s", out[2 + 4 * k]).isEqualTo(match.kind);
      unmatched.remove(match);
      // the kind agrees with the eigenvalues' signs
      if (kind.equals("minimum")) assertThat(lam[0]).isPositive();
      if (kind.equals("maximum")) assertThat(lam[1]).isNegative();
      if (kind.equals("saddle")) assertThat(lam[0] * lam[1]).isNegative();
    }
    assertThat(unmatched).isEmpty();
  }

  @Test
  void degenerateSaddleAndClassify() {
    String[] out = Programs.run("q(x, y) = x^4 + y^4\ns(x, y) = x^2 - y^2\nc(x, y) = x^3 + y^2\n"
        + "a = critical_points(q, bounds=[-1, 1])\nprint(len(a), a[1].kind, a[1].eigenvalues)\n"
        + "b = critical_points(s, bounds=[-2, 2])\nprint(len(b), b[1].kind, b[1].x, b[1].eigenvalues)\n"
        + "d = critical_points(c, bounds=[-1, 1])\nprint(len(d), d[1].kind)\n"
        + "print(classify(q, [0, 0]).kind, classify(s, [0, 0]).kind, classify(s, [1, 0]).kind)\n"
        + "k = classify(q, [0.5, 0.5])\nprint(k.kind, k.gnorm, k.eigenvalues)\n", "degenerate");
    assertThat(out[0]).startsWith("1 degenerate [");
    assertThat(out[1]).isEqualTo("1 saddle [0, 0] [-2, 2]");
    assertThat(out[2]).isEqualTo("1 degenerate");
    assertThat(out[3]).isEqualTo("degenerate saddle not critical");
    // at (0.5, 0.5): gradient 4·0.5³ = 0.5 each, Hessian diag(12·0.25) = 3
    assertThat(out[4]).isEqualTo("not critical 0.5 [3, 3]");
  }
}
