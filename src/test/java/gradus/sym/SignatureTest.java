package gradus.sym;

import static gradus.sym.Sym.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SignatureTest {
  @Test void variablesFlattenInDeclarationOrder() {
    Signature sig = new Signature(List.of(new VarSpec("x", 2), new VarSpec("y", 0)), List.of(new VarSpec("u", 3)));
    assertThat(sig.dimension()).isEqualTo(3);
    assertThat(sig.fieldCount()).isEqualTo(3);
    assertThat(sig.offset("y")).isEqualTo(2);
    assertThat(sig.offset("u")).isEqualTo(0);
    assertThat(sig.refs()).containsExactly(VarRef.of("x", 1), VarRef.of("x", 2), VarRef.of("y"));
    assertThat(sig.ref(2)).isEqualTo(VarRef.of("y"));
    assertThat(sig.flatIndex(VarRef.of("x", 2))).isEqualTo(1);
  }

  @Test void gradientHasOneEntryPerFlattenedVariable() {
    Signature sig = Signature.of(new VarSpec("x", 2), new VarSpec("y", 0));
    ScalarFunction g = declare("g", sig, mul(elem("x", 1), elem("x", 2), var("y")));
    GradientFunction grad = Derivatives.grad(g);
    assertThat(grad.rows()).isEqualTo(3);
    assertThat(grad.cols()).isEqualTo(1);
    assertThat(grad.text()).isEqualTo("[x[2]*y, x[1]*y, x[1]*x[2]]");
    assertThat(Eval.evaluate(grad, new double[] {2, 3, 5}, null)).containsExactly(15, 10, 6);
    HessianFunction h = Derivatives.hessian(g);
    assertThat(h.rows()).isEqualTo(3);
    assertThat(h.cols()).isEqualTo(3);
    assertThat(h.text()).isEqualTo("[[0, y, x[2]], [y, 0, x[1]], [x[2], x[1], 0]]");
  }

  @Test void duplicateNamesAreRejected() {
    assertThatThrownBy(() -> Signature.of(new VarSpec("x", 0), new VarSpec("x", 2)))
        .isInstanceOf(SymException.class).hasMessage("'x' is declared twice");
  }

  @Test void rosenGradientIsOneScatterLoop() {
    ScalarFunction r = DerivativesTest.rosen(50);
    List<Stmt> g = r.gradientProgram();
    assertThat(g).hasSize(1);
    Stmt.For loop = (Stmt.For) g.get(0);
    assertThat(loop.lo()).isSameAs(num(1));
    assertThat(loop.hi()).isSameAs(num(49));
    assertThat(loop.body()).allSatisfy(s -> assertThat(s).isInstanceOf(Stmt.Acc.class));
    assertThat(loop.body().stream().map(s -> ((Stmt.Acc) s).col().toString()).distinct())
        .containsExactlyInAnyOrder("x[i]", "x[i + 1]");
    List<Stmt> h = r.hessianProgram();
    assertThat(h).hasSize(1);
    Stmt.For hl = (Stmt.For) h.get(0);
    assertThat(hl.body().stream().map(s -> ((Stmt.Acc) s).row() + "," + ((Stmt.Acc) s).col()).distinct())
        .containsExactlyInAnyOrder("x[i],x[i]", "x[i],x[i + 1]", "x[i + 1],x[i]", "x[i + 1],x[i + 1]");
  }

  @Test void sparseHessianEntriesMatchTheDenseMatrix() {
    int n = 40;
    HessianFunction h = Derivatives.hessian(DerivativesTest.rosen(n));
    double[] x = new double[n];
    for (int i = 0; i < n; i++) x[i] = Math.sin(i);
    double[] dense = Eval.evaluate(h, x, null);
    double[] fromSparse = new double[n * n];
    gradus.compile.CompiledFunction c = Eval.compiled(h.function());
    gradus.compile.HessianPattern p = c.hessianPattern();
    double[] v = new double[p.nnz()];
    c.accumulateHessian(x, null, 0, v);
    for (int j = 0; j < n; j++) for (int q = p.colStarts()[j]; q < p.colStarts()[j + 1]; q++) fromSparse[p.rows()[q] * n + j] = v[q];
    assertThat(p.nnz()).isEqualTo(3 * n - 2);
    for (int k = 0; k < n * n; k++) assertThat(fromSparse[k]).isCloseTo(dense[k], org.assertj.core.data.Offset.offset(1e-9));
  }
}
