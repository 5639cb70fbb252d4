package gradus.optim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Ctrl-C (the run options' interrupt flag) stops every search at once, with status "interrupted". */
class SearchInterruptTest {
  static final Bounds BOX = Bounds.uniform(2, -5, 5);

  static RunOptions interrupted() {
    return RunOptions.defaults().withInterrupt(new AtomicBoolean(true));
  }

  @Test
  void multistartStopsEveryRun() {
    Search s = Multistart.run(Quadratic::new, BOX, Methods.defaultMethod(), 50, 0, interrupted(), 2, "multistart");
    assertThat(s.best().status()).isEqualTo(Result.INTERRUPTED);
    assertThat(s.runs()).hasSize(50).allMatch(r -> r.iterations() == 0 && r.status().equals(Result.INTERRUPTED));
  }

  @Test
  void differentialEvolutionStopsBeforeItsFirstGenerationAndDoesNotPolish() {
    Search s = DifferentialEvolution.run(Quadratic::new, BOX, DifferentialEvolution.Settings.defaults(), 0,
        interrupted(), 1, "differential_evolution");
    assertThat(s.best().status()).isEqualTo(Result.INTERRUPTED);
    assertThat(s.runs()).hasSize(1);
    assertThat(s.runs().get(0).iterations()).isZero();
    assertThat(s.best().evaluations()).isEqualTo(30); // the initial population only
  }

  @Test
  void basinHoppingMakesNoHop() {
    Search s = BasinHopping.run(new Quadratic(), new double[] {0, 0}, Methods.create("lbfgs", Map.of()), 100, 0.5, 1,
        0, null, interrupted(), "basinhopping");
    assertThat(s.best().status()).isEqualTo(Result.INTERRUPTED);
    assertThat(s.runs()).hasSize(1);
  }

  @Test
  void criticalPointsReturnsWhatItFoundSoFar() {
    assertThat(CriticalPoints.find(Quadratic::new, BOX, 20, 0, 1, new AtomicBoolean(true))).isEmpty();
    assertThat(CriticalPoints.find(Quadratic::new, BOX, 20, 0, 1, new AtomicBoolean(false)))
        .singleElement().satisfies(p -> {
          assertThat(p.kind()).isEqualTo(CriticalPoints.MINIMUM);
          assertThat(p.x()[0]).isCloseTo(97.0 / 39, org.assertj.core.api.Assertions.within(1e-12));
          assertThat(p.found()).isEqualTo(20);
        });
  }
}
