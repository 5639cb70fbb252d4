package gradus.compile;

import static org.objectweb.asm.Opcodes.*;

import gradus.compile.Program.Target;
import gradus.compile.Schedule.Compute;
import gradus.compile.Schedule.Group;
import gradus.compile.Schedule.Item;
import gradus.compile.Schedule.Scatter;
import gradus.compile.Schedule.Scope;
import gradus.sym.Expr;
import gradus.sym.Expr.Add;
import gradus.sym.Expr.Array;
import gradus.sym.Expr.At;
import gradus.sym.Expr.Const;
import gradus.sym.Expr.Elem;
import gradus.sym.Expr.Index;
import gradus.sym.Expr.Loop;
import gradus.sym.Expr.Var;
import gradus.sym.Fns;
import gradus.sym.ScalarFunction;
import gradus.sym.Signature;
import gradus.sym.Stmt;
import gradus.sym.Sym;
import gradus.sym.Exprs;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

/**
 * The code of one method: loads and stores of node values (JVM locals for a small loop body,
 * the scratch array otherwise), each node's operation (a call of the {@link Fns} method of the
 * same name, which the JIT inlines), element reads with their range checks, loops, and the
 * scatter-adds into the program's output.
 */
final class Emitter {
  private static final String FNS = "gradus/sym/Fns";
  private static final String RT = "gradus/compile/Runtime";

  final MethodVisitor mv;
  private final Codegen cg;
  private final Layout layout;
  private final Signature sig;
  private int next;
  private Scope current;
  private final Map<Scope, Integer> indexLocal = new IdentityHashMap<>();
  // per scope: one node can be computed in two scopes (x[k] of an outer k and of an inner sum's
  // k are one node), and each keeps its own value
  private final Map<Scope, Map<Expr, Integer>> locals = new IdentityHashMap<>();
  private final Map<Scope, Map<Expr, Integer>> slotLocals = new IdentityHashMap<>();
  private final Map<Scope, Map<Expr, Pre>> prechecked = new IdentityHashMap<>();

  private static <V> Map<Expr, V> of(Map<Scope, Map<Expr, V>> m, Scope s) {
    return m.computeIfAbsent(s, k -> new IdentityHashMap<>());
  }
  private final int arrS;
  private final int arrX;
  private final int arrF;
  private final int arrV;
  private final int arrG;
  private final int offLocal;

  Emitter(Codegen cg, MethodVisitor mv, Scope scope, int firstFree) {
    this.cg = cg;
    this.mv = mv;
    this.layout = cg.layout;
    this.sig = cg.program.sig();
    this.current = scope;
    this.next = firstFree;
    mv.visitCode();
    arrS = field("s");
    arrX = field("x");
    arrF = field("f");
    arrV = field("v");
    arrG = field("g");
    offLocal = alloc(1);
    mv.visitVarInsn(ALOAD, 0);
    mv.visitFieldInsn(GETFIELD, Codegen.BASE, "off", "I");
    mv.visitVarInsn(ISTORE, offLocal);
  }

  private int field(String name) {
    int l = alloc(1);
    mv.visitVarInsn(ALOAD, 0);
    mv.visitFieldInsn(GETFIELD, Codegen.BASE, name, "[D");
    mv.visitVarInsn(ASTORE, l);
    return l;
  }

  private int alloc(int words) {
    int r = next;
    next += words;
    return r;
  }

  /** The indices of the loops around (and of) scope s arrive as int parameters from {@code first}. */
  void bindIndexParams(Scope s, int first) {
    int k = first;
    for (Scope c : s.chain()) if (c.index != null) indexLocal.put(c, k++);
  }

  void pushIndices(Scope s) {
    for (Scope c : s.chain()) if (c.index != null) mv.visitVarInsn(ILOAD, indexLocal.get(c));
  }

  void items(Scope s, List<Item> items) {
    Scope saved = current;
    current = s;
    for (Item it : items) {
      if (it instanceof Compute c) compute(s, c.node());
      else if (it instanceof Scatter sc) scatter(sc);
      else group(s, (Group) it);
    }
    current = saved;
  }

  // ---- values -----------------------------------------------------------------------------

