package gradus.compile;

import static org.objectweb.asm.Opcodes.*;

import gradus.compile.Schedule.Group;
import gradus.compile.Schedule.Item;
import gradus.compile.Schedule.Scope;
import gradus.sym.Expr;
import java.util.List;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

/**
 * Pass 3 of the compiler: the class file. It emits one method per chunk of an array scope and
 * per loop group of an array scope (see {@link Layout}); everything inside a method, down to
 * each node's operation, is {@link Emitter}'s job.
 */
final class Codegen {
  static final String BASE = "gradus/compile/Generated";
  static final String GEN = "gradus/compile/Gen";

  final Program program;
  final Schedule schedule;
  final Layout layout;
  final Reads reads;
  final Constants constants;
  private ClassWriter cw;

  Codegen(Program program, Schedule schedule, Layout layout, Reads reads, Constants constants) {
    this.program = program;
    this.schedule = schedule;
    this.layout = layout;
    this.reads = reads;
    this.constants = constants;
  }

  byte[] generate() {
    cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES) {
      @Override
      protected String getCommonSuperClass(String a, String b) {
        return "java/lang/Object";
      }
    };
    cw.visit(V17, ACC_PUBLIC | ACC_FINAL | ACC_SUPER, GEN, null, BASE, null);
    constructor();
    scope(schedule.top);
    run();
    cw.visitEnd();
    return cw.toByteArray();
  }

  private void constructor() {
    MethodVisitor mv = cw.visitMethod(ACC_PUBLIC, "<init>", "()V", null, null);
    mv.visitCode();
    mv.visitVarInsn(ALOAD, 0);
    mv.visitMethodInsn(INVOKESPECIAL, BASE, "<init>", "()V", false);
    mv.visitInsn(RETURN);
    mv.visitMaxs(0, 0);
    mv.visitEnd();
  }

  /** The methods of an array scope (its chunks) and of its loop groups, recursively. */
  private void scope(Scope s) {
    if (!layout.inArray(s)) return;
    List<List<Item>> chunks = layout.chunks.get(s);
    for (int k = 0; k < chunks.size(); k++) chunk(s, k, chunks.get(k));
    for (Item it : s.items) {
      if (it instanceof Group g) {
        groupMethod(s, g);
        scope(g.body);
      }
    }
  }

  private void run() {
    MethodVisitor mv = cw.visitMethod(ACC_PROTECTED, "run", "()D", null, null);
    Emitter em = new Emitter(this, mv, schedule.top, 1);
    callChunks(em, schedule.top);
    if (program.value() == null) mv.visitInsn(DCONST_0);
    else em.load(program.value());
    mv.visitInsn(DRETURN);
    finish(mv);
  }

  static String chunkName(Layout layout, Scope s, int k) {
    return "c" + layout.ids.get(s) + "_" + k;
  }

  /** A chunk method takes the index of every loop around its scope. */
  static String chunkDesc(Scope s) {
    return "(" + "I".repeat(s.depth()) + ")V";
  }

  private void chunk(Scope s, int k, List<Item> items) {
    MethodVisitor mv = cw.visitMethod(ACC_PRIVATE, chunkName(layout, s, k), chunkDesc(s), null, null);
    Emitter em = new Emitter(this, mv, s, 1 + s.depth());
    em.bindIndexParams(s, 1);
    em.items(s, items);
    mv.visitInsn(RETURN);
    finish(mv);
  }

  /** A method calls at most this many others in a row: more chunks go through batch methods. */
  static final int FAN_OUT = 200;

  /** Calls the chunk methods of array scope s in order, passing the current indices. */
  void callChunks(Emitter em, Scope s) {
    callRange(em.mv, s, 0, layout.chunks.get(s).size(), em::pushIndices);
  }

  /**
   * Calls chunks [from, to) of s: directly when they are few, else through batch methods of
   * {@link #FAN_OUT} calls each (a tree), so no caller grows with the number of chunks.
   */
  private void callRange(MethodVisitor mv, Scope s, int from, int to, java.util.function.Consumer<Scope> indices) {
    if (to - from <= FAN_OUT) {
      for (int k = from; k < to; k++) call(mv, s, chunkName(layout, s, k), indices);
      return;
    }
    int span = FAN_OUT;
    while ((long) span * FAN_OUT < to - from) span *= FAN_OUT;
    for (int a = from; a < to; a += span) {
      int b = Math.min(to, a + span);
      String name = "b" + layout.ids.get(s) + "_" + a + "_" + b;
      if (batches.add(name)) batch(s, name, a, b);
      call(mv, s, name, indices);
    }
  }

  private final java.util.Set<String> batches = new java.util.HashSet<>();

  private void call(MethodVisitor mv, Scope s, String name, java.util.function.Consumer<Scope> indices) {
    mv.visitVarInsn(ALOAD, 0);
    indices.accept(s);
    mv.visitMethodInsn(INVOKEVIRTUAL, GEN, name, chunkDesc(s), false);
  }

  /** A method that calls chunks [from, to) of s, passing on its index parameters. */
  private void batch(Scope s, String name, int from, int to) {
    MethodVisitor mv = cw.visitMethod(ACC_PRIVATE, name, chunkDesc(s), null, null);
    mv.visitCode();
    callRange(mv, s, from, to, scope -> {
      for (int p = 0; p < scope.depth(); p++) mv.visitVarInsn(ILOAD, 1 + p);
    });
    mv.visitInsn(RETURN);
    finish(mv);
  }

  static String groupName(Layout layout, Group g) {
    return "g" + layout.groupIds.get(g);
  }

  /** {@code g<id>(lo, hi, indices of the enclosing loops)}: the loop; results into the scratch array. */
  static String groupDesc(Scope owner) {
    return "(II" + "I".repeat(owner.depth()) + ")V";
  }

  private void groupMethod(Scope owner, Group g) {
    MethodVisitor mv = cw.visitMethod(ACC_PRIVATE, groupName(layout, g), groupDesc(owner), null, null);
    Emitter em = new Emitter(this, mv, owner, 3 + owner.depth());
    em.bindIndexParams(owner, 3);
    em.loop(g, 1, 2);
    mv.visitInsn(RETURN);
    finish(mv);
  }

  /** Emits the call of an array scope's group method (bounds already computed into int locals). */
  void callGroup(Emitter em, Scope owner, Group g, int lo, int hi) {
    MethodVisitor mv = em.mv;
    mv.visitVarInsn(ALOAD, 0);
    mv.visitVarInsn(ILOAD, lo);
    mv.visitVarInsn(ILOAD, hi);
    em.pushIndices(owner);
    mv.visitMethodInsn(INVOKEVIRTUAL, GEN, groupName(layout, g), groupDesc(owner), false);
  }

  static void finish(MethodVisitor mv) {
    mv.visitMaxs(0, 0);
    mv.visitEnd();
  }

  /** {@code for (i = lo; i <= hi; i++) body}, polling for Ctrl-C every 1024 iterations. */
  static void forLoop(MethodVisitor mv, int i, int lo, int hi, Runnable body) {
    forLoop(mv, i, lo, hi, true, body);
  }

  /**
   * As above; without {@code poll}, no check at all, so that the JIT may unroll and vectorize a
   * short inner loop (its enclosing loop polls; see {@link Emitter#quiet}).
   */
  static void forLoop(MethodVisitor mv, int i, int lo, int hi, boolean poll, Runnable body) {
    mv.visitVarInsn(ILOAD, lo);
    mv.visitVarInsn(ISTORE, i);
    Label head = new Label();
    Label end = new Label();
    Label go = new Label();
    mv.visitLabel(head);
    mv.visitVarInsn(ILOAD, i);
    mv.visitVarInsn(ILOAD, hi);
    mv.visitJumpInsn(IF_ICMPGT, end);
    if (poll) {
      mv.visitVarInsn(ILOAD, i);
      mv.visitIntInsn(SIPUSH, 1023);
      mv.visitInsn(IAND);
      mv.visitJumpInsn(IFNE, go);
      mv.visitMethodInsn(INVOKESTATIC, "gradus/compile/Runtime", "poll", "()V", false);
      mv.visitLabel(go);
    }
    body.run();
    mv.visitIincInsn(i, 1);
    mv.visitJumpInsn(GOTO, head);
    mv.visitLabel(end);
  }
}
