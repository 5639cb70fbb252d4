package gradus.compile;

import static org.objectweb.asm.Opcodes.*;

import gradus.sym.Expr;
import gradus.sym.Expr.Add;
import gradus.sym.Expr.Call;
import gradus.sym.Expr.Cmp;
import gradus.sym.Expr.Const;
import gradus.sym.Expr.Elem;
import gradus.sym.Expr.Index;
import gradus.sym.Expr.Logic;
import gradus.sym.Expr.Loop;
import gradus.sym.Expr.MinMax;
import gradus.sym.Expr.Mul;
import gradus.sym.Expr.Pow;
import gradus.sym.Expr.Var;
import gradus.sym.Expr.Where;
import gradus.sym.Signature;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

/**
 * Compiles an expression to JVM bytecode (a hidden class extending {@link CompiledBase}).
 *
 * <p><b>Scopes.</b> Nodes that depend on no sum index form the top scope and are computed once per
 * call, wherever they occur (also inside sums: loop-invariant code is hoisted). Every {@link Loop}
 * becomes a method with a real JVM loop; its body scope holds the nodes that depend on some index
 * and is recomputed per iteration. A small body keeps values and adjoints in JVM locals; a large
 * one, and the top scope, keep them in the instance's scratch arrays and are split into chunk
 * methods of bounded size, so no method nears the 64 KB limit (nor HotSpot's 8 KB JIT limit), and
 * wide Add/Mul nodes are first regrouped into trees of at most 8 children.
 *
 * <p><b>Gradient.</b> Reverse mode. The top scope runs forward, then backward. A sum's backward
 * step calls its "reverse" method, which for each index recomputes the body forward and propagates
 * the sum's adjoint into the body (scattering into the gradient at the element's slot). A sum whose
 * adjoint is a compile-time constant (the objective itself, or a term of it) runs its reverse
 * method during the forward pass, so value and gradient take a single pass over the data.
 *
 * <p><b>Products.</b> The reverse method of {@code prod} first counts zero factors and multiplies
 * the non-zero ones, then gives factor k the adjoint {@code adj * P_nonzero / f_k} with no zero
 * factor, {@code adj * P_nonzero} to the zero factor when there is exactly one, and 0 otherwise
 * (no per-factor storage; the division costs at most one rounding).
 *
 * <p><b>Hessian.</b> Forward-over-reverse on the interpreter's tape ({@link Interpreted}).
 */
public final class Compiler {
  private Compiler() {}

  static final int LOCAL_LIMIT = 400;
  static final int CHUNK_LIMIT = 200;
  private static final String BASE = "gradus/compile/CompiledBase";
  private static final String OPS = "gradus/compile/Ops";
  private static final String GEN = "gradus/compile/Gen";

  /**
   * Compiles {@code body}; falls back to the interpreter only if bytecode generation fails. The
   * analysis recurses over the DAG; an expression too deep for the caller's stack (a chain of
   * thousands of nested nodes) is compiled again on a thread with a large stack.
   */
  public static CompiledFunction compile(Signature sig, Expr body) {
    try {
      return compileHere(sig, body);
    } catch (StackOverflowError e) {
      return BigStack.run(() -> compileHere(sig, body));
    }
  }

  private static CompiledFunction compileHere(Signature sig, Expr body) {
    Interpreted interp = Interpreted.compile(sig, body);
    CompiledBase cf;
    Compiler0 c = new Compiler0(sig, body);
    byte[] bytes;
    try {
      bytes = c.generate();
    } catch (IllegalArgumentException e) {
      throw e;
    } catch (RuntimeException e) {
      return interp;
    }
    try {
      MethodHandles.Lookup l = MethodHandles.lookup().defineHiddenClass(bytes, true);
      cf = (CompiledBase) l.findConstructor(l.lookupClass(), MethodType.methodType(void.class)).invoke();
    } catch (Throwable e) {
      if (e instanceof Error err && !(e instanceof LinkageError)) throw err;
      return interp;
    }
    cf.setup(sig.dimension(), sig.fieldCount(), Math.max(1, c.scratch), interp);
    return cf;
  }

  /** The bytecode of the evaluator for {@code body} (for tests that inspect method sizes). */
  static byte[] bytecode(Signature sig, Expr body) {
    return new Compiler0(sig, body).generate();
  }

  /** One scope: the top scope or a loop body. */
  private static final class Region {
    final int id;
    final List<String> stack;
    final List<Expr> nodes = new ArrayList<>();
    final Map<Expr, Integer> pos = new IdentityHashMap<>();
    final Map<Expr, LoopInfo> loops = new IdentityHashMap<>();
    boolean array;
    int base;
    int weight;

    Region(int id, List<String> stack) {
      this.id = id;
      this.stack = stack;
    }
  }

  private static final class LoopInfo {
    final int id;
    final Loop node;
    final Region owner;
    Region body;
    boolean fused;
    double fusedAdj;

