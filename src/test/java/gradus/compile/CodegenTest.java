package gradus.compile;

import static gradus.sym.Sym.*;
import static org.assertj.core.api.Assertions.assertThat;

import gradus.sym.Expr;
import gradus.sym.Expr.Fn;
import gradus.sym.Signature;
import gradus.sym.Sym;
import gradus.sym.VarSpec;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/** The class file's contract: methods stay small whatever the expression; every loop polls for Ctrl-C. */
class CodegenTest {
  /** The largest method's instruction count (a close proxy of its bytecode size). */
  static int largestMethod(byte[] bytes) {
    int[] max = {0};
    new ClassReader(bytes).accept(new ClassVisitor(Opcodes.ASM9) {
      @Override
      public MethodVisitor visitMethod(int access, String name, String desc, String sig, String[] ex) {
        return new MethodVisitor(Opcodes.ASM9) {
          int count;

          @Override
          public void visitEnd() {
            max[0] = Math.max(max[0], count);
          }

          @Override
          public void visitInsn(int opcode) {
            count++;
          }

          @Override
          public void visitVarInsn(int opcode, int var) {
            count += 2;
          }

          @Override
          public void visitMethodInsn(int op, String owner, String n, String d, boolean itf) {
            count += 3;
          }

          @Override
          public void visitLdcInsn(Object value) {
            count += 3;
          }

          @Override
          public void visitIntInsn(int opcode, int operand) {
            count += 3;
          }

          @Override
          public void visitFieldInsn(int op, String owner, String n, String d) {
            count += 3;
          }

          @Override
          public void visitJumpInsn(int opcode, org.objectweb.asm.Label label) {
            count += 3;
          }
        };
      }
    }, 0);
    return max[0];
  }

  @Test
  void aWideSumIsCutIntoSmallMethods() {
    List<Expr> terms = new ArrayList<>();
    for (int k = 0; k < 5000; k++) terms.add(mul(num(k + 1), call(Fn.SIN, elem("x", 1 + k % 10))));
    Signature sig = Signature.of(new VarSpec("x", 10));
    byte[] bytes = Compiler.bytecode(Compiler.gradient(Sym.function("f", sig, add(terms))));
    assertThat(bytes.length).isGreaterThan(65536);
    assertThat(largestMethod(bytes)).isLessThan(8000);
  }

  @Test
  void moreNumbersThanTheConstantPoolHoldsGoToATable() {
    java.util.Random r = new java.util.Random(3);
    List<Expr> terms = new ArrayList<>();
    for (int k = 0; k < 15_000; k++) terms.add(mul(num(r.nextDouble()), call(Fn.SIN, mul(num(r.nextDouble()), elem("x", 1 + k % 4)))));
    Signature sig = Signature.of(new VarSpec("x", 4));
    gradus.sym.ScalarFunction f = Sym.function("f", sig, add(terms));
    assertThat(Constants.of(Compiler.value(f)).table()).hasSizeGreaterThan(Constants.POOL_LIMIT);
    double[] x = {0.1, -0.2, 0.3, 0.4};
    CompiledFunction c = Compiler.compile(f);
    assertThat(c.value(x, null, 0)).isEqualTo(Naive.value(Compiler.value(f), x, null, 0));
    double[] g = new double[4];
    c.valueAndGradient(x, null, 0, g);
    CompilerTest.closeTo(g, Naive.vector(Compiler.gradient(f), x, null, 0, null), () -> "gradient");
  }

  /**
   * Every loop that may run long polls for Ctrl-C: here the outer loop's range is constant but
   * large, and the inner one's depends on the outer index. A short loop of constant range (at most
   * 65536 iterations with the quiet loops around it) does not poll, so the JIT may vectorize it.
   */
  @Test
  void everyLoopThatMayRunLongPollsTheInterruptFlag() {
    Signature sig = Signature.of(new VarSpec("x", 100_000));
    Expr f = sum("i", num(1), num(100_000), sum("j", num(1), index("i"), mul(elem("x", index("i")), elem("x", index("j")))));
    assertThat(loopsAndPolls(sig, f)).satisfies(lp -> {
      assertThat(lp[0]).isGreaterThanOrEqualTo(2);
      assertThat(lp[1]).isEqualTo(lp[0]);
    });
    Signature small = Signature.of(new VarSpec("x", 10));
    Expr g = sum("i", num(1), num(10), sum("j", num(1), num(10), mul(elem("x", index("i")), elem("x", index("j")))));
    assertThat(loopsAndPolls(small, g)).satisfies(lp -> {
      assertThat(lp[0]).isGreaterThanOrEqualTo(2);
      assertThat(lp[1]).isZero();
    });
  }

  /** The loops (backward jumps) and the calls of Runtime.poll in the gradient program's class. */
  private static int[] loopsAndPolls(Signature sig, Expr f) {
    int[] loopsAndPolls = {0, 0};
    new ClassReader(Compiler.bytecode(Compiler.gradient(Sym.function("f", sig, f)))).accept(new ClassVisitor(Opcodes.ASM9) {
      @Override
      public MethodVisitor visitMethod(int access, String name, String desc, String sg, String[] ex) {
        return new MethodVisitor(Opcodes.ASM9) {
          @Override
          public void visitJumpInsn(int opcode, org.objectweb.asm.Label label) {
            if (opcode == Opcodes.GOTO) loopsAndPolls[0]++;
          }

          @Override
          public void visitMethodInsn(int op, String owner, String n, String d, boolean itf) {
            if (n.equals("poll")) loopsAndPolls[1]++;
          }
        };
      }
    }, 0);
    return loopsAndPolls;
  }
}
