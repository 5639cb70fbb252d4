package gradus.interp;

import static org.assertj.core.api.Assertions.assertThat;

import gradus.optim.MethodSpec;
import gradus.optim.Methods;
import gradus.optim.Param;
import gradus.optim.Result;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The rule describe(m) prints for each built-in first-order method is the rule it runs: the
 * printed declaration, declared again as a user optimizer, gives the built-in's path bit for bit
 * (each hyperparameter branch taken at least once), and its require lines accept and reject the
 * same hyperparameters as the built-in's checks.
 */
class BuiltinRulesTest {
  /** Each built-in with calls that take every branch of its rule. */
  static final List<String> CALLS = List.of(
      "gd(lr=0.01)",
      "momentum(lr=0.01, beta=0.8)",
      "sgd(lr=0.01)", "sgd(lr=0.01, momentum=0.9, dampening=0.1, weight_decay=0.01)",
      "sgd(lr=0.01, momentum=0.9, nesterov=true)",
      "adagrad(lr=0.1)", "adagrad(lr=0.1, lr_decay=0.01, weight_decay=0.1, initial_accumulator_value=0.5)",
      "rmsprop(lr=0.01)", "rmsprop(lr=0.01, centered=true, momentum=0.5, weight_decay=0.01)",
      "adam(lr=0.05)", "adam(lr=0.05, amsgrad=true, weight_decay=0.1)", "adam(lr=step_lr(0.05, 20, gamma=0.5))",
      "adamw(lr=0.05)", "adamw(lr=0.05, amsgrad=true)",
      "nadam(lr=0.05)", "nadam(lr=0.05, weight_decay=0.1, momentum_decay=0.01)",
      "radam(lr=0.05)", "radam(lr=0.05, weight_decay=0.1)",
      "adamax(lr=0.05)", "adamax(lr=0.05, weight_decay=0.1)",
      "adadelta(lr=1)", "adadelta(lr=0.5, rho=0.8, weight_decay=0.1)");

  static Session session(ByteArrayOutputStream err) {
    return new Session(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  static void run(Session s, ByteArrayOutputStream err, String src) {
    assertThat(s.run(src, "rules.opt")).as("%s\nstderr: %s", src, err.toString(StandardCharsets.UTF_8)).isTrue();
  }

  static Result result(Session s, String name) {
    return ((ResultValue) s.interpreter().globals().get(name)).r();
  }

  @Test
  void everyPrintedRuleRunsTheBuiltInsPathBitForBit() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Session s = session(err);
    // smooth with bounded curvature, so that no rate here diverges, and coupled across coordinates
    run(s, err, "h(x[4]) = sum(i in 1..4, sqrt(1 + (x[i] - i/2)^2)) + 0.1*sum(i in 1..3, (x[i+1] - x[i])^2)\n");
    for (String name : OptimizerDocs.builtinRules().keySet()) {
      String text = OptimizerDocs.builtinRules().get(name).text();
      run(s, err, text.replaceFirst("^optimizer " + name + "\\(", "optimizer my_" + name + "("));
    }
    for (String call : CALLS) {
      run(s, err, "a = minimize(h, [-1.2, 1, -0.5, 0.8], " + call + ", steps=300, gtol=0)\n"
          + "b = minimize(h, [-1.2, 1, -0.5, 0.8], my_" + call + ", steps=300, gtol=0)\n");
      Result a = result(s, "a");
      Result b = result(s, "b");
      assertThat(a.iterations()).as(call).isEqualTo(300);
      assertThat(b.path()).as(call).isDeepEqualTo(a.path());
      assertThat(b.values()).as(call).containsExactly(a.values());
    }
  }

  @Test
  void minibatchRunsAgreeToo() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Session s = session(err);
    run(s, err, OptimizerDocs.builtinRules().get("adam").text().replaceFirst("optimizer adam\\(", "optimizer my_adam(")
        + "\nd = linear_data(200, 2, -1, 0.1, 3)\nloss(w, b; x1, y) = (w*x1 + b - y)^2\n"
        + "a = minimize(loss, [0, 0], adam(lr=0.05), data=d, batch=16, epochs=5, seed=4)\n"
        + "b = minimize(loss, [0, 0], my_adam(lr=0.05), data=d, batch=16, epochs=5, seed=4)\n");
    assertThat(result(s, "b").path()).isDeepEqualTo(result(s, "a").path());
    assertThat(result(s, "b").batchLosses()).containsExactly(result(s, "a").batchLosses());
  }

  @Test
  void requireLinesAcceptWhatTheBuiltInsAccept() {
    for (String name : OptimizerDocs.builtinRules().keySet()) {
      MethodSpec spec = Methods.specs().get(name);
      for (Param p : spec.params()) {
        if (p.kind() != Param.Kind.NUMBER && p.kind() != Param.Kind.RATE) continue;
        for (double v : new double[] {-1, 0, 0.5, 1, 2}) {
          String call = name + "(" + p.name() + "=" + gradus.sym.Numbers.format(v) + ")";
          ByteArrayOutputStream err = new ByteArrayOutputStream();
          Session s = session(err);
          String rule = OptimizerDocs.builtinRules().get(name).text().replaceFirst("^optimizer " + name + "\\(", "optimizer my_" + name + "(");
          run(s, err, rule);
          boolean builtIn = s.run("m = " + call, "a.opt");
          boolean own = s.run("m = my_" + call, "b.opt");
          assertThat(own).as("%s: the require lines and the built-in's checks disagree", call).isEqualTo(builtIn);
        }
      }
    }
  }

  @Test
  void everyOptimizerInTheTableIsDescribedWithEachHyperparameterAndDefault() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Session s = session(err);
    for (MethodSpec spec : Methods.specs().values()) {
      Value maker = s.interpreter().builtins().get(spec.name());
      String text = OptimizerDocs.describe(maker);
      String latex = OptimizerDocs.latex(maker);
      for (Param p : spec.params()) {
        String shown = p.defaultValue() instanceof Boolean b ? String.valueOf(b)
            : gradus.sym.Numbers.format(((Number) p.defaultValue()).doubleValue());
        assertThat(text).as(spec.name()).contains(p.name() + "=" + shown);
        assertThat(latex).as(spec.name()).contains(RuleNames.latex(p.name()) + " = ");
      }
      assertThat(LatexCheck.problem(latex)).as("latex of %s:\n%s", spec.name(), latex).isNull();
    }
  }
}