    LoopInfo(int id, Loop node, Region owner) {
      this.id = id;
      this.node = node;
      this.owner = owner;
    }
  }

  /** Per generated method: where index values, cached arrays and LOCAL-scope values live. */
  private static final class Ctx {
    final MethodVisitor mv;
    final Region region;
    final int[] idx;
    int next;
    int S, A, X, F, G, OFF;
    final Map<Expr, Integer> val = new IdentityHashMap<>();
    final Map<Expr, Integer> adj = new IdentityHashMap<>();
    /** Elements of a LOCAL scope: their checked flat slot, kept for the reverse scatter. */
    final Map<Expr, Integer> slot = new IdentityHashMap<>();
    /** Elements whose index is affine in the loop index and was range-checked at both ends. */
    final Map<Expr, long[]> prechecked = new IdentityHashMap<>();

    Ctx(MethodVisitor mv, Region region, int firstFree) {
      this.mv = mv;
      this.region = region;
      this.idx = new int[region.stack.size()];
      this.next = firstFree;
    }

    int alloc(int words) {
      int r = next;
      next += words;
      return r;
    }
  }

  private static final class Compiler0 {
    final Signature sig;
    final Analysis an;
    final Expr root;
    final Region top;
    final List<Region> regions = new ArrayList<>();
    final List<LoopInfo> loops = new ArrayList<>();
    final Set<Expr> scanned = Collections.newSetFromMap(new IdentityHashMap<>());
    final Map<Expr, Integer> uses = new IdentityHashMap<>();
    int scratch;
    ClassWriter cw;

    Compiler0(Signature sig, Expr body) {
      this.sig = sig;
      this.an = new Analysis(sig);
      this.root = Analysis.normalize(body, new IdentityHashMap<>());
      an.validate(root);
      an.dep(root);
      if (!an.closed(root)) {
        throw new IllegalArgumentException("index " + an.free(root) + " is not bound by an enclosing sum");
      }
      top = new Region(0, List.of());
      regions.add(top);
      visitTop(root);
      for (int i = 0; i < loops.size(); i++) buildBody(loops.get(i));
      layout();
      fuse();
    }

    // ---- scopes ------------------------------------------------------------------------------

    private static boolean slotless(Expr e) {
      return e instanceof Const || e instanceof Index;
    }

    private void add(Region r, Expr e) {
      r.pos.put(e, r.nodes.size());
      r.nodes.add(e);
      int k = Analysis.operands(e).size();
      r.weight += 3 + k + (e instanceof Mul ? k * k : 0);
      for (Expr c : Analysis.operands(e)) uses.merge(c, 1, Integer::sum);
      if (e instanceof Loop l) {
        uses.merge(l.body(), 1, Integer::sum);
        LoopInfo li = new LoopInfo(loops.size(), l, r);
        loops.add(li);
        r.loops.put(e, li);
      }
    }

    private void visitTop(Expr e) {
      if (top.pos.containsKey(e) || slotless(e)) return;
      for (Expr c : Analysis.operands(e)) visitTop(c);
      if (e instanceof Loop l) scanBody(l.body());
      if (!top.pos.containsKey(e)) add(top, e);
    }

    /** Finds the index-free (hoistable) nodes inside a loop body. */
    private void scanBody(Expr e) {
      if (an.closed(e)) {
        visitTop(e);
        return;
      }
      if (!scanned.add(e)) return;
      for (Expr c : Analysis.operands(e)) scanBody(c);
      if (e instanceof Loop l) scanBody(l.body());
    }

    private void buildBody(LoopInfo li) {
      List<String> stack = new ArrayList<>(li.owner.stack);
      stack.add(li.node.index());
      Region b = new Region(regions.size(), List.copyOf(stack));
      regions.add(b);
      li.body = b;
      visitRegion(b, li.node.body());
    }

    private void visitRegion(Region b, Expr e) {
      if (an.closed(e) || b.pos.containsKey(e)) return;
      if (e instanceof Index i) {
        if (!b.stack.contains(i.name())) {
          throw new IllegalArgumentException("index '" + i.name() + "' is not bound by an enclosing sum");
        }
        return;
      }
      for (Expr c : Analysis.operands(e)) visitRegion(b, c);
      add(b, e);
    }

    private void layout() {
      scratch = top.nodes.size();
      top.array = true;
      for (Region r : regions) {
        if (r == top) continue;
        r.array = r.weight > LOCAL_LIMIT;
        if (r.array) {
          r.base = scratch;
          scratch += r.nodes.size();
        }
      }
    }

