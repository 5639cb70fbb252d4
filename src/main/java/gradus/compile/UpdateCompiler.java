package gradus.compile;

import static org.objectweb.asm.Opcodes.*;

import gradus.sym.Expr;
import gradus.sym.Sym;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;

/**
 * Compiles an {@link UpdateProgram} to a hidden class extending {@link UpdateCode}: {@code
 * update} is the pass of the whole-vector sums (when the update has any), then one loop over the
 * coordinates with the statements as straight-line code on JVM locals; {@code start} sets the
 * states. Programs are hash-consed expressions, so equal programs (one optimizer made again with
 * the same hyperparameters, any learning rate) share one class.
 */
public final class UpdateCompiler {
  private UpdateCompiler() {}

  private static final String BASE = "gradus/compile/UpdateCode";
  private static final String GEN = "gradus/compile/UpdateGen";
  private static final int CACHE = 64;

  private static final Map<UpdateProgram, UpdateKernel> CACHED = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<UpdateProgram, UpdateKernel> e) {
      return size() > CACHE;
    }
  };

  /** The compiled update; a {@link CompileError} when the JVM cannot hold it. */
  public static UpdateKernel compile(UpdateProgram p) {
    synchronized (CACHED) {
      UpdateKernel k = CACHED.get(p);
      if (k != null) return k;
    }
    UpdateKinds kinds = new UpdateKinds(p);
    UpdateKernel k = new UpdateKernel(load(generate(p, kinds)), kinds.perCoordinate.clone());
    synchronized (CACHED) {
      CACHED.put(p, k);
    }
    return k;
  }

  static byte[] generate(UpdateProgram p, UpdateKinds kinds) {
    ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES) {
      @Override
      protected String getCommonSuperClass(String a, String b) {
        return "java/lang/Object";
      }
    };
    cw.visit(V17, ACC_PUBLIC | ACC_FINAL | ACC_SUPER, GEN, null, BASE, null);
    MethodVisitor init = cw.visitMethod(ACC_PUBLIC, "<init>", "()V", null, null);
    init.visitCode();
    init.visitVarInsn(ALOAD, 0);
    init.visitMethodInsn(INVOKESPECIAL, BASE, "<init>", "()V", false);
    init.visitInsn(RETURN);
    Codegen.finish(init);
    try {
      update(cw, p, kinds);
      start(cw, p, kinds);
      cw.visitEnd();
      return cw.toByteArray();
    } catch (org.objectweb.asm.MethodTooLargeException e) {
      throw new CompileError("the optimizer's update is too large to compile (a method of "
          + e.getCodeSize() + " bytes); use fewer statements", e);
    }
  }

  /** {@code update(x, g, f, lr, t, out)}: locals 1 x, 2 g, 3 f, 5 lr, 7 t, 9 out. */
  private static void update(ClassWriter cw, UpdateProgram p, UpdateKinds kinds) {
    MethodVisitor mv = cw.visitMethod(ACC_PUBLIC, "update", "([D[DDDD[D)V", null, null);
    UpdateEmitter em = new UpdateEmitter(mv, kinds, 10);
    em.arrayLeaf("x", 1);
    em.arrayLeaf("g", 2);
    em.scalarLeaf("f", 3);
    em.scalarLeaf("lr", 5);
    em.scalarLeaf("t", 7);
    int n = bindSize(em);
    int[] arrays = bindStates(em, p, kinds);
    if (!p.sums().isEmpty()) sums(em, p, n);
    List<Expr> roots = new ArrayList<>();
    roots.add(p.x());
    for (int k = 0; k < arrays.length; k++) if (kinds.perCoordinate[k]) roots.add(p.next().get(k));
    em.hoist(roots);
    List<Integer> scalarNext = new ArrayList<>();
    for (int k = 0; k < arrays.length; k++) {
      scalarNext.add(kinds.perCoordinate[k] || unchanged(p, k) ? -1 : em.need(p.next().get(k)));
    }
    em.loop(n, () -> {
      for (Expr r : roots) if (!(r instanceof Expr.Const)) em.need(r);
      em.storeAt(9, p.x());
      for (int k = 0; k < arrays.length; k++) {
        if (kinds.perCoordinate[k] && !unchanged(p, k)) em.storeAt(arrays[k], p.next().get(k));
      }
    });
    for (int k = 0; k < arrays.length; k++) {
      if (scalarNext.get(k) < 0) continue;
      mv.visitVarInsn(ALOAD, 0);
      mv.visitFieldInsn(GETFIELD, BASE, "u", "[D");
      Asm.pushInt(mv, k);
      mv.visitVarInsn(DLOAD, scalarNext.get(k));
      mv.visitInsn(DASTORE);
    }
    em.finish();
  }

  private static boolean unchanged(UpdateProgram p, int k) {
    return p.next().get(k) == Sym.var(p.states().get(k));
  }

  /** The sums over all coordinates, left to right, into locals bound to their names. */
  private static void sums(UpdateEmitter em, UpdateProgram p, int n) {
    List<Expr> summands = new ArrayList<>(p.sums().values());
    em.hoist(summands);
    int[] acc = new int[summands.size()];
    for (int k = 0; k < acc.length; k++) {
      acc[k] = em.alloc(2);
      em.mv.visitInsn(DCONST_0);
      em.mv.visitVarInsn(DSTORE, acc[k]);
    }
    em.loop(n, () -> {
      for (int k = 0; k < acc.length; k++) {
        em.mv.visitVarInsn(DLOAD, acc[k]);
        em.load(summands.get(k));
        em.mv.visitInsn(DADD);
        em.mv.visitVarInsn(DSTORE, acc[k]);
      }
    });
    int k = 0;
    for (String name : p.sums().keySet()) em.scalarLeaf(name, acc[k++]);
  }

  /** {@code start(x, g)}: each state's start value, per coordinate or once. */
  private static void start(ClassWriter cw, UpdateProgram p, UpdateKinds kinds) {
    MethodVisitor mv = cw.visitMethod(ACC_PUBLIC, "start", "([D[D)V", null, null);
    UpdateEmitter em = new UpdateEmitter(mv, kinds, 3);
    em.arrayLeaf("x", 1);
    em.arrayLeaf("g", 2);
    int n = bindSize(em);
    int[] arrays = stateArrays(em, p, kinds);
    List<Expr> roots = new ArrayList<>();
    for (int k = 0; k < arrays.length; k++) if (kinds.perCoordinate[k]) roots.add(p.start().get(k));
    em.hoist(roots);
    for (int k = 0; k < arrays.length; k++) {
      if (kinds.perCoordinate[k]) continue;
      mv.visitVarInsn(ALOAD, 0);
      mv.visitFieldInsn(GETFIELD, BASE, "u", "[D");
      Asm.pushInt(mv, k);
      em.load(p.start().get(k));
      mv.visitInsn(DASTORE);
    }
    if (!roots.isEmpty()) {
      em.loop(n, () -> {
        for (int k = 0; k < arrays.length; k++) if (kinds.perCoordinate[k]) em.storeAt(arrays[k], p.start().get(k));
      });
    }
    em.finish();
  }

  /** The dimension: an int local for the loops, and the leaf {@code n} as a double. */
  private static int bindSize(UpdateEmitter em) {
    MethodVisitor mv = em.mv;
    int n = em.alloc(1);
    mv.visitVarInsn(ALOAD, 0);
    mv.visitFieldInsn(GETFIELD, BASE, "n", "I");
    mv.visitVarInsn(ISTORE, n);
    int nd = em.alloc(2);
    mv.visitVarInsn(ILOAD, n);
    mv.visitInsn(I2D);
    mv.visitVarInsn(DSTORE, nd);
    em.scalarLeaf("n", nd);
    return n;
  }

  /** The per-coordinate states' arrays in locals (-1 for a state held as one number). */
  private static int[] stateArrays(UpdateEmitter em, UpdateProgram p, UpdateKinds kinds) {
    int[] arrays = new int[p.states().size()];
    for (int k = 0; k < arrays.length; k++) {
      arrays[k] = -1;
      if (!kinds.perCoordinate[k]) continue;
      arrays[k] = em.alloc(1);
      em.mv.visitVarInsn(ALOAD, 0);
      em.mv.visitFieldInsn(GETFIELD, BASE, "a", "[[D");
      Asm.pushInt(em.mv, k);
      em.mv.visitInsn(AALOAD);
      em.mv.visitVarInsn(ASTORE, arrays[k]);
    }
    return arrays;
  }

  /** Every state as a leaf: a per-coordinate array, or its one number read into a local. */
  private static int[] bindStates(UpdateEmitter em, UpdateProgram p, UpdateKinds kinds) {
    int[] arrays = stateArrays(em, p, kinds);
    for (int k = 0; k < arrays.length; k++) {
      String name = p.states().get(k);
      if (kinds.perCoordinate[k]) {
        em.arrayLeaf(name, arrays[k]);
        continue;
      }
      int l = em.alloc(2);
      em.mv.visitVarInsn(ALOAD, 0);
      em.mv.visitFieldInsn(GETFIELD, BASE, "u", "[D");
      Asm.pushInt(em.mv, k);
      em.mv.visitInsn(DALOAD);
      em.mv.visitVarInsn(DSTORE, l);
      em.scalarLeaf(name, l);
    }
    return arrays;
  }

  private static MethodHandle load(byte[] bytes) {
    try {
      MethodHandles.Lookup l = MethodHandles.lookup().defineHiddenClass(bytes, true);
      return l.findConstructor(l.lookupClass(), MethodType.methodType(void.class));
    } catch (ReflectiveOperationException | LinkageError e) {
      throw new CompileError("the generated update was rejected by the JVM: " + e.getMessage(), e);
    }
  }
}
