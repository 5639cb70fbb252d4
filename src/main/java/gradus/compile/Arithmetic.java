package gradus.compile;

import static org.objectweb.asm.Opcodes.DADD;
import static org.objectweb.asm.Opcodes.DDIV;
import static org.objectweb.asm.Opcodes.DMUL;
import static org.objectweb.asm.Opcodes.INVOKESTATIC;

import gradus.sym.Expr;
import gradus.sym.Expr.Add;
import gradus.sym.Expr.Call;
import gradus.sym.Expr.Cmp;
import gradus.sym.Expr.Logic;
import gradus.sym.Expr.MinMax;
import gradus.sym.Expr.Mul;
import gradus.sym.Expr.Pow;
import gradus.sym.Expr.Where;
import gradus.sym.Fns;
import java.util.List;
import java.util.function.Consumer;
import org.objectweb.asm.MethodVisitor;

/**
 * The code of one arithmetic node over its operands, for the function emitter and the update
 * emitter alike: the same instructions and the same {@link Fns} calls, so a formula computes the
 * same bits in an objective and in an optimizer written in Gradus.
 */
final class Arithmetic {
  private static final String FNS = "gradus/sym/Fns";

  private Arithmetic() {}

  /**
   * Loads e's operands with {@code load} and applies e's operation; false (and nothing emitted)
   * when e is not an arithmetic node but a leaf the caller reads itself.
   */
  static boolean emit(MethodVisitor mv, Expr e, Consumer<Expr> load) {
    if (e instanceof Add a) {
      load.accept(a.terms().get(0));
      for (int k = 1; k < a.terms().size(); k++) {
        load.accept(a.terms().get(k));
        mv.visitInsn(DADD);
      }
    } else if (e instanceof Mul m) {
      // left to right; a later factor b^-1 divides by b (see Operands.factors)
      List<Expr> fs = m.factors();
      List<Expr> read = Operands.factors(m);
      load.accept(read.get(0));
      for (int k = 1; k < fs.size(); k++) {
        load.accept(read.get(k));
        mv.visitInsn(read.get(k) != fs.get(k) ? DDIV : DMUL);
      }
    } else if (e instanceof Pow p) two(mv, p.base(), p.exponent(), "pow", load);
    else if (e instanceof Call c) {
      load.accept(c.arg());
      mv.visitMethodInsn(INVOKESTATIC, FNS, c.fn().text(), "(D)D", false);
    } else if (e instanceof MinMax m) two(mv, m.a(), m.b(), m.isMax() ? "max" : "min", load);
    else if (e instanceof Cmp c) two(mv, c.a(), c.b(), Fns.compareName(c.op()), load);
    else if (e instanceof Where w) {
      load.accept(w.cond());
      load.accept(w.a());
      load.accept(w.b());
      mv.visitMethodInsn(INVOKESTATIC, FNS, "where", "(DDD)D", false);
    } else if (e instanceof Logic l) {
      load.accept(l.args().get(0));
      if (l.op().equals("not")) mv.visitMethodInsn(INVOKESTATIC, FNS, "not", "(D)D", false);
      for (int k = 1; k < l.args().size(); k++) {
        load.accept(l.args().get(k));
        mv.visitMethodInsn(INVOKESTATIC, FNS, l.op(), "(DD)D", false);
      }
    } else {
      return false;
    }
    return true;
  }

  private static void two(MethodVisitor mv, Expr a, Expr b, String fn, Consumer<Expr> load) {
    load.accept(a);
    load.accept(b);
    mv.visitMethodInsn(INVOKESTATIC, FNS, fn, "(DD)D", false);
  }
}