    /** Sums at top level whose adjoint is a known constant run their reverse sweep during the forward pass. */
    private void fuse() {
      Map<Expr, Double> constAdj = new IdentityHashMap<>();
      if (!slotless(root)) constAdj.put(root, 1.0);
      for (int k = top.nodes.size() - 1; k >= 0; k--) {
        Expr e = top.nodes.get(k);
        Double c = constAdj.get(e);
        if (c == null) continue;
        if (e instanceof Add a) {
          for (Expr t : a.terms()) if (uses.getOrDefault(t, 0) == 1) constAdj.put(t, c);
        } else if (e instanceof Mul m && m.factors().size() == 2 && m.factors().get(0) instanceof Const k0
            && uses.getOrDefault(m.factors().get(1), 0) == 1) {
          constAdj.put(m.factors().get(1), c * k0.value());
        } else if (e instanceof Loop l && !l.isProduct() && an.dep(l)) {
          LoopInfo li = top.loops.get(e);
          li.fused = true;
          li.fusedAdj = c;
        }
      }
    }

    // ---- class generation --------------------------------------------------------------------

    byte[] generate() {
      cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES) {
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
      init.visitMaxs(0, 0);
      init.visitEnd();

      List<List<Expr>> topChunks = chunks(top);
      for (int c = 0; c < topChunks.size(); c++) {
        forwardChunk(top, topChunks.get(c), "fv" + c, false);
        forwardChunk(top, topChunks.get(c), "fg" + c, true);
        reverseChunk(top, topChunks.get(c), "rg" + c);
      }
      for (Region r : regions) {
        if (r == top || !r.array) continue;
        List<List<Expr>> cs = chunks(r);
        for (int c = 0; c < cs.size(); c++) {
          forwardChunk(r, cs.get(c), "f" + r.id + "_" + c, false);
          reverseChunk(r, cs.get(c), "r" + r.id + "_" + c);
        }
      }
      for (LoopInfo li : loops) {
        loopMethod(li, false);
        loopMethod(li, true);
      }
      topMethod(topChunks.size(), false);
      topMethod(topChunks.size(), true);
      cw.visitEnd();
      return cw.toByteArray();
    }

    private List<List<Expr>> chunks(Region r) {
      List<List<Expr>> out = new ArrayList<>();
      List<Expr> cur = new ArrayList<>();
      int w = 0;
      for (Expr e : r.nodes) {
        int k = Analysis.operands(e).size();
        int we = 3 + k + (e instanceof Mul ? k * k : 0);
        if (w + we > CHUNK_LIMIT && !cur.isEmpty()) {
          out.add(cur);
          cur = new ArrayList<>();
          w = 0;
        }
        cur.add(e);
        w += we;
      }
      if (!cur.isEmpty()) out.add(cur);
      return out;
    }

    private String chunkDesc(Region r) {
      return "(" + "I".repeat(r.stack.size()) + ")V";
    }

    private Ctx begin(MethodVisitor mv, Region r, int firstParam) {
      mv.visitCode();
      Ctx c = new Ctx(mv, r, firstParam + r.stack.size());
      for (int p = 0; p < r.stack.size(); p++) c.idx[p] = firstParam + p;
      cacheFields(c);
      return c;
    }

    private void cacheFields(Ctx c) {
      MethodVisitor mv = c.mv;
      c.S = cache(c, "s");
      c.A = cache(c, "a");
      c.X = cache(c, "x");
      c.F = cache(c, "f");
      c.G = cache(c, "g");
      c.OFF = c.alloc(1);
      mv.visitVarInsn(ALOAD, 0);
      mv.visitFieldInsn(GETFIELD, BASE, "off", "I");
      mv.visitVarInsn(ISTORE, c.OFF);
    }

    private int cache(Ctx c, String field) {
      int l = c.alloc(1);
      c.mv.visitVarInsn(ALOAD, 0);
      c.mv.visitFieldInsn(GETFIELD, BASE, field, "[D");
      c.mv.visitVarInsn(ASTORE, l);
      return l;
    }

    private static void finish(MethodVisitor mv) {
      mv.visitMaxs(0, 0);
      mv.visitEnd();
    }

    private void forwardChunk(Region r, List<Expr> nodes, String name, boolean fusedMode) {
      MethodVisitor mv = cw.visitMethod(ACC_PRIVATE, name, chunkDesc(r), null, null);
      Ctx c = begin(mv, r, 1);
      for (Expr e : nodes) forward(c, e, fusedMode);
      mv.visitInsn(RETURN);
      finish(mv);
    }

    private void reverseChunk(Region r, List<Expr> nodes, String name) {
      MethodVisitor mv = cw.visitMethod(ACC_PRIVATE, name, chunkDesc(r), null, null);
      Ctx c = begin(mv, r, 1);
      for (int k = nodes.size() - 1; k >= 0; k--) reverse(c, nodes.get(k));
      mv.visitInsn(RETURN);
      finish(mv);
    }

