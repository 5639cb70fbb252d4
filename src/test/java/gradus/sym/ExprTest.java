package gradus.sym;

import static gradus.sym.Sym.*;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExprTest {
  @Test
  void structurallyEqualNodesAreTheSameObject() {
    Expr a = add(mul(num(2), var("x")), pow(elem("y", add(index("i"), num(1))), num(2)));
    Expr b = add(mul(num(2), var("x")), pow(elem("y", add(index("i"), num(1))), num(2)));
    assertThat(a).isSameAs(b);
    assertThat(sum("i", num(1), num(3), a)).isSameAs(sum("i", num(1), num(3), b));
    assertThat(num(0.0)).isNotSameAs(num(-0.0));
  }
}
