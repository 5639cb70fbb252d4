package gradus.compile;

import static org.objectweb.asm.Opcodes.*;

import gradus.sym.Expr;
import gradus.sym.Expr.Const;
import gradus.sym.Expr.Var;
import gradus.sym.Fns;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

/**
 * The code of one method of a compiled update: every node computed once into a JVM local — once
 * per update before the loops when it reads no coordinate, once per coordinate inside the loop
 * otherwise — each operation a call of the {@link Fns} method of the same name (as {@link
 * Emitter} does for functions), in the order the expression gives: a sum left to right, a
 * later factor {@code b^-1} a division by b.
 */
final class UpdateEmitter {

  final MethodVisitor mv;
  private final UpdateKinds kinds;
  private int next;
  /** Nodes computed once per update (and the leaves that are). */
  private final Map<Expr, Integer> top = new IdentityHashMap<>();
  /** Nodes computed at the current coordinate; null outside a loop. */
  private Map<Expr, Integer> here;
  /** Leaves read at a coordinate: name → the local holding the array. */
  private final Map<String, Integer> arrays = new java.util.HashMap<>();
  private int index = -1;

  UpdateEmitter(MethodVisitor mv, UpdateKinds kinds, int firstFree) {
    this.mv = mv;
    this.kinds = kinds;
    this.next = firstFree;
    mv.visitCode();
  }

  int alloc(int words) {
    int r = next;
    next += words;
    return r;
  }

  /** A leaf read at coordinate i of the array in local {@code local}. */
  void arrayLeaf(String name, int local) {
    arrays.put(name, local);
  }

  /** A leaf computed once per update, already in the double local {@code local}. */
  void scalarLeaf(String name, int local) {
    top.put(gradus.sym.Sym.var(name), local);
  }

  /** The double local holding e, computing e (and what it reads) first when needed. */
  int need(Expr e) {
    Integer done = here != null ? here.get(e) : null;
    if (done == null) done = top.get(e);
    if (done != null) return done;
    boolean perCoordinate = kinds.coordinate(e);
    if (perCoordinate && here == null) {
      throw new IllegalStateException("a per-coordinate node outside the loop: " + e.text());
    }
    if (!perCoordinate && here != null) {
      throw new IllegalStateException("a node read in the loop was not computed before it: " + e.text());
    }
    if (!(e instanceof Var)) for (Expr c : UpdateKinds.children(e)) if (!(c instanceof Const)) need(c);
    value(e);
    int l = alloc(2);
    mv.visitVarInsn(DSTORE, l);
    (perCoordinate ? here : top).put(e, l);
    return l;
  }

  /**
   * Computes, before a loop, every node the loop's roots read that is the same at every
   * coordinate, so the loop body only computes per-coordinate nodes.
   */
  void hoist(List<Expr> roots) {
    Set<Expr> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    for (Expr r : roots) hoist(r, seen);
  }

  private void hoist(Expr e, Set<Expr> seen) {
    if (e instanceof Const || !seen.add(e)) return;
    if (!kinds.coordinate(e)) {
      need(e);
      return;
    }
    if (e instanceof Var) return;
    for (Expr c : UpdateKinds.children(e)) hoist(c, seen);
  }

  /** Coordinates per block of the loop: Ctrl-C is polled between blocks. */
  static final int BLOCK = 1024;

  /**
   * {@code for (i = 0; i < n; i++) body}, as blocks of {@link #BLOCK} coordinates with a poll for
   * Ctrl-C between them: the inner loop is a plain counted loop with no call, which the JIT
   * unrolls and vectorizes as it does a hand-written one. The body runs with a fresh memo.
   */
  void loop(int nLocal, Runnable body) {
    int from = alloc(1);
    int to = alloc(1);
    index = alloc(1);
    Label outer = new Label();
    Label outerEnd = new Label();
    Label inner = new Label();
    Label innerEnd = new Label();
    Asm.pushInt(mv, 0);
    mv.visitVarInsn(ISTORE, from);
    mv.visitLabel(outer);
    mv.visitVarInsn(ILOAD, from);
    mv.visitVarInsn(ILOAD, nLocal);
    mv.visitJumpInsn(IF_ICMPGE, outerEnd);
    mv.visitMethodInsn(INVOKESTATIC, "gradus/compile/Runtime", "poll", "()V", false);
    // to = min(from + BLOCK, n), computed without overflow as n - from <= BLOCK ? n : from + BLOCK
    mv.visitVarInsn(ILOAD, nLocal);
    mv.visitVarInsn(ILOAD, from);
    mv.visitInsn(ISUB);
    Asm.pushInt(mv, BLOCK);
    Label full = new Label();
    Label set = new Label();
    mv.visitJumpInsn(IF_ICMPGT, full);
    mv.visitVarInsn(ILOAD, nLocal);
    mv.visitJumpInsn(GOTO, set);
    mv.visitLabel(full);
    mv.visitVarInsn(ILOAD, from);
    Asm.pushInt(mv, BLOCK);
    mv.visitInsn(IADD);
    mv.visitLabel(set);
    mv.visitVarInsn(ISTORE, to);
    mv.visitVarInsn(ILOAD, from);
    mv.visitVarInsn(ISTORE, index);
    mv.visitLabel(inner);
    mv.visitVarInsn(ILOAD, index);
    mv.visitVarInsn(ILOAD, to);
    mv.visitJumpInsn(IF_ICMPGE, innerEnd);
    here = new IdentityHashMap<>();
    body.run();
    here = null;
    mv.visitIincInsn(index, 1);
    mv.visitJumpInsn(GOTO, inner);
    mv.visitLabel(innerEnd);
    mv.visitVarInsn(ILOAD, to);
    mv.visitVarInsn(ISTORE, from);
    mv.visitJumpInsn(GOTO, outer);
    mv.visitLabel(outerEnd);
    index = -1;
  }

  /** Pushes the value of an already computed node (or a number). */
  void load(Expr e) {
    if (e instanceof Const c) {
      Asm.pushDouble(mv, c.value());
      return;
    }
    mv.visitVarInsn(DLOAD, need(e));
  }

  /** {@code array[i] = value} at the current coordinate. */
  void storeAt(int arrayLocal, Expr value) {
    int v = value instanceof Const ? -1 : need(value);
    mv.visitVarInsn(ALOAD, arrayLocal);
    mv.visitVarInsn(ILOAD, index);
    if (v < 0) load(value);
    else mv.visitVarInsn(DLOAD, v);
    mv.visitInsn(DASTORE);
  }

  private final java.util.function.Consumer<Expr> loader = this::load;

  private void value(Expr e) {
    if (e instanceof Var v) leaf(v.name());
    else if (!Arithmetic.emit(mv, e, loader)) {
      throw new IllegalArgumentException("an update cannot contain " + e.getClass().getSimpleName());
    }
  }

  /** A coordinate of an array leaf; every other leaf was bound before the method's code. */
  private void leaf(String name) {
    Integer array = arrays.get(name);
    if (array == null || index < 0) throw new IllegalArgumentException("unknown name '" + name + "' in an update");
    mv.visitVarInsn(ALOAD, array);
    mv.visitVarInsn(ILOAD, index);
    mv.visitInsn(DALOAD);
  }

  void finish() {
    mv.visitInsn(RETURN);
    Codegen.finish(mv);
  }
}
