package gradus.compile;

import static org.objectweb.asm.Opcodes.*;

import org.objectweb.asm.MethodVisitor;

/** Constants in their shortest instruction. */
final class Asm {
  private Asm() {}

  static void pushInt(MethodVisitor mv, int v) {
    if (v >= -1 && v <= 5) mv.visitInsn(ICONST_0 + v);
    else if (v >= Byte.MIN_VALUE && v <= Byte.MAX_VALUE) mv.visitIntInsn(BIPUSH, v);
    else if (v >= Short.MIN_VALUE && v <= Short.MAX_VALUE) mv.visitIntInsn(SIPUSH, v);
    else mv.visitLdcInsn(v);
  }

  /**
   * An array index. A large one is a 16,384-aligned base plus a short offset, so a program with
   * a million nodes adds a handful of numbers to the class's constant pool, not one per index.
   */
  static void pushIndex(MethodVisitor mv, int v) {
    if (v <= Short.MAX_VALUE) {
      pushInt(mv, v);
      return;
    }
    int base = v & ~0x3FFF;
    mv.visitLdcInsn(base);
    pushInt(mv, v - base);
    mv.visitInsn(IADD);
  }

  static void pushDouble(MethodVisitor mv, double v) {
    if (Double.doubleToRawLongBits(v) == 0L) mv.visitInsn(DCONST_0);
    else if (v == 1.0) mv.visitInsn(DCONST_1);
    else mv.visitLdcInsn(v);
  }
}
