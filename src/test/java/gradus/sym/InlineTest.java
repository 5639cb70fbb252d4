package gradus.sym;

import static gradus.sym.Sym.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class InlineTest {
  @Test void scalarParametersTakeExpressions() {
    ScalarFunction sq = declare("sq", Signature.of(new VarSpec("t", 0)), pow(var("t"), 2));
    Expr e = sq.inline(List.of(add(var("a"), num(1))));
    ScalarFunction g = declare("g", Signature.of(new VarSpec("a", 0)), mul(num(2), e));
    assertThat(g.text()).isEqualTo("2*(a + 1)^2");
  }

  @Test void variablesThenFields() {
    Signature s = new Signature(List.of(new VarSpec("w", 0)), List.of(new VarSpec("u", 0)));
    ScalarFunction model = declare("model", s, mul(var("w"), var("u")));
    Expr e = model.inline(List.of(var("p"), var("q")));
    assertThat(Sym.simplify(e).text()).isEqualTo("p*q");
  }

  @Test void vectorParameterTakesACallersVector() {
    ScalarFunction norm2 = declare("n2", Signature.of(new VarSpec("v", 3)),
        sum("i", num(1), num(3), pow(elem("v", index("i")), 2)));
    Expr e = norm2.inline(List.of(new VarSpec("x", 3)));
    assertThat(e.text()).isEqualTo("sum(i in 1..3, x[i]^2)");
    assertThatThrownBy(() -> norm2.inline(List.of(new VarSpec("x", 2)))).isInstanceOf(SymException.class)
        .hasMessageContaining("must be a vector of 3 elements");
    assertThatThrownBy(() -> norm2.inline(List.of(List.of(num(1), num(2), num(3))))).isInstanceOf(SymException.class)
        .hasMessageContaining("pass it a vector variable");
  }

  @Test void listArgumentWhenIndexedByConstants() {
    ScalarFunction f = declare("f", Signature.of(new VarSpec("v", 2)), mul(elem("v", 1), elem("v", 2)));
    Expr e = f.inline(List.of(List.of(var("a"), add(var("b"), num(1)))));
    assertThat(Sym.simplify(e).text()).isEqualTo("a*(b + 1)");
  }

  @Test void sumIndicesAreRenamedToAvoidCapture() {
    ScalarFunction g = declare("g", Signature.of(new VarSpec("t", 0), new VarSpec("v", 3)),
        sum("i", num(1), num(3), mul(var("t"), elem("v", index("i")))));
    // caller: sum(i in 1..2, g(x[i], x)) — the argument x[i] uses the caller's i
    Expr inner = g.inline(List.of(elem("x", index("i")), "x"));
    assertThat(inner.text()).isEqualTo("sum(i2 in 1..3, x[i]*x[i2])");
    ScalarFunction f = declare("f", Signature.of(new VarSpec("x", 3)), sum("i", num(1), num(2), inner));
    assertThat(Eval.value(f, new double[] {1, 2, 3}, null)).isEqualTo((1 + 2) * 6.0);
  }

  @Test void wrongArgumentCount() {
    ScalarFunction sq = declare("sq", Signature.of(new VarSpec("t", 0)), pow(var("t"), 2));
    assertThatThrownBy(() -> sq.inline(List.of())).isInstanceOf(SymException.class).hasMessage("sq takes 1 argument, got 0");
  }
}