  private void compute(Scope s, Expr e) {
    gradus.sym.Cancel.check();
    if (layout.inArray(s)) {
      mv.visitVarInsn(ALOAD, arrS);
      pushSlot(layout.slot(s, e));
      value(e);
      mv.visitInsn(DASTORE);
    } else {
      value(e);
      mv.visitVarInsn(DSTORE, of(locals, s).computeIfAbsent(e, k -> alloc(2)));
    }
  }

  /** Pushes the value of e, computed earlier in the current scope or a scope around it. */
  void load(Expr e) {
    if (e instanceof Const c) {
      constant(c.value());
      return;
    }
    if (e instanceof Index i) {
      mv.visitVarInsn(ILOAD, indexLocal.get(binder(i.name())));
      mv.visitInsn(I2D);
      return;
    }
    Scope d = definer(e);
    if (layout.inArray(d)) {
      mv.visitVarInsn(ALOAD, arrS);
      pushSlot(layout.slot(d, e));
      mv.visitInsn(DALOAD);
    } else {
      mv.visitVarInsn(DLOAD, of(locals, d).get(e));
    }
  }

  /** A scratch slot (see {@link Asm#pushIndex}). */
  private void pushSlot(int slot) {
    Asm.pushIndex(mv, slot);
  }

  /** A number: in the instruction, or from the constant table when the class would overflow. */
  private void constant(double v) {
    int slot = cg.constants.slot(v);
    if (slot < 0) {
      Asm.pushDouble(mv, v);
      return;
    }
    if (arrK < 0) {
      arrK = alloc(1);
      mv.visitVarInsn(ALOAD, 0);
      mv.visitFieldInsn(GETFIELD, Codegen.BASE, "k", "[D");
      mv.visitVarInsn(ASTORE, arrK);
    }
    mv.visitVarInsn(ALOAD, arrK);
    Asm.pushIndex(mv, slot);
    mv.visitInsn(DALOAD);
  }

  private int arrK = -1;

  private Scope definer(Expr e) {
    for (Scope s = current; s != null; s = s.parent) if (s.defined.containsKey(e)) return s;
    throw new IllegalStateException("a node is read before it is computed: " + e.text());
  }

  private Scope binder(String index) {
    for (Scope s = current; s != null; s = s.parent) if (index.equals(s.index)) return s;
    throw new IllegalArgumentException("the index '" + index + "' is used outside of a sum over it");
  }

  private final java.util.function.Consumer<Expr> loader = this::load;

  private void value(Expr e) {
    if (e instanceof Var v) variable(v.name());
    else if (e instanceof Elem el) element(el);
    else if (e instanceof At at) at(at);
    else if (!Arithmetic.emit(mv, e, loader)) throw new IllegalStateException("no code for " + e.getClass().getSimpleName());
  }

  /** A scalar variable (x), a field (f, in the current row) or a direction component (v). */
  private void variable(String name) {
    String base = ScalarFunction.directionOf(name);
    gradus.sym.VarSpec spec = sig.find(base != null ? base : name);
    if (spec == null) throw new IllegalArgumentException("unknown name '" + name + "' (known: " + String.join(", ", sig.names()) + ")");
    if (spec.isVector()) {
      throw new IllegalArgumentException("'" + name + "' is a vector of " + spec.size() + " elements: name one element, as in " + name + "[1]");
    }
    if (base != null) {
      mv.visitVarInsn(ALOAD, arrV);
      Asm.pushInt(mv, sig.offset(base));
    } else if (sig.isVariable(name)) {
      mv.visitVarInsn(ALOAD, arrX);
      Asm.pushInt(mv, sig.offset(name));
    } else {
      mv.visitVarInsn(ALOAD, arrF);
      Asm.pushInt(mv, sig.offset(name));
      mv.visitVarInsn(ILOAD, offLocal);
      mv.visitInsn(IADD);
    }
    mv.visitInsn(DALOAD);
  }