    private void topMethod(int nChunks, boolean grad) {
      MethodVisitor mv = cw.visitMethod(ACC_PROTECTED, grad ? "grad" : "fwd", "()D", null, null);
      Ctx c = begin(mv, top, 1);
      if (grad) zeroAdjoints(c, top);
      for (int k = 0; k < nChunks; k++) {
        mv.visitVarInsn(ALOAD, 0);
        mv.visitMethodInsn(INVOKEVIRTUAL, GEN, (grad ? "fg" : "fv") + k, "()V", false);
      }
      if (grad) {
        accum(c, root, () -> pushDouble(mv, 1.0));
        for (int k = nChunks - 1; k >= 0; k--) {
          mv.visitVarInsn(ALOAD, 0);
          mv.visitMethodInsn(INVOKEVIRTUAL, GEN, "rg" + k, "()V", false);
        }
      }
      load(c, root);
      mv.visitInsn(DRETURN);
      finish(mv);
    }

    private String loopDesc(LoopInfo li, boolean rev) {
      return "(II" + "I".repeat(li.owner.stack.size()) + (rev ? "D" : "") + ")D";
    }

    /**
     * {@code lf<id>(lo, hi, outer indices...)} returns the sum/product; {@code lr<id>(..., adj)}
     * also propagates {@code adj} into the body, per iteration.
     */
    private void loopMethod(LoopInfo li, boolean rev) {
      Region b = li.body;
      int m = li.owner.stack.size();
      MethodVisitor mv = cw.visitMethod(ACC_PRIVATE, (rev ? "lr" : "lf") + li.id, loopDesc(li, rev), null, null);
      mv.visitCode();
      int first = 3 + m + (rev ? 2 : 0);
      Ctx c = new Ctx(mv, b, first);
      for (int p = 0; p < m; p++) c.idx[p] = 3 + p;
      int adjIn = 3 + m;
      cacheFields(c);
      int i = c.alloc(1);
      c.idx[m] = i;
      if (!b.array) {
        for (Expr e : b.nodes) {
          c.val.put(e, c.alloc(2));
          if (e instanceof Elem) c.slot.put(e, c.alloc(1));
          if (rev && hasAdj(e)) c.adj.put(e, c.alloc(2));
        }
      }
      if (!b.array) precheck(c, b);
      int acc = c.alloc(2);
      boolean prod = li.node.isProduct();
      Expr body = li.node.body();
      pushDouble(mv, prod ? 1.0 : 0.0);
      mv.visitVarInsn(DSTORE, acc);
      if (!rev || !prod) {
        loop(c, i, () -> {
          forwardBody(c, b);
          mv.visitVarInsn(DLOAD, acc);
          load(c, body);
          mv.visitInsn(prod ? DMUL : DADD);
          mv.visitVarInsn(DSTORE, acc);
          if (rev) {
            zeroAdjoints(c, b);
            accum(c, body, () -> mv.visitVarInsn(DLOAD, adjIn));
            reverseBody(c, b);
          }
        });
      } else {
        int nz = c.alloc(2);
        int zeros = c.alloc(1);
        int v = c.alloc(2);
        pushDouble(mv, 1.0);
        mv.visitVarInsn(DSTORE, nz);
        mv.visitInsn(ICONST_0);
        mv.visitVarInsn(ISTORE, zeros);
        loop(c, i, () -> {
          forwardBody(c, b);
          load(c, body);
          mv.visitVarInsn(DSTORE, v);
          mv.visitVarInsn(DLOAD, acc);
          mv.visitVarInsn(DLOAD, v);
          mv.visitInsn(DMUL);
          mv.visitVarInsn(DSTORE, acc);
          Label nonZero = new Label();
          Label done = new Label();
          mv.visitVarInsn(DLOAD, v);
          mv.visitInsn(DCONST_0);
          mv.visitInsn(DCMPL);
          mv.visitJumpInsn(IFNE, nonZero);
          mv.visitIincInsn(zeros, 1);
          mv.visitJumpInsn(GOTO, done);
          mv.visitLabel(nonZero);
          mv.visitVarInsn(DLOAD, nz);
          mv.visitVarInsn(DLOAD, v);
          mv.visitInsn(DMUL);
          mv.visitVarInsn(DSTORE, nz);
          mv.visitLabel(done);
        });
        int w = c.alloc(2);
        loop(c, i, () -> {
          forwardBody(c, b);
          mv.visitVarInsn(DLOAD, adjIn);
          mv.visitVarInsn(DLOAD, nz);
          mv.visitVarInsn(ILOAD, zeros);
          load(c, body);
          mv.visitMethodInsn(INVOKESTATIC, OPS, "prodFactorAdj", "(DDID)D", false);
          mv.visitVarInsn(DSTORE, w);
          zeroAdjoints(c, b);
          accum(c, body, () -> mv.visitVarInsn(DLOAD, w));
          reverseBody(c, b);
        });
      }
      mv.visitVarInsn(DLOAD, acc);
      mv.visitInsn(DRETURN);
      finish(mv);
    }

