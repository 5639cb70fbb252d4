package gradus.sym;

import static gradus.sym.Sym.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class DeclareTest {
  static final Signature SIG = Signature.of(new VarSpec("x", 3), new VarSpec("y", 0));

  @Test void unknownNameListsTheAllowedOnes() {
    assertThatThrownBy(() -> declare("f", SIG, add(var("y"), var("z"))))
        .isInstanceOf(SymException.class).hasMessage("unknown name 'z' in f (its variables and fields are: x, y)");
  }

  @Test void constantIndexOutOfRange() {
    assertThatThrownBy(() -> declare("f", SIG, elem("x", 4)))
        .isInstanceOf(SymException.class).hasMessage("index 4 is out of range for x[3] (valid: 1..3)");
    assertThatThrownBy(() -> declare("f", SIG, elem("x", 0))).hasMessageContaining("out of range");
  }

  @Test void shiftedIndexOutOfRangeInASum() {
    Expr body = sum("i", num(1), num(3), elem("x", add(index("i"), num(1))));
    assertThatThrownBy(() -> declare("f", SIG, body))
        .isInstanceOf(SymException.class).hasMessage("x[i + 1] reaches index 4, out of range for x[3] (valid: 1..3)");
  }

  @Test void guardedIndexInsideWhereIsAllowed() {
    Expr i = index("i");
    Expr body = sum("i", num(1), num(3), where(cmp("<", i, num(3)), elem("x", add(i, num(1))), num(0)));
    ScalarFunction f = declare("f", SIG, body);
    assertThat(Eval.value(f, new double[] {1, 2, 3, 0}, null)).isEqualTo(5);
    assertThat(Eval.evaluate(Derivatives.grad(f), new double[] {1, 2, 3, 0}, null)).containsExactly(0, 1, 1, 0);
  }

  @Test void vectorWithoutIndex() {
    assertThatThrownBy(() -> declare("f", SIG, var("x")))
        .isInstanceOf(SymException.class).hasMessage("'x' is a vector of 3 elements: use one element, as in x[1]");
  }

  @Test void scalarIndexed() {
    assertThatThrownBy(() -> declare("f", SIG, elem("y", 1)))
        .isInstanceOf(SymException.class).hasMessage("'y' is a scalar and cannot be indexed");
  }

  @Test void indexMustBeAWholeNumber() {
    assertThatThrownBy(() -> declare("f", SIG, elem("x", num(1.5))))
        .isInstanceOf(SymException.class).hasMessageContaining("must be a whole number").hasMessageContaining("1.5");
    // an index computed from sum indices is checked when it is computed: i/2 is 1 at i = 2, 1.5 at i = 3
    ScalarFunction half = declare("f", SIG, sum("i", num(2), num(3), elem("x", div(index("i"), num(2)))));
    assertThatThrownBy(() -> Eval.value(half, new double[4], null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be a whole number, got 1.5");
    assertThatThrownBy(() -> declare("f", SIG, elem("x", var("y"))))
        .isInstanceOf(SymException.class).hasMessageContaining("an index is built from sum indices, constants and data fields").hasMessageContaining("variable 'y'");
  }

  @Test void indexOutsideItsSum() {
    assertThatThrownBy(() -> declare("f", SIG, elem("x", index("i"))))
        .isInstanceOf(SymException.class).hasMessage("the index 'i' is used outside of a sum over it");
  }

  @Test void aVarNamedLikeTheSumIndexIsTheIndex() {
    ScalarFunction f = declare("f", SIG, sum("i", num(1), num(3), mul(var("i"), elem("x", var("i")))));
    assertThat(f.text()).isEqualTo("sum(i in 1..3, i*x[i])");
    assertThat(Eval.value(f, new double[] {1, 1, 1, 0}, null)).isEqualTo(6);
  }

  @Test void wrongArgumentCount() {
    ScalarFunction f = declare("f", SIG, var("y"));
    assertThatThrownBy(() -> Eval.value(f, new double[] {1, 2}, null))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("x needs 4 values, got 2");
  }

  @Test void diffChecksItsVariables() {
    ScalarFunction f = declare("f", SIG, var("y"));
    assertThatThrownBy(() -> Derivatives.diff(f, List.of(VarRef.of("x", 5)))).hasMessageContaining("out of range");
    assertThatThrownBy(() -> Derivatives.diff(f, List.of(VarRef.of("x")))).hasMessageContaining("name one element");
    assertThatThrownBy(() -> Derivatives.diff(f, List.of(VarRef.of("q")))).hasMessageContaining("not a variable");
  }
}
