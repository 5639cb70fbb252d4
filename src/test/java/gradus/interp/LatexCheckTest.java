package gradus.interp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The LaTeX check finds each way a formula fails to render, and passes good ones. */
class LatexCheckTest {
  @Test
  void wellFormedFormulasPass() {
    assertThat(LatexCheck.problem("\\begin{aligned}\n&x \\leftarrow x - \\frac{\\eta}{\\sqrt{v} + \\epsilon} \\\\\n&m_{1}^{t} \\end{aligned}")).isNull();
    assertThat(LatexCheck.problem("\\left(\\lVert g \\rVert\\right)^{2} + \\langle a, b \\rangle")).isNull();
  }

  @Test
  void eachBreakageIsFound() {
    assertThat(LatexCheck.problem("{x")).contains("unclosed");
    assertThat(LatexCheck.problem("x}")).contains("closes nothing");
    assertThat(LatexCheck.problem("\\left( x")).contains("unclosed left");
    assertThat(LatexCheck.problem("{\\left( x}\\right)")).contains("closes");
    assertThat(LatexCheck.problem("\\begin{aligned} x \\end{cases}")).contains("closes");
    assertThat(LatexCheck.problem("\\frac{a}")).contains("needs 2");
    assertThat(LatexCheck.problem("x^a^b")).contains("double superscript");
    assertThat(LatexCheck.problem("^2")).contains("nothing before");
    assertThat(LatexCheck.problem("x_")).contains("nothing after");
    assertThat(LatexCheck.problem("\\lamda x")).contains("unknown command");
    assertThat(LatexCheck.problem("\\sqrt{\\frac{a}}")).contains("needs 2");
  }
}