    /**
     * Checks once, before a non-empty loop, that each element {@code v[a*i + b]} of the body is in
     * range at i = lo and i = hi (so everywhere between); the body then indexes without checks.
     */
    private void precheck(Ctx c, Region b) {
      MethodVisitor mv = c.mv;
      String own = b.stack.get(b.stack.size() - 1);
      Label skip = new Label();
      boolean any = false;
      for (Expr e : b.nodes) {
        if (!(e instanceof Elem el)) continue;
        long[] ab = affine(el.index(), own, b.stack);
        if (ab == null || ab[0] == 0) continue;
        if (!any) {
          mv.visitVarInsn(ILOAD, 1);
          mv.visitVarInsn(ILOAD, 2);
          mv.visitJumpInsn(IF_ICMPGT, skip);
          any = true;
        }
        for (int end = 1; end <= 2; end++) {
          mv.visitVarInsn(ILOAD, end);
          mv.visitInsn(I2L);
          mv.visitLdcInsn(ab[0]);
          mv.visitInsn(LMUL);
          mv.visitLdcInsn(ab[1]);
          mv.visitInsn(LADD);
          pushInt(mv, an.size(el.vector()));
          pushInt(mv, sig.offset(el.vector()));
          mv.visitLdcInsn(el.vector());
          mv.visitMethodInsn(INVOKESTATIC, OPS, "slot", "(JIILjava/lang/String;)I", false);
          mv.visitInsn(POP);
        }
        c.prechecked.put(e, ab);
      }
      if (any) mv.visitLabel(skip);
    }

    /** {a, b} when {@code e} is a*own + b with integer constants, else null. */
    private long[] affine(Expr e, String own, List<String> stack) {
      if (e instanceof Index i) return i.name().equals(own) ? new long[] {1, 0} : null;
      if (e instanceof Const k) {
        double v = k.value();
        return v == Math.rint(v) && Math.abs(v) < 1 << 20 ? new long[] {0, (long) v} : null;
      }
      if (e instanceof Add a) {
        long[] r = {0, 0};
        for (Expr t : a.terms()) {
          long[] q = affine(t, own, stack);
          if (q == null) return null;
          r[0] += q[0];
          r[1] += q[1];
        }
        return r;
      }
      if (e instanceof Mul m && m.factors().size() == 2 && m.factors().get(0) instanceof Const) {
        long[] k = affine(m.factors().get(0), own, stack);
        long[] q = affine(m.factors().get(1), own, stack);
        if (k == null || q == null || Math.abs(k[1]) > 1 << 20) return null;
        return new long[] {k[1] * q[0], k[1] * q[1]};
      }
      return null;
    }

    /** {@code for (i = lo; i <= hi; i++) body} with lo, hi in locals 1 and 2. */
    private void loop(Ctx c, int i, Runnable body) {
      MethodVisitor mv = c.mv;
      mv.visitVarInsn(ILOAD, 1);
      mv.visitVarInsn(ISTORE, i);
      Label head = new Label();
      Label end = new Label();
      mv.visitLabel(head);
      mv.visitVarInsn(ILOAD, i);
      mv.visitVarInsn(ILOAD, 2);
      mv.visitJumpInsn(IF_ICMPGT, end);
      body.run();
      mv.visitIincInsn(i, 1);
      mv.visitJumpInsn(GOTO, head);
      mv.visitLabel(end);
    }

    private void callChunks(Ctx c, Region b, String prefix, boolean reversed) {
      int n = chunks(b).size();
      for (int k = 0; k < n; k++) {
        int q = reversed ? n - 1 - k : k;
        c.mv.visitVarInsn(ALOAD, 0);
        for (int p = 0; p < b.stack.size(); p++) c.mv.visitVarInsn(ILOAD, c.idx[p]);
        c.mv.visitMethodInsn(INVOKEVIRTUAL, GEN, prefix + b.id + "_" + q, chunkDesc(b), false);
      }
    }

    private void forwardBody(Ctx c, Region b) {
      if (b.array) callChunks(c, b, "f", false);
      else for (Expr e : b.nodes) forward(c, e, false);
    }

    private void reverseBody(Ctx c, Region b) {
      if (b.array) callChunks(c, b, "r", true);
      else for (int k = b.nodes.size() - 1; k >= 0; k--) reverse(c, b.nodes.get(k));
    }

    private void zeroAdjoints(Ctx c, Region r) {
      MethodVisitor mv = c.mv;
      if (r.array) {
        if (r.nodes.isEmpty()) return;
        mv.visitVarInsn(ALOAD, c.A);
        pushInt(mv, r.base);
        pushInt(mv, r.base + r.nodes.size());
        mv.visitInsn(DCONST_0);
        mv.visitMethodInsn(INVOKESTATIC, "java/util/Arrays", "fill", "([DIID)V", false);
      } else {
        for (int l : c.adj.values()) {
          mv.visitInsn(DCONST_0);
          mv.visitVarInsn(DSTORE, l);
        }
      }
    }

    // ---- values ------------------------------------------------------------------------------

