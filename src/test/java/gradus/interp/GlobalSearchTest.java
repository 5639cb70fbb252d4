package gradus.interp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The global searches on the chapter's Eggholder function, whose global minimum −959.6407 sits on
 * the edge of [-512, 512]² at (512, 404.2319): found by multistart and by differential evolution,
 * with the same answer on one and two workers, and drawing SciPy's random numbers (the SciPy
 * numbers below come from {@code python3 bench/global_scipy.py}, run once).
 */
class GlobalSearchTest {
  static final String EGG = "egg(x, y) = -(y + 47)*sin(sqrt(abs(x/2 + y + 47))) - x*sin(sqrt(abs(x - (y + 47))))\n";

  static void assertGlobalMinimum(double f, double[] x) {
    assertThat(f).isCloseTo(-959.6407, org.assertj.core.data.Offset.offset(5e-5));
    assertThat(x[0]).isEqualTo(512.0);
    assertThat(x[1]).isCloseTo(404.2319, org.assertj.core.data.Offset.offset(1e-4)); // 404.231805...
  }

  @Test
  void multistartFindsTheGlobalMinimumWithAnyWorkerCount() {
    String[] out = Programs.run(EGG
        + "a = multistart(egg, bounds=[-512, 512], n=100, seed=0, workers=1)\n"
        + "b = multistart(egg, bounds=[-512, 512], n=100, seed=0, workers=2)\n"
        + "print(a.f)\nprint(a.x)\nprint(len(a.runs), a.evaluations == b.evaluations, a.x == b.x, a.f == b.f)\n"
        + "same = true\nfor k in 1..100 { same = same and a.runs[k].path == b.runs[k].path }\nprint(same)\n"
        + "print(a.runs[1].path[1])\nprint(a.runs[2].path[1])\nprint(a.runs[100].path[1])\n"
        + "total = 0\nfor r in a.runs { total = total + r.evaluations }\nprint(total == a.evaluations)\n", "multistart");
    assertGlobalMinimum(Double.parseDouble(out[0]), Programs.parse(out[1]));
    assertThat(out[2]).isEqualTo("100 true true true");
    assertThat(out[3]).isEqualTo("true");
    // np.random.RandomState(0).uniform([-512, -512], [512, 512], size=(100, 2)), rows 1, 2 and 100
    assertThat(Programs.parse(out[4])).containsExactly(49.98502802158055, 220.35391116535754);
    assertThat(Programs.parse(out[5])).containsExactly(105.22969709736333, 45.96037938882239);
    assertThat(Programs.parse(out[6])).containsExactly(-452.57813982835137, -67.15737542848433);
    assertThat(out[7]).isEqualTo("true");
  }

  @Test
  void differentialEvolutionFindsTheGlobalMinimumAndIsScipysRun() {
    String[] out = Programs.run(EGG
        + "d = differential_evolution(egg, bounds=[-512, 512], seed=0)\nprint(d.f)\nprint(d.x)\n"
        + "print(d.runs[1].label, d.runs[1].iterations, d.runs[1].evaluations, d.runs[2].label)\n"
        + "print(d.evaluations == d.runs[1].evaluations + d.runs[2].evaluations)\n"
        + "for s in 0..3 { e = differential_evolution(egg, bounds=[-512, 512], seed=s, polish=false)\n"
        + "  print(e.f, e.x, e.iterations, e.evaluations) }\n"
        + "p = differential_evolution(egg, bounds=[-512, 512], seed=0, updating=\"deferred\", workers=1)\n"
        + "q = differential_evolution(egg, bounds=[-512, 512], seed=0, workers=2)\n"
        + "print(p.x == q.x, p.f == q.f, p.evaluations == q.evaluations, p.runs[1].path == q.runs[1].path)\n", "de");
    assertGlobalMinimum(Double.parseDouble(out[0]), Programs.parse(out[1]));
    assertThat(out[2]).isEqualTo("evolution 30 930 polish: lbfgs()");
    assertThat(out[3]).isEqualTo("true");
    // SciPy 1.17: differential_evolution(eggholder, [(-512, 512)]*2, seed=s, polish=False)
    assertThat(out[4]).isEqualTo("-959.1793267093458 [511.8646324502189, 404.11664950293516] 30 930");
    assertThat(out[5]).isEqualTo("-786.5053481068364 [-457.0549195152914, -382.58372617796545] 24 750");
    assertThat(out[6]).isEqualTo("-956.8607761117221 [481.80205873749173, 432.33486738359977] 25 780");
    assertThat(out[7]).isEqualTo("-935.290778550607 [439.6488939158419, 453.91611927363215] 27 840");
    assertThat(out[8]).isEqualTo("true true true true");
  }

  @Test
  void basinHoppingFindsScipysDocumentedMinimum() {
    // SciPy's basinhopping docstring: cos(14.5x - 0.3) + (x + 0.2)x from x0 = 1 has its global
    // minimum at x = -0.1951, f = -1.0009
    String[] out = Programs.run("g(x) = cos(14.5*x - 0.3) + (x + 0.2)*x\n"
        + "b = basinhopping(g, [1], niter=200, seed=0)\nprint(b.x[1])\nprint(b.f)\n"
        + "print(len(b.runs), b.status)\nprint(b.runs[1].label, b.runs[201].label)\n", "basinhopping");
    assertThat(Double.parseDouble(out[0])).isCloseTo(-0.1951, org.assertj.core.data.Offset.offset(5e-5));
    assertThat(Double.parseDouble(out[1])).isCloseTo(-1.0009, org.assertj.core.data.Offset.offset(5e-5));
    assertThat(out[2]).isEqualTo("201 converged");
    assertThat(out[3]).isEqualTo("lbfgs() from the start lbfgs() from hop 200");
  }
}