  private void element(Elem el) {
    String base = ScalarFunction.directionOf(el.vector());
    String var = base != null ? base : el.vector();
    gradus.sym.VarSpec spec = sig.find(var);
    if (spec == null) throw new IllegalArgumentException("unknown name '" + var + "' (known: " + String.join(", ", sig.names()) + ")");
    if (!spec.isVector()) throw new IllegalArgumentException("'" + var + "' is a scalar and cannot be indexed");
    boolean isField = base == null && !sig.isVariable(var);
    mv.visitVarInsn(ALOAD, base != null ? arrV : isField ? arrF : arrX);
    boolean guarded = !cg.reads.unguarded(el);
    Pre pre = of(prechecked, current).get(el);
    boolean proven = pre == null && provenSlot(el.indices(), spec);
    if (proven) {
      guarded = false;
      staticSlot(el.indices(), spec, sig.offset(var), isField);
    } else if (pre != null) affineSlot(pre, isField);
    else checkedSlot(el.indices(), var, isField, guarded);
    if (!guarded && !layout.inArray(current) && !isField && base == null) {
      mv.visitInsn(DUP);
      int l = alloc(1);
      mv.visitVarInsn(ISTORE, l);
      of(slotLocals, current).put(el, l);
    }
    if (guarded) mv.visitMethodInsn(INVOKESTATIC, RT, "read", "([DI)D", false);
    else mv.visitInsn(DALOAD);
  }

  /**
   * A read checked before its loop: slot = a*i + b (+ an int local holding the part that does
   * not change in the loop) for the loop's own index i.
   */
  private record Pre(long a, long b, int local) {}

  /** a*i + b (+ the invariant local) (+ the row offset), in int arithmetic: the range was checked. */
  private void affineSlot(Pre p, boolean isField) {
    boolean any = false;
    if (p.a() != 0) {
      mv.visitVarInsn(ILOAD, indexLocal.get(current));
      if (p.a() != 1) {
        Asm.pushInt(mv, (int) p.a());
        mv.visitInsn(IMUL);
      }
      any = true;
    }
    if (p.local() >= 0) {
      mv.visitVarInsn(ILOAD, p.local());
      if (any) mv.visitInsn(IADD);
      any = true;
    }
    if (!any) Asm.pushInt(mv, (int) p.b());
    else if (p.b() != 0) {
      Asm.pushInt(mv, (int) p.b());
      mv.visitInsn(IADD);
    }
    if (isField) {
      mv.visitVarInsn(ILOAD, offLocal);
      mv.visitInsn(IADD);
    }
  }

  /** True when every index is a constant, or a loop index of constant range, within the variable's extent. */
  private boolean provenSlot(List<Expr> indices, gradus.sym.VarSpec spec) {
    for (int d = 0; d < indices.size(); d++) if (!inRange(indices.get(d), 1, spec.dims().get(d))) return false;
    return true;
  }

  /** offset + sum((i_d - 1) * stride_d) (+ the row offset), unchecked: {@link #provenSlot} holds. */
  private void staticSlot(List<Expr> indices, gradus.sym.VarSpec spec, int offset, boolean isField) {
    rowMajor(indices, offset, d -> 1, d -> spec.dims().get(d));
    if (isField) {
      mv.visitVarInsn(ILOAD, offLocal);
      mv.visitInsn(IADD);
    }
  }

  /**
   * Pushes the checked slot of var[index] or var[row, col]: an error out of range, or -1 when the
   * read is guarded.
   */
  private void checkedSlot(List<Expr> indices, String var, boolean isField, boolean guarded) {
    gradus.sym.VarSpec spec = sig.find(var);
    boolean integral = indices.stream().allMatch(Indices::integral);
    for (Expr index : indices) {
      if (integral) Indices.longValue(this, index);
      else load(index);
    }
    for (int d : spec.dims()) Asm.pushInt(mv, d);
    Asm.pushInt(mv, sig.offset(var));
    if (isField) {
      mv.visitVarInsn(ILOAD, offLocal);
      mv.visitInsn(IADD);
    }
    String k = (integral ? "J" : "D").repeat(indices.size());
    String sizes = "I".repeat(indices.size());
    String name = indices.size() == 1 ? "slot" : "slot2";
    if (guarded) mv.visitMethodInsn(INVOKESTATIC, RT, name + "OrNone", "(" + k + sizes + "I)I", false);
    else {
      mv.visitLdcInsn(indices.size() == 1 ? var : spec.shapeText());
      mv.visitMethodInsn(INVOKESTATIC, RT, name, "(" + k + sizes + "ILjava/lang/String;)I", false);
    }
  }