    private void load(Ctx c, Expr e) {
      MethodVisitor mv = c.mv;
      if (e instanceof Const k) {
        pushDouble(mv, k.value());
      } else if (e instanceof Index i) {
        int p = c.region.stack.lastIndexOf(i.name());
        if (p < 0) throw new IllegalArgumentException("index '" + i.name() + "' is not bound by an enclosing sum");
        mv.visitVarInsn(ILOAD, c.idx[p]);
        mv.visitInsn(I2D);
      } else if (c.region.pos.containsKey(e) && !c.region.array) {
        mv.visitVarInsn(DLOAD, c.val.get(e));
      } else {
        mv.visitVarInsn(ALOAD, c.S);
        pushInt(mv, slotOf(c, e));
        mv.visitInsn(DALOAD);
      }
    }

    private int slotOf(Ctx c, Expr e) {
      Integer p = c.region.pos.get(e);
      if (p != null) return c.region.base + p;
      p = top.pos.get(e);
      if (p == null) throw new IllegalStateException("node outside its scope: " + e);
      return p;
    }

    private void forward(Ctx c, Expr e, boolean fusedMode) {
      MethodVisitor mv = c.mv;
      boolean local = !c.region.array;
      if (!local) {
        mv.visitVarInsn(ALOAD, c.S);
        pushInt(mv, slotOf(c, e));
      }
      value(c, e, fusedMode);
      if (local) mv.visitVarInsn(DSTORE, c.val.get(e));
      else mv.visitInsn(DASTORE);
    }

    private void value(Ctx c, Expr e, boolean fusedMode) {
      MethodVisitor mv = c.mv;
      if (e instanceof Var v) {
        int o = sig.offset(v.name());
        if (an.isVariable(v.name())) {
          mv.visitVarInsn(ALOAD, c.X);
          pushInt(mv, o);
        } else {
          mv.visitVarInsn(ALOAD, c.F);
          pushInt(mv, o);
          mv.visitVarInsn(ILOAD, c.OFF);
          mv.visitInsn(IADD);
        }
        mv.visitInsn(DALOAD);
      } else if (e instanceof Elem el) {
        mv.visitVarInsn(ALOAD, an.isVariable(el.vector()) ? c.X : c.F);
        elemSlot(c, el);
        Integer sl = c.slot.get(e);
        if (sl != null) {
          mv.visitInsn(DUP);
          mv.visitVarInsn(ISTORE, sl);
        }
        mv.visitInsn(DALOAD);
      } else if (e instanceof Add a) {
        fold(c, a.terms(), DADD);
      } else if (e instanceof Mul m) {
        fold(c, m.factors(), DMUL);
      } else if (e instanceof Pow p) {
        load(c, p.base());
        if (p.exponent() instanceof Const k && Ops.isSmallInt(k.value())) {
          int n = (int) k.value();
          if (n == 2) {
            mv.visitInsn(DUP2);
            mv.visitInsn(DMUL);
          } else {
            pushInt(mv, n);
            mv.visitMethodInsn(INVOKESTATIC, OPS, "powi", "(DI)D", false);
          }
        } else {
          load(c, p.exponent());
          mv.visitMethodInsn(INVOKESTATIC, "java/lang/Math", "pow", "(DD)D", false);
        }
      } else if (e instanceof Call k) {
        load(c, k.arg());
        mv.visitMethodInsn(INVOKESTATIC, OPS, k.fn().text(), "(D)D", false);
      } else if (e instanceof MinMax m) {
        load(c, m.a());
        load(c, m.b());
        mv.visitMethodInsn(INVOKESTATIC, "java/lang/Math", m.isMax() ? "max" : "min", "(DD)D", false);
      } else if (e instanceof Where w) {
        load(c, w.cond());
        load(c, w.a());
        load(c, w.b());
        mv.visitMethodInsn(INVOKESTATIC, OPS, "where", "(DDD)D", false);
      } else if (e instanceof Cmp k) {
        load(c, k.a());
        load(c, k.b());
        mv.visitMethodInsn(INVOKESTATIC, OPS, Ops.cmpName(k.op()), "(DD)D", false);
      } else if (e instanceof Logic l) {
        load(c, l.args().get(0));
        if (l.op().equals("not")) {
          mv.visitMethodInsn(INVOKESTATIC, OPS, "not", "(D)D", false);
        } else {
          for (int q = 1; q < l.args().size(); q++) {
            load(c, l.args().get(q));
            mv.visitMethodInsn(INVOKESTATIC, OPS, l.op(), "(DD)D", false);
          }
        }
      } else if (e instanceof Loop) {
        LoopInfo li = c.region.loops.get(e);
        if (fusedMode && li.fused) {
          callLoop(c, li, true, () -> pushDouble(mv, li.fusedAdj));
        } else {
          callLoop(c, li, false, null);
        }
      } else {
        throw new IllegalStateException("no slot for " + e);
      }
    }

    private void fold(Ctx c, List<Expr> xs, int op) {
      load(c, xs.get(0));
      for (int q = 1; q < xs.size(); q++) {
        load(c, xs.get(q));
        c.mv.visitInsn(op);
      }
    }

