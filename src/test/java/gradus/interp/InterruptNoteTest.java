package gradus.interp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import org.junit.jupiter.api.Test;

/** After Ctrl-C (the interrupt flag) stops a run: one line saying how far it got and where its result is. */
class InterruptNoteTest {
  final ByteArrayOutputStream printed = new ByteArrayOutputStream();
  final Session s = new Session(new PrintStream(printed), new PrintStream(new ByteArrayOutputStream()));
  final Interpreter interp = s.interpreter();

  /** Runs code, with Ctrl-C (as the REPL's handler sends it) arriving while it runs. */
  void interruptedRun(String code) {
    assertThat(s.run("f(x, y) = x^2 + 10*y^2", "<t>")).isTrue();
    Thread ctrlC = new Thread(() -> {
      try {
        Thread.sleep(150);
      } catch (InterruptedException e) {
        return;
      }
      interp.requestInterrupt();
    });
    ctrlC.start();
    s.run(code, "<t>");
    ctrlC.interrupt();
  }

  @Test
  void namesTheBindingThatHoldsTheResult() {
    interruptedRun("r = minimize(f, [1, 1], gd(lr=1e-9), steps=1000000000, gtol=0)");
    assertThat(interp.takeInterruptNote()).matches("interrupted after [1-9][0-9]* iterations; r holds the result so far");
    assertThat(interp.takeInterruptNote()).as("reported once").isNull();
  }

  @Test
  void aCompareNamesTheFirstRunStoppedAndTheList() {
    interruptedRun("rs = compare(f, [1, 1], [gd(lr=1e-9), adam()], steps=1000000000, gtol=0)");
    assertThat(interp.takeInterruptNote()).matches("interrupted after [1-9][0-9]* iterations of gd\\(lr=1e-09\\); rs holds the results so far");
  }

  @Test
  void aBareRunIsHeldByUnderscore() {
    interruptedRun("minimize(f, [1, 1], gd(lr=1e-9), steps=1000000000, gtol=0)");
    assertThat(interp.takeInterruptNote()).matches("interrupted after [1-9][0-9]* iterations; _ holds the result so far");
  }

  @Test
  void ctrlCInsideOneEvaluationStillLeavesTheResult() {
    // one evaluation is a loop of 10^8 terms: Ctrl-C arrives inside it, where compiled code
    // throws; the run ends there, interrupted, and r holds it
    assertThat(s.run("g(x) = sum(i in 1..100000000, (x - i/100000000)^2)/100000000", "<t>")).isTrue();
    interruptedRun("r = minimize(g, [1], gd(lr=0.1), steps=1000000, gtol=0)");
    assertThat(interp.takeInterruptNote()).matches("interrupted after [0-9]+ iterations?; r holds the result so far");
    assertThat(s.run("print(r.status)\nprint(r.message)\nprint(r.x == r.path[len(r.path)])", "<t>")).isTrue();
    String out = printed.toString();
    assertThat(out).contains("interrupted\n");
    assertThat(out).containsPattern("Interrupted (during iteration [0-9]+|while evaluating the start)\\.\n");
    assertThat(out).endsWith("true\n");
  }

  @Test
  void nothingWhenNoRunWasStopped() {
    assertThat(s.run("f(x) = x^2\nr = minimize(f, [1], gd(), steps=3)", "<t>")).isTrue();
    assertThat(interp.takeInterruptNote()).isNull();
  }
}