  // ---- local arrays -----------------------------------------------------------------------

  /**
   * An entry of a local array, from its scratch region. An index that is a loop index (or a
   * constant) provably inside the array's range reads unchecked; any other is checked, and one
   * that depends on a data field names the row when it is out of range.
   */
  private void at(At at) {
    Array a = (Array) at.array();
    int dims = a.indices().size();
    boolean guarded = !cg.reads.unguarded(at);
    boolean proven = true;
    for (int d = 0; d < dims; d++) proven &= inRange(at.indices().get(d), lo(a, d), hi(a, d));
    mv.visitVarInsn(ALOAD, arrS);
    if (proven) {
      flatIndex(a, at.indices());
      mv.visitInsn(DALOAD);
      return;
    }
    if (!guarded) mv.visitVarInsn(ALOAD, 0);
    for (int d = 0; d < dims; d++) load(at.indices().get(d));
    for (int d = 0; d < dims; d++) {
      Asm.pushInt(mv, lo(a, d));
      Asm.pushInt(mv, a.extent(d));
    }
    Asm.pushInt(mv, layout.region(a));
    String ds = "D".repeat(dims) + "II".repeat(dims) + "I";
    if (guarded) {
      mv.visitMethodInsn(INVOKESTATIC, RT, "atOrNone", "(" + ds + ")I", false);
      mv.visitMethodInsn(INVOKESTATIC, RT, "read", "([DI)D", false);
      return;
    }
    mv.visitLdcInsn(gradus.sym.Blocks.compact(at));
    mv.visitLdcInsn(gradus.sym.Blocks.shape(a));
    boolean byData = false;
    for (Expr i : at.indices()) byData |= !Exprs.names(i).isEmpty();
    if (byData && sig.fieldCount() > 0) {
      mv.visitVarInsn(ILOAD, offLocal);
      Asm.pushInt(mv, sig.fieldCount());
      mv.visitInsn(IDIV);
      mv.visitInsn(ICONST_1);
      mv.visitInsn(IADD);
    } else mv.visitInsn(ICONST_0);
    mv.visitMethodInsn(INVOKEVIRTUAL, Codegen.BASE, "at", "(" + ds + "Ljava/lang/String;Ljava/lang/String;I)I", false);
    mv.visitInsn(DALOAD);
  }

  private static int lo(Array a, int d) {
    return (int) ((Const) a.lo().get(d)).value();
  }

  private static int hi(Array a, int d) {
    return (int) ((Const) a.hi().get(d)).value();
  }

  /** True when the index is a constant, or a loop index (plus a constant) whose constant range lies in lo..hi. */
  private boolean inRange(Expr index, int lo, int hi) {
    if (index instanceof Const c) return c.value() == Math.rint(c.value()) && c.value() >= lo && c.value() <= hi;
    double off = 0;
    Expr ix = index;
    if (index instanceof Add add && add.terms().size() == 2 && add.terms().get(1) instanceof Const c && c.value() == Math.rint(c.value())) {
      ix = add.terms().get(0);
      off = c.value();
    }
    if (!(ix instanceof Index i)) return false;
    Scope b = binder(i.name());
    return b.lo instanceof Const l && b.hi instanceof Const h && l.value() + off >= lo && h.value() + off <= hi;
  }

  /** Pushes the region slot of an entry whose indices are in range: base + sum((i_d - lo_d) * stride_d). */
  private void flatIndex(Array a, List<Expr> indices) {
    rowMajor(indices, layout.region(a), d -> lo(a, d), a::extent);
  }