    private void callLoop(Ctx c, LoopInfo li, boolean rev, Runnable adj) {
      MethodVisitor mv = c.mv;
      mv.visitVarInsn(ALOAD, 0);
      load(c, li.node.lo());
      mv.visitMethodInsn(INVOKESTATIC, OPS, "bound", "(D)I", false);
      load(c, li.node.hi());
      mv.visitMethodInsn(INVOKESTATIC, OPS, "bound", "(D)I", false);
      for (int p = 0; p < c.region.stack.size(); p++) mv.visitVarInsn(ILOAD, c.idx[p]);
      if (rev) adj.run();
      mv.visitMethodInsn(INVOKEVIRTUAL, GEN, (rev ? "lr" : "lf") + li.id, loopDesc(li, rev), false);
    }

    /** Pushes the flat slot (int) of an element, checked at run time; fields add the row offset. */
    private void elemSlot(Ctx c, Elem el) {
      MethodVisitor mv = c.mv;
      long[] ab = c.prechecked.get(el);
      if (ab != null) { // in range: a*i + b + offset - 1, computed in int without overflow
        mv.visitVarInsn(ILOAD, c.idx[c.idx.length - 1]);
        if (ab[0] != 1) {
          pushInt(mv, (int) ab[0]);
          mv.visitInsn(IMUL);
        }
        int k = (int) ab[1] + sig.offset(el.vector()) - 1;
        if (k != 0) {
          pushInt(mv, k);
          mv.visitInsn(IADD);
        }
        if (!an.isVariable(el.vector())) {
          mv.visitVarInsn(ILOAD, c.OFF);
          mv.visitInsn(IADD);
        }
        return;
      }
      boolean isInt = integral(el.index());
      if (isInt) intValue(c, el.index());
      else load(c, el.index());
      pushInt(mv, an.size(el.vector()));
      pushInt(mv, sig.offset(el.vector()));
      mv.visitLdcInsn(el.vector());
      mv.visitMethodInsn(INVOKESTATIC, OPS, "slot", isInt ? "(JIILjava/lang/String;)I" : "(DIILjava/lang/String;)I", false);
      if (!an.isVariable(el.vector())) {
        mv.visitVarInsn(ILOAD, c.OFF);
        mv.visitInsn(IADD);
      }
    }

    /** Whether an index expression is integer arithmetic (+, *) on indices and small integer constants. */
    private boolean integral(Expr e) {
      if (e instanceof Index) return true;
      if (e instanceof Const k) return k.value() == Math.rint(k.value()) && Math.abs(k.value()) < 1 << 20;
      if (e instanceof Add a) return a.terms().stream().allMatch(this::integral);
      if (e instanceof Mul m) return m.factors().stream().allMatch(this::integral);
      return false;
    }

    /** Emits an {@link #integral} expression in long arithmetic (no wrap-around into a valid slot). */
    private void intValue(Ctx c, Expr e) {
      MethodVisitor mv = c.mv;
      if (e instanceof Index i) {
        int p = c.region.stack.lastIndexOf(i.name());
        if (p < 0) throw new IllegalArgumentException("index '" + i.name() + "' is not bound by an enclosing sum");
        mv.visitVarInsn(ILOAD, c.idx[p]);
        mv.visitInsn(I2L);
        return;
      }
      if (e instanceof Const k) {
        mv.visitLdcInsn((long) k.value());
        return;
      }
      List<Expr> xs = e instanceof Add a ? a.terms() : ((Mul) e).factors();
      intValue(c, xs.get(0));
      for (int q = 1; q < xs.size(); q++) {
        intValue(c, xs.get(q));
        mv.visitInsn(e instanceof Add ? LADD : LMUL);
      }
    }

    // ---- adjoints ----------------------------------------------------------------------------

    private boolean hasAdj(Expr e) {
      return an.dep(e) && !(e instanceof Var) && !(e instanceof Elem);
    }

    /** adjoint(e) += contrib, or grad[slot] += contrib for a variable. */
    private void accum(Ctx c, Expr e, Runnable contrib) {
      if (slotless(e) || !an.dep(e)) return;
      MethodVisitor mv = c.mv;
      if (e instanceof Var v) {
        mv.visitVarInsn(ALOAD, c.G);
        pushInt(mv, sig.offset(v.name()));
      } else if (e instanceof Elem el) {
        mv.visitVarInsn(ALOAD, c.G);
        Integer sl = c.slot.get(e);
        if (sl != null) mv.visitVarInsn(ILOAD, sl);
        else elemSlot(c, el);
      } else if (c.region.pos.containsKey(e) && !c.region.array) {
        int l = c.adj.get(e);
        mv.visitVarInsn(DLOAD, l);
        contrib.run();
        mv.visitInsn(DADD);
        mv.visitVarInsn(DSTORE, l);
        return;
      } else {
        mv.visitVarInsn(ALOAD, c.A);
        pushInt(mv, slotOf(c, e));
      }
      mv.visitInsn(DUP2);
      mv.visitInsn(DALOAD);
      contrib.run();
      mv.visitInsn(DADD);
      mv.visitInsn(DASTORE);
    }

