package gradus.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MethodsTest {
  @Test
  void tableOrderAndDefaults() {
    assertThat(Methods.specs().keySet()).containsExactly("gd", "momentum", "sgd", "adagrad",
        "rmsprop", "adam", "adamw", "nadam", "radam", "adamax", "adadelta", "newton", "newton_cg",
        "bfgs", "lbfgs", "cg", "nelder_mead");
    MethodSpec adam = Methods.specs().get("adam");
    assertThat(adam.params()).extracting(Param::name)
        .containsExactly("lr", "beta1", "beta2", "eps", "weight_decay", "amsgrad");
    assertThat(adam.params()).extracting(Param::defaultValue)
        .containsExactly(0.001, 0.9, 0.999, 1e-8, 0.0, false);
    assertThat(Methods.specs().get("adamw").param("weight_decay").defaultValue()).isEqualTo(0.01);
    assertThat(Methods.specs().get("sgd").param("lr").defaultValue()).isEqualTo(0.001);
    assertThat(Methods.specs().get("nadam").param("momentum_decay").defaultValue()).isEqualTo(0.004);
    assertThat(Methods.specs().get("adadelta").param("lr").defaultValue()).isEqualTo(1.0);
    assertThat(Methods.specs().get("lbfgs").param("m").defaultValue()).isEqualTo(10);
    assertThat(Methods.specs().get("adam").param("lr").kind()).isEqualTo(Param.Kind.RATE);
    assertThat(Methods.specs().get("nelder_mead").params()).extracting(Param::defaultValue)
        .containsExactly(1e-4, 1e-4, false);
  }

  @Test
  void describeListsOnlyGivenArgumentsInTableOrder() {
    Map<String, Object> given = new LinkedHashMap<>();
    given.put("amsgrad", true);
    given.put("lr", 0.1);
    assertThat(Methods.create("adam", given).describe()).isEqualTo("adam(lr=0.1, amsgrad=true)");
    assertThat(Methods.create("adam", Map.of()).describe()).isEqualTo("adam()");
    assertThat(Methods.create("lbfgs", Map.of("m", 5)).describe()).isEqualTo("lbfgs(m=5)");
    assertThat(Methods.create("gd", Map.of("lr", 1)).describe()).isEqualTo("gd(lr=1)");
  }

  @Test
  void flags() {
    assertThat(Methods.create("lbfgs", Map.of()).needsFullBatch()).isTrue();
    assertThat(Methods.create("newton", Map.of()).needsHessian()).isTrue();
    assertThat(Methods.create("adam", Map.of()).needsFullBatch()).isFalse();
    assertThat(Methods.create("bfgs", Map.of()).needsHessian()).isFalse();
  }

  @Test
  void validationMessagesNameParameterAndValue() {
    assertThatThrownBy(() -> Methods.create("adam", Map.of("lr", -0.1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("lr must be > 0, got -0.1");
    assertThatThrownBy(() -> Methods.create("adam", Map.of("beta1", 1)))
        .hasMessage("beta1 must be in [0, 1), got 1");
    assertThatThrownBy(() -> Methods.create("sgd", Map.of("momentum", -0.5)))
        .hasMessage("momentum must be >= 0, got -0.5");
    assertThatThrownBy(() -> Methods.create("sgd", Map.of("nesterov", true)))
        .hasMessage("nesterov=true needs momentum > 0 and dampening = 0, got momentum=0, dampening=0");
    assertThatThrownBy(() -> Methods.create("rmsprop", Map.of("alpha", 1.5)))
        .hasMessage("alpha must be in [0, 1], got 1.5");
    assertThatThrownBy(() -> Methods.create("adagrad", Map.of("eps", -1)))
        .hasMessage("eps must be >= 0, got -1");
    assertThatThrownBy(() -> Methods.create("lbfgs", Map.of("m", 0)))
        .hasMessage("m must be >= 1, got 0");
    assertThatThrownBy(() -> Methods.create("adam", Map.of("amsgrad", 1)))
        .hasMessage("amsgrad must be true or false, got 1");
    assertThatThrownBy(() -> Methods.create("adam", Map.of("momentum", 0.9)))
        .hasMessage("adam has no parameter 'momentum'; it takes lr, beta1, beta2, eps, weight_decay, amsgrad");
    assertThatThrownBy(() -> Methods.create("adam", Map.of("lr", Double.NaN)))
        .hasMessage("lr must be a finite number, got nan");
    assertThatThrownBy(() -> Methods.create("sdg", Map.of())).hasMessage("unknown method 'sdg'");
    assertThatThrownBy(() -> Methods.create("bfgs", Map.of("lr", 1)))
        .hasMessage("bfgs takes no parameters, got 'lr'");
  }

  @Test
  void numberFormatHook() {
    var saved = Methods.numberFormat;
    try {
      Methods.numberFormat = v -> "<" + v + ">";
      assertThatThrownBy(() -> Methods.create("gd", Map.of("lr", -2)))
          .hasMessage("lr must be > 0, got <-2.0>");
    } finally {
      Methods.numberFormat = saved;
    }
  }

  @Test
  void everyMethodBuildsWithDefaults() {
    for (String name : Methods.specs().keySet()) {
      if (List.of("gd").contains(name)) continue;
      assertThat(Methods.create(name, Map.of()).name()).isEqualTo(name);
    }
  }
}
