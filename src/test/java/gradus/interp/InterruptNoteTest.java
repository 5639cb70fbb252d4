package gradus.interp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import org.junit.jupiter.api.Test;

/** After Ctrl-C (the interrupt flag) stops a run: one line saying how far it got and where its result is. */
class InterruptNoteTest {
  final Session s = new Session(new PrintStream(new ByteArrayOutputStream()), new PrintStream(new ByteArrayOutputStream()));
  final Interpreter interp = s.interpreter();

  void interruptedRun(String code) {
    assertThat(s.run("f(x, y) = x^2 + 10*y^2", "<t>")).isTrue();
    interp.interruptFlag().set(true); // as the REPL's Ctrl-C handler does, here before the run
    s.run(code, "<t>");
  }

  @Test
  void namesTheBindingThatHoldsTheResult() {
    interruptedRun("r = minimize(f, [1, 1], adam(lr=0.1), steps=100)");
    assertThat(interp.takeInterruptNote()).isEqualTo("interrupted after 0 iterations; r holds the result so far");
    assertThat(interp.takeInterruptNote()).as("reported once").isNull();
  }

  @Test
  void aCompareNamesTheFirstRunStoppedAndTheList() {
    interruptedRun("rs = compare(f, [1, 1], [gd(), adam()], steps=100)");
    assertThat(interp.takeInterruptNote()).isEqualTo("interrupted after 0 iterations of gd(); rs holds the results so far");
  }

  @Test
  void aBareRunIsHeldByUnderscore() {
    interruptedRun("minimize(f, [1, 1], gd(), steps=100)");
    assertThat(interp.takeInterruptNote()).isEqualTo("interrupted after 0 iterations; _ holds the result so far");
  }

  @Test
  void nothingWhenNoRunWasStopped() {
    assertThat(s.run("f(x) = x^2\nr = minimize(f, [1], gd(), steps=3)", "<t>")).isTrue();
    assertThat(interp.takeInterruptNote()).isNull();
  }
}