  /** Pushes base + sum((i_d - lo_d) * stride_d), row-major (the last index varies fastest). */
  private void rowMajor(List<Expr> indices, int base, java.util.function.IntUnaryOperator lo,
      java.util.function.IntUnaryOperator extent) {
    int stride = 1;
    int constant = base;
    boolean any = false;
    for (int d = indices.size() - 1; d >= 0; d--) {
      Expr ix = indices.get(d);
      constant -= lo.applyAsInt(d) * stride;
      if (ix instanceof Const c) constant += (int) c.value() * stride;
      else {
        Indices.intValue(this, ix);
        if (stride != 1) {
          Asm.pushInt(mv, stride);
          mv.visitInsn(IMUL);
        }
        if (any) mv.visitInsn(IADD);
        any = true;
      }
      stride *= extent.applyAsInt(d);
    }
    if (!any) Asm.pushInt(mv, constant);
    else if (constant != 0) {
      Asm.pushInt(mv, constant);
      mv.visitInsn(IADD);
    }
  }

  /** The int local holding the loop index of the innermost loop named {@code index}. */
  int indexLocal(String index) {
    return indexLocal.get(binder(index));
  }

  // ---- loops ------------------------------------------------------------------------------

  private void group(Scope s, Group g) {
    int lo = bound(g.lo);
    int hi = bound(g.hi);
    if (layout.inArray(s)) cg.callGroup(this, s, g, lo, hi);
    else loop(g, lo, hi);
  }

  private int bound(Expr e) {
    load(e);
    mv.visitMethodInsn(INVOKESTATIC, RT, "bound", "(D)I", false);
    int l = alloc(1);
    mv.visitVarInsn(ISTORE, l);
    return l;
  }

  /**
   * The loop of a group, its members accumulating (a logsumexp keeps its running maximum and
   * sum, see {@link Fns#lseSum}) and its local arrays storing an entry per index; lo and hi are
   * int locals.
   */
  void loop(Group g, int lo, int hi) {
    Scope body = g.body;
    Scope owner = body.parent;
    int[] acc = new int[g.loops.size()];
    int[] sums = new int[g.loops.size()];
    for (int k = 0; k < acc.length; k++) {
      Loop l = g.loops.get(k);
      acc[k] = alloc(2);
      Asm.pushDouble(mv, l.kind().empty());
      mv.visitVarInsn(DSTORE, acc[k]);
      if (l.kind() == Expr.Kind.LOGSUMEXP) {
        sums[k] = alloc(2);
        Asm.pushDouble(mv, 0);
        mv.visitVarInsn(DSTORE, sums[k]);
      }
    }
    int i = alloc(1);
    indexLocal.put(body, i);
    if (!layout.inArray(body)) precheck(body, lo, hi);
    Codegen.forLoop(mv, i, lo, hi, !quiet(body), () -> {
      if (layout.inArray(body)) {
        Scope saved = current;
        current = body;
        cg.callChunks(this, body);
        current = saved;
      } else {
        items(body, body.items);
      }
      Scope saved = current;
      current = body;
      for (int k = 0; k < acc.length; k++) accumulate(g.loops.get(k), acc[k], sums[k]);
      for (Array a : g.fills) {
        mv.visitVarInsn(ALOAD, arrS);
        List<Expr> here = new ArrayList<>();
        for (String n : a.indices()) here.add(Sym.index(n));
        flatIndex(a, here);
        load(a.body());
        mv.visitInsn(DASTORE);
      }
      current = saved;
    });
    for (int k = 0; k < acc.length; k++) {
      Loop l = g.loops.get(k);
      if (l.kind() == Expr.Kind.LOGSUMEXP) {
        mv.visitVarInsn(DLOAD, acc[k]);
        mv.visitVarInsn(DLOAD, sums[k]);
        mv.visitMethodInsn(INVOKESTATIC, FNS, "lseFinish", "(DD)D", false);
        mv.visitVarInsn(DSTORE, acc[k]);
      }
      if (layout.inArray(owner)) {
        mv.visitVarInsn(ALOAD, arrS);
        pushSlot(layout.slot(owner, l));
        mv.visitVarInsn(DLOAD, acc[k]);
        mv.visitInsn(DASTORE);
      } else {
        of(locals, owner).put(l, acc[k]);
      }
    }
  }

  /** Iterations a nest of loops may run without polling for Ctrl-C (well under a millisecond). */
  static final long QUIET_ITERATIONS = 1 << 16;

  /**
   * Whether a loop need not poll: its range is constant and, with the quiet loops around it up to
   * the nearest polling one, at most {@link #QUIET_ITERATIONS} iterations run between polls.
   */
  static boolean quiet(Scope body) {
    return quietProduct(body) > 0;
  }

