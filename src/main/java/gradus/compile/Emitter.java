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
import gradus.sym.Fns;
import gradus.sym.ScalarFunction;
import gradus.sym.Signature;
import gradus.sym.Stmt;
import gradus.sym.Sym;
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
  private final Map<Expr, Integer> locals = new IdentityHashMap<>();
  private final Map<Expr, Integer> slotLocals = new IdentityHashMap<>();
  private final Map<Expr, long[]> prechecked = new IdentityHashMap<>();
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
    if (layout.inArray(s)) {
      mv.visitVarInsn(ALOAD, arrS);
      pushSlot(layout.slot(s, e));
      value(e);
      mv.visitInsn(DASTORE);
    } else {
      value(e);
      mv.visitVarInsn(DSTORE, locals.computeIfAbsent(e, k -> alloc(2)));
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
      mv.visitVarInsn(DLOAD, locals.get(e));
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

  private void value(Expr e) {
    if (e instanceof Var v) variable(v.name());
    else if (e instanceof Elem el) element(el);
    else if (e instanceof Add a) fold(a.terms(), () -> mv.visitInsn(DADD));
    else if (e instanceof Mul m) product(m);
    else if (e instanceof Pow p) call2(p.base(), p.exponent(), "pow");
    else if (e instanceof Call c) {
      load(c.arg());
      mv.visitMethodInsn(INVOKESTATIC, FNS, c.fn().text(), "(D)D", false);
    } else if (e instanceof MinMax m) call2(m.a(), m.b(), m.isMax() ? "max" : "min");
    else if (e instanceof Cmp c) call2(c.a(), c.b(), Fns.compareName(c.op()));
    else if (e instanceof Where w) {
      load(w.cond());
      load(w.a());
      load(w.b());
      mv.visitMethodInsn(INVOKESTATIC, FNS, "where", "(DDD)D", false);
    } else if (e instanceof Logic l) logic(l);
    else throw new IllegalStateException("no code for " + e.getClass().getSimpleName());
  }

  private void fold(List<Expr> xs, Runnable op) {
    load(xs.get(0));
    for (int k = 1; k < xs.size(); k++) {
      load(xs.get(k));
      op.run();
    }
  }

  /** Left to right; a later factor b^-1 divides by b (see {@link Operands#factors}). */
  private void product(Mul m) {
    List<Expr> fs = m.factors();
    List<Expr> read = Operands.factors(m);
    load(read.get(0));
    for (int k = 1; k < fs.size(); k++) {
      load(read.get(k));
      mv.visitInsn(read.get(k) != fs.get(k) ? DDIV : DMUL);
    }
  }

  private void call2(Expr a, Expr b, String fn) {
    load(a);
    load(b);
    mv.visitMethodInsn(INVOKESTATIC, FNS, fn, "(DD)D", false);
  }

  private void logic(Logic l) {
    if (l.op().equals("not")) {
      load(l.args().get(0));
      mv.visitMethodInsn(INVOKESTATIC, FNS, "not", "(D)D", false);
      return;
    }
    load(l.args().get(0));
    for (int k = 1; k < l.args().size(); k++) {
      load(l.args().get(k));
      mv.visitMethodInsn(INVOKESTATIC, FNS, l.op(), "(DD)D", false);
    }
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
    long[] ab = prechecked.get(el);
    if (ab != null) affineSlot(ab, sig.offset(var), isField);
    else checkedSlot(el.index(), var, isField, guarded);
    if (!guarded && !layout.inArray(current) && !isField && base == null) {
      mv.visitInsn(DUP);
      int l = alloc(1);
      mv.visitVarInsn(ISTORE, l);
      slotLocals.put(el, l);
    }
    if (guarded) mv.visitMethodInsn(INVOKESTATIC, RT, "read", "([DI)D", false);
    else mv.visitInsn(DALOAD);
  }

  /** a*i + b + offset - 1 (+ the row offset), in int arithmetic: the range was checked at both ends. */
  private void affineSlot(long[] ab, int offset, boolean isField) {
    mv.visitVarInsn(ILOAD, indexLocal.get(current));
    if (ab[0] != 1) {
      Asm.pushInt(mv, (int) ab[0]);
      mv.visitInsn(IMUL);
    }
    int k = (int) ab[1] + offset - 1;
    if (k != 0) {
      Asm.pushInt(mv, k);
      mv.visitInsn(IADD);
    }
    if (isField) {
      mv.visitVarInsn(ILOAD, offLocal);
      mv.visitInsn(IADD);
    }
  }

  /** Pushes the checked slot of var[index]: an error out of range, or -1 when the read is guarded. */
  private void checkedSlot(Expr index, String var, boolean isField, boolean guarded) {
    boolean integral = Indices.integral(index);
    if (integral) Indices.longValue(this, index);
    else load(index);
    Asm.pushInt(mv, sig.find(var).size());
    Asm.pushInt(mv, sig.offset(var));
    if (isField) {
      mv.visitVarInsn(ILOAD, offLocal);
      mv.visitInsn(IADD);
    }
    String k = integral ? "J" : "D";
    if (guarded) mv.visitMethodInsn(INVOKESTATIC, RT, "slotOrNone", "(" + k + "II)I", false);
    else {
      mv.visitLdcInsn(var);
      mv.visitMethodInsn(INVOKESTATIC, RT, "slot", "(" + k + "IILjava/lang/String;)I", false);
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

  /** The loop of a group, its members accumulating; lo and hi are int locals. */
  void loop(Group g, int lo, int hi) {
    Scope body = g.body;
    Scope owner = body.parent;
    int[] acc = new int[g.loops.size()];
    for (int k = 0; k < acc.length; k++) {
      acc[k] = alloc(2);
      Asm.pushDouble(mv, g.loops.get(k).isProduct() ? 1 : 0);
      mv.visitVarInsn(DSTORE, acc[k]);
    }
    int i = alloc(1);
    indexLocal.put(body, i);
    if (!layout.inArray(body)) precheck(body, lo, hi);
    Codegen.forLoop(mv, i, lo, hi, () -> {
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
      for (int k = 0; k < acc.length; k++) {
        mv.visitVarInsn(DLOAD, acc[k]);
        load(g.loops.get(k).body());
        mv.visitInsn(g.loops.get(k).isProduct() ? DMUL : DADD);
        mv.visitVarInsn(DSTORE, acc[k]);
      }
      current = saved;
    });
    for (Expr e : body.defined.keySet()) {
      prechecked.remove(e);
      slotLocals.remove(e);
    }
    for (int k = 0; k < acc.length; k++) {
      Loop l = g.loops.get(k);
      if (layout.inArray(owner)) {
        mv.visitVarInsn(ALOAD, arrS);
        pushSlot(layout.slot(owner, l));
        mv.visitVarInsn(DLOAD, acc[k]);
        mv.visitInsn(DASTORE);
      } else {
        locals.put(l, acc[k]);
      }
    }
  }

  /**
   * Checks once, before a non-empty loop, that each element {@code v[a*i + b]} read in its body
   * is in range at both ends (so everywhere between); the body then indexes without checks.
   */
  private void precheck(Scope body, int lo, int hi) {
    Label skip = new Label();
    boolean any = false;
    for (Item it : body.items) {
      if (!(it instanceof Compute c) || !(c.node() instanceof Elem el) || !cg.reads.unguarded(el)) continue;
      long[] ab = Indices.affine(el.index(), body.index);
      if (ab == null || ab[0] == 0) continue;
      String var = ScalarFunction.directionOf(el.vector());
      if (var == null) var = el.vector();
      if (!any) {
        mv.visitVarInsn(ILOAD, lo);
        mv.visitVarInsn(ILOAD, hi);
        mv.visitJumpInsn(IF_ICMPGT, skip);
        any = true;
      }
      for (int end : new int[] {lo, hi}) {
        mv.visitVarInsn(ILOAD, end);
        mv.visitInsn(I2L);
        mv.visitLdcInsn(ab[0]);
        mv.visitInsn(LMUL);
        mv.visitLdcInsn(ab[1]);
        mv.visitInsn(LADD);
        Asm.pushInt(mv, sig.find(var).size());
        Asm.pushInt(mv, 0);
        mv.visitLdcInsn(var);
        mv.visitMethodInsn(INVOKESTATIC, RT, "slot", "(JIILjava/lang/String;)I", false);
        mv.visitInsn(POP);
      }
      prechecked.put(el, ab);
    }
    if (any) mv.visitLabel(skip);
  }

  /** Whether e was computed in a locals scope of this method (so its cached slot is current). */
  private boolean readHere(Expr e) {
    for (Scope s = current; s != null && !layout.inArray(s); s = s.parent) {
      if (s.defined.containsKey(e)) return true;
    }
    return false;
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
    if (s.index() == null) {
      Asm.pushInt(mv, sig.offset(s.var()));
      mv.visitVarInsn(ISTORE, l);
      return l;
    }
    Expr el = Sym.elem(s.var(), s.index());
    Integer cached = slotLocals.get(el);
    if (cached != null && readHere(el)) return cached;
    checkedSlot(s.index(), s.var(), false, true);
    mv.visitInsn(DUP);
    mv.visitVarInsn(ISTORE, l);
    mv.visitJumpInsn(IFLT, skip);
    return l;
  }
}