    private void loadAdj(Ctx c, Expr e) {
      if (c.region.pos.containsKey(e) && !c.region.array) {
        c.mv.visitVarInsn(DLOAD, c.adj.get(e));
      } else {
        c.mv.visitVarInsn(ALOAD, c.A);
        pushInt(c.mv, slotOf(c, e));
        c.mv.visitInsn(DALOAD);
      }
    }

    private void reverse(Ctx c, Expr e) {
      if (!hasAdj(e)) return;
      MethodVisitor mv = c.mv;
      Runnable adj = () -> loadAdj(c, e);
      if (e instanceof Add a) {
        for (Expr t : a.terms()) accum(c, t, adj);
      } else if (e instanceof Mul m) {
        List<Expr> fs = m.factors();
        for (int k = 0; k < fs.size(); k++) {
          int kk = k;
          accum(c, fs.get(k), () -> {
            adj.run();
            for (int j = 0; j < fs.size(); j++) {
              if (j == kk) continue;
              load(c, fs.get(j));
              mv.visitInsn(DMUL);
            }
          });
        }
      } else if (e instanceof Pow p) {
        Expr b = p.base();
        if (p.exponent() instanceof Const k) {
          accum(c, b, () -> {
            adj.run();
            if (k.value() == 2) {
              pushDouble(mv, 2.0);
              mv.visitInsn(DMUL);
              load(c, b);
            } else {
              load(c, b);
              pushDouble(mv, k.value());
              mv.visitMethodInsn(INVOKESTATIC, OPS, "dpowc", "(DD)D", false);
            }
            mv.visitInsn(DMUL);
          });
        } else {
          Expr y = p.exponent();
          accum(c, b, () -> {
            adj.run();
            load(c, b);
            load(c, y);
            mv.visitMethodInsn(INVOKESTATIC, OPS, "powdx", "(DD)D", false);
            mv.visitInsn(DMUL);
          });
          accum(c, y, () -> {
            adj.run();
            load(c, b);
            load(c, y);
            load(c, e);
            mv.visitMethodInsn(INVOKESTATIC, OPS, "powdy", "(DDD)D", false);
            mv.visitInsn(DMUL);
          });
        }
      } else if (e instanceof Call k) {
        accum(c, k.arg(), () -> {
          adj.run();
          load(c, k.arg());
          load(c, e);
          mv.visitMethodInsn(INVOKESTATIC, OPS, "d_" + k.fn().text(), "(DD)D", false);
          mv.visitInsn(DMUL);
        });
      } else if (e instanceof MinMax m) {
        String pre = m.isMax() ? "max" : "min";
        accum(c, m.a(), () -> {
          adj.run();
          load(c, m.a());
          load(c, m.b());
          mv.visitMethodInsn(INVOKESTATIC, OPS, pre + "Da", "(DD)D", false);
          mv.visitInsn(DMUL);
        });
        accum(c, m.b(), () -> {
          adj.run();
          load(c, m.a());
          load(c, m.b());
          mv.visitMethodInsn(INVOKESTATIC, OPS, pre + "Db", "(DD)D", false);
          mv.visitInsn(DMUL);
        });
      } else if (e instanceof Where w) {
        accum(c, w.a(), () -> {
          load(c, w.cond());
          adj.run();
          mv.visitInsn(DCONST_0);
          mv.visitMethodInsn(INVOKESTATIC, OPS, "where", "(DDD)D", false);
        });
        accum(c, w.b(), () -> {
          load(c, w.cond());
          mv.visitInsn(DCONST_0);
          adj.run();
          mv.visitMethodInsn(INVOKESTATIC, OPS, "where", "(DDD)D", false);
        });
      } else if (e instanceof Loop) {
        LoopInfo li = c.region.loops.get(e);
        if (li.fused) return;
        callLoop(c, li, true, adj);
        mv.visitInsn(POP2);
      }
    }

    // ---- constants ---------------------------------------------------------------------------

    private static void pushInt(MethodVisitor mv, int v) {
      if (v >= -1 && v <= 5) mv.visitInsn(ICONST_0 + v);
      else if (v >= Byte.MIN_VALUE && v <= Byte.MAX_VALUE) mv.visitIntInsn(BIPUSH, v);
      else if (v >= Short.MIN_VALUE && v <= Short.MAX_VALUE) mv.visitIntInsn(SIPUSH, v);
      else mv.visitLdcInsn(v);
    }

    private static void pushDouble(MethodVisitor mv, double v) {
      if (Double.doubleToRawLongBits(v) == 0L) mv.visitInsn(DCONST_0);
      else if (v == 1.0) mv.visitInsn(DCONST_1);
      else mv.visitLdcInsn(v);
    }
  }
}