  /** The iterations of the quiet nest ending at this loop body, or 0 when it polls. */
  private static long quietProduct(Scope body) {
    if (body.parent == null || !(body.lo instanceof Const lo) || !(body.hi instanceof Const hi)) return 0;
    long trips = Math.max(0, (long) (hi.value() - lo.value() + 1));
    long around = body.parent.parent == null ? 1 : Math.max(1, quietProduct(body.parent));
    long total = trips * around;
    return total <= QUIET_ITERATIONS ? total : 0;
  }

  /** One step of a loop member: acc = acc + v, acc * v, max(acc, v), or the logsumexp update. */
  private void accumulate(Loop l, int acc, int sum) {
    switch (l.kind()) {
      case SUM, PROD -> {
        mv.visitVarInsn(DLOAD, acc);
        load(l.body());
        mv.visitInsn(l.kind() == Expr.Kind.PROD ? DMUL : DADD);
      }
      case MAX -> {
        mv.visitVarInsn(DLOAD, acc);
        load(l.body());
        mv.visitMethodInsn(INVOKESTATIC, FNS, "max", "(DD)D", false);
      }
      case LOGSUMEXP -> {
        mv.visitVarInsn(DLOAD, acc);
        mv.visitVarInsn(DLOAD, sum);
        load(l.body());
        mv.visitMethodInsn(INVOKESTATIC, FNS, "lseSum", "(DDD)D", false);
        mv.visitVarInsn(DSTORE, sum);
        mv.visitVarInsn(DLOAD, acc);
        load(l.body());
        mv.visitMethodInsn(INVOKESTATIC, FNS, "lseMax", "(DD)D", false);
      }
    }
    mv.visitVarInsn(DSTORE, acc);
  }

  /**
   * Checks once, before a non-empty loop, that each element {@code v[a*i + b]} (or {@code W[r,
   * c]} with each index either {@code a*i + b} or unchanged by the loop) read in its body is in
   * range at both ends (so everywhere between); the body then indexes without checks.
   */
  private void precheck(Scope body, int lo, int hi) {
    for (Item it : body.items) {
      if (!(it instanceof Compute c) || !(c.node() instanceof Elem el) || !cg.reads.unguarded(el)) continue;
      String var = ScalarFunction.directionOf(el.vector());
      if (var == null) var = el.vector();
      gradus.sym.VarSpec spec = sig.find(var);
      List<Integer> dims = spec.dims();
      List<long[]> forms = new ArrayList<>();
      boolean moves = false;
      boolean ok = true;
      for (Expr ix : el.indices()) {
        long[] ab = Indices.affine(ix, body.index);
        if (ab == null && !(Indices.integral(ix) && !Exprs.hasFreeIndex(ix, body.index))) ok = false;
        forms.add(ab);
        moves |= ab != null && ab[0] != 0;
      }
      if (!ok || !moves) continue;
      int local = -1;
      if (el.indices().size() == 2) {
        // assigned on every path, so the verifier sees an int wherever the loop reads it
        local = alloc(1);
        mv.visitInsn(ICONST_0);
        mv.visitVarInsn(ISTORE, local);
      }
      Label skip = new Label();
      mv.visitVarInsn(ILOAD, lo);
      mv.visitVarInsn(ILOAD, hi);
      mv.visitJumpInsn(IF_ICMPGT, skip);
      String name = el.indices().size() == 1 ? var : spec.shapeText();
      long a = 0;
      long b = 0;
      int stride = el.indices().size() == 2 ? spec.cols() : 1;
      boolean invariant = false;
      for (int d = 0; d < el.indices().size(); d++) {
        long[] ab = forms.get(d);
        int size = dims.get(d);
        int st = d == 0 ? stride : 1;
        if (ab != null) {
          for (int end : new int[] {lo, hi}) {
            mv.visitVarInsn(ILOAD, end);
            mv.visitInsn(I2L);
            mv.visitLdcInsn(ab[0]);
            mv.visitInsn(LMUL);
            mv.visitLdcInsn(ab[1]);
            mv.visitInsn(LADD);
            checkOne(size, d, el.indices().size(), name);
            mv.visitInsn(POP);
          }
          a += ab[0] * st;
          b += (ab[1] - 1) * st;
        } else {
          // unchanged by the loop: checked once, and its part of the slot kept in the local
          Indices.longValue(this, el.indices().get(d));
          checkOne(size, d, el.indices().size(), name);
          if (st != 1) {
            Asm.pushInt(mv, st);
            mv.visitInsn(IMUL);
          }
          if (invariant) {
            mv.visitVarInsn(ILOAD, local);
            mv.visitInsn(IADD);
          }
          mv.visitVarInsn(ISTORE, local);
          invariant = true;
          b -= st;
        }
      }
      of(prechecked, body).put(el, new Pre(a, b + sig.offset(var), invariant ? local : -1));
      mv.visitLabel(skip);
    }
  }

