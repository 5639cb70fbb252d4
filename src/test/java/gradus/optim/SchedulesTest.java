package gradus.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Schedules against PyTorch's closed forms, with e = t - 1 scheduler steps before update t. */
class SchedulesTest {
  static Schedule make(String name, Map<String, Object> args) {
    return Schedules.create(name, args);
  }

  @Test
  void stepLr() {
    Schedule s = make("step_lr", Map.of("lr", 0.1, "step_size", 3));
    // updates 1-3: 0.1; 4-6: 0.01; 7: 0.001
    assertThat(s.rate(1)).isEqualTo(0.1);
    assertThat(s.rate(3)).isEqualTo(0.1);
    assertThat(s.rate(4)).isCloseTo(0.01, within(1e-15));
    assertThat(s.rate(7)).isCloseTo(0.001, within(1e-16));
    assertThat(s.describe()).isEqualTo("step_lr(lr=0.1, step_size=3)");
  }

  @Test
  void exponentialLr() {
    Schedule s = make("exponential_lr", Map.of("lr", 1, "gamma", 0.5));
    assertThat(s.rate(1)).isEqualTo(1);
    assertThat(s.rate(2)).isEqualTo(0.5);
    assertThat(s.rate(4)).isEqualTo(0.125);
  }

  @Test
  void polynomialLr() {
    Schedule s = make("polynomial_lr", Map.of("lr", 2, "total_steps", 4, "power", 2));
    // e = 0..4: 2*(1 - e/4)^2 = 2, 1.125, 0.5, 0.125, 0; then 0
    double[] expected = {2, 1.125, 0.5, 0.125, 0, 0};
    for (int t = 1; t <= 6; t++) assertThat(s.rate(t)).isCloseTo(expected[t - 1], within(1e-15));
  }

  @Test
  void cosineLr() {
    Schedule s = make("cosine_lr", Map.of("lr", 1, "t_max", 4, "eta_min", 0.2));
    // e = t-1: 0.2 + 0.8*(1 + cos(pi*e/4))/2
    assertThat(s.rate(1)).isCloseTo(1, within(1e-15));
    assertThat(s.rate(3)).isCloseTo(0.6, within(1e-15));
    assertThat(s.rate(5)).isCloseTo(0.2, within(1e-15));
    assertThat(s.rate(2)).isCloseTo(0.2 + 0.4 * (1 + Math.sqrt(0.5)), within(1e-15));
  }

  @Test
  void linearWarmup() {
    Schedule s = make("linear_warmup", Map.of("lr", 0.4, "steps", 4));
    assertThat(s.rate(1)).isCloseTo(0.1, within(1e-16));
    assertThat(s.rate(2)).isCloseTo(0.2, within(1e-16));
    assertThat(s.rate(4)).isCloseTo(0.4, within(1e-16));
    assertThat(s.rate(100)).isCloseTo(0.4, within(1e-16));
  }

  @Test
  void validation() {
    assertThatThrownBy(() -> make("step_lr", Map.of("lr", 0.1, "step_size", 0)))
        .hasMessage("step_size must be >= 1, got 0");
    assertThatThrownBy(() -> make("step_lr", Map.of("lr", -0.1, "step_size", 2)))
        .hasMessage("lr must be > 0, got -0.1");
    assertThatThrownBy(() -> make("step_lr", Map.of("lr", 0.1)))
        .hasMessage("step_lr needs step_size=");
    assertThatThrownBy(() -> make("step_lr", Map.of("lr", 0.1, "step_size", 2.5)))
        .hasMessage("step_size must be a whole number, got 2.5");
    assertThatThrownBy(() -> make("warmup", Map.of())).hasMessage("unknown schedule 'warmup'");
  }

  @Test
  void specsInOrder() {
    assertThat(Schedules.specs().keySet()).containsExactly("step_lr", "exponential_lr",
        "polynomial_lr", "cosine_lr", "linear_warmup");
  }
}
