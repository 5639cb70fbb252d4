package gradus.compile;

import static org.objectweb.asm.Opcodes.*;

import gradus.sym.Expr;
import gradus.sym.Expr.Add;
import gradus.sym.Expr.Const;
import gradus.sym.Expr.Index;
import gradus.sym.Expr.Mul;

/**
 * Index arithmetic: an element index made of sum indices, integer constants, {@code +} and
 * {@code *} is computed in long arithmetic (exact, no wrap-around into a valid slot); an index
 * {@code a*i + b} in a loop's own index lets the loop check its range once at both ends.
 */
final class Indices {
  private Indices() {}

  private static final double LIMIT = 1 << 20;

  static boolean integral(Expr e) {
    if (e instanceof Index) return true;
    if (e instanceof Const k) return k.value() == Math.rint(k.value()) && Math.abs(k.value()) < LIMIT;
    if (e instanceof Add a) return a.terms().stream().allMatch(Indices::integral);
    if (e instanceof Mul m) return m.factors().stream().allMatch(Indices::integral);
    return false;
  }

  /** Pushes an {@link #integral} index as a long. */
  static void longValue(Emitter em, Expr e) {
    if (e instanceof Index i) {
      em.mv.visitVarInsn(ILOAD, em.indexLocal(i.name()));
      em.mv.visitInsn(I2L);
      return;
    }
    if (e instanceof Const k) {
      em.mv.visitLdcInsn((long) k.value());
      return;
    }
    var xs = e instanceof Add a ? a.terms() : ((Mul) e).factors();
    longValue(em, xs.get(0));
    for (int q = 1; q < xs.size(); q++) {
      longValue(em, xs.get(q));
      em.mv.visitInsn(e instanceof Add ? LADD : LMUL);
    }
  }

  /** Pushes an {@link #integral} index as an int (its range is known to be small). */
  static void intValue(Emitter em, Expr e) {
    if (e instanceof Index i) {
      em.mv.visitVarInsn(ILOAD, em.indexLocal(i.name()));
      return;
    }
    longValue(em, e);
    em.mv.visitInsn(L2I);
  }

  /** {a, b} when e is {@code a*own + b} with small integer constants, else null. */
  static long[] affine(Expr e, String own) {
    if (e instanceof Index i) return i.name().equals(own) ? new long[] {1, 0} : null;
    if (e instanceof Const k) {
      double v = k.value();
      return v == Math.rint(v) && Math.abs(v) < LIMIT ? new long[] {0, (long) v} : null;
    }
    if (e instanceof Add a) {
      long[] r = {0, 0};
      for (Expr t : a.terms()) {
        long[] q = affine(t, own);
        if (q == null) return null;
        r[0] += q[0];
        r[1] += q[1];
      }
      return Math.abs(r[0]) < LIMIT && Math.abs(r[1]) < LIMIT ? r : null;
    }
    if (e instanceof Mul m && m.factors().size() == 2 && m.factors().get(0) instanceof Const) {
      long[] k = affine(m.factors().get(0), own);
      long[] q = affine(m.factors().get(1), own);
      if (k == null || q == null) return null;
      long a = k[1] * q[0];
      long b = k[1] * q[1];
      return Math.abs(a) < LIMIT && Math.abs(b) < LIMIT ? new long[] {a, b} : null;
    }
    return null;
  }
}