  /** Checks the long on the stack (index d of a vector or matrix) is in 1..size, leaving it as an int. */
  private void checkOne(int size, int d, int rank, String name) {
    Asm.pushInt(mv, size);
    if (rank == 1) {
      Asm.pushInt(mv, 1);
      mv.visitLdcInsn(name);
      mv.visitMethodInsn(INVOKESTATIC, RT, "slot", "(JIILjava/lang/String;)I", false);
    } else {
      Asm.pushInt(mv, d);
      mv.visitLdcInsn(name);
      mv.visitMethodInsn(INVOKESTATIC, RT, "dim", "(JIILjava/lang/String;)I", false);
    }
  }

  /** The locals scope of this method that computed e (so its cached slot is current), or null. */
  private Scope readHere(Expr e) {
    for (Scope s = current; s != null && !layout.inArray(s); s = s.parent) {
      if (s.defined.containsKey(e)) return s;
    }
    return null;
  }

  // ---- output -----------------------------------------------------------------------------

  private void scatter(Scatter sc) {
    Target t = cg.program.target();
    Label skip = new Label();
    int col = slot(sc.col(), skip);
    int row = t == Target.VECTOR ? -1 : slot(sc.row(), skip);
    switch (t) {
      case VECTOR -> {
        mv.visitVarInsn(ALOAD, arrG);
        mv.visitVarInsn(ILOAD, col);
        mv.visitInsn(DUP2);
        mv.visitInsn(DALOAD);
        load(sc.value());
        mv.visitInsn(DADD);
        mv.visitInsn(DASTORE);
      }
      case PAIRS -> {
        mv.visitVarInsn(ALOAD, 0);
        mv.visitVarInsn(ILOAD, row);
        mv.visitVarInsn(ILOAD, col);
        load(sc.value());
        mv.visitMethodInsn(INVOKEVIRTUAL, Codegen.BASE, "pair", "(IID)V", false);
      }
      default -> throw new IllegalStateException("a value program has no statements");
    }
    mv.visitLabel(skip);
  }

  /** An int local with the flat slot of a scatter target; jumps to skip when it is out of range. */
  private int slot(Stmt.Slot s, Label skip) {
    int l = alloc(1);
    if (s.var().equals(Program.OUT)) {
      // a vector-valued function's output k (in range by construction) is g[k - 1]
      Indices.intValue(this, s.index());
      Asm.pushInt(mv, 1);
      mv.visitInsn(ISUB);
      mv.visitVarInsn(ISTORE, l);
      return l;
    }
    if (s.scalar()) {
      Asm.pushInt(mv, sig.offset(s.var()));
      mv.visitVarInsn(ISTORE, l);
      return l;
    }
    Expr el = s.expr();
    Scope reader = readHere(el);
    Integer cached = reader == null ? null : of(slotLocals, reader).get(el);
    if (cached != null) return cached;
    gradus.sym.VarSpec spec = sig.find(s.var());
    if (provenSlot(s.indices(), spec)) {
      staticSlot(s.indices(), spec, sig.offset(s.var()), false);
      mv.visitVarInsn(ISTORE, l);
      return l;
    }
    checkedSlot(s.indices(), s.var(), false, true);
    mv.visitInsn(DUP);
    mv.visitVarInsn(ISTORE, l);
    mv.visitJumpInsn(IFLT, skip);
    return l;
  }
}
