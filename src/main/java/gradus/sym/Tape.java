package gradus.sym;

import gradus.sym.Expr.Add;
import gradus.sym.Expr.Call;
import gradus.sym.Expr.Cmp;
import gradus.sym.Expr.Const;
import gradus.sym.Expr.Elem;
import gradus.sym.Expr.Fn;
import gradus.sym.Expr.Index;
import gradus.sym.Expr.Logic;
import gradus.sym.Expr.Loop;
import gradus.sym.Expr.MinMax;
import gradus.sym.Expr.Mul;
import gradus.sym.Expr.Pow;
import gradus.sym.Expr.Var;
import gradus.sym.Expr.Where;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A straightforward evaluator: the DAG is flattened once into register instructions, each shared
 * node computed once per evaluation, and every node hoisted out of the loops whose indices it
 * does not use (so {@code 1/sum(...)} inside a scatter loop is computed once). Sums run as loops.
 * An element index that is not an integer in 1..size reads as nan (so an unused {@code where}
 * branch may refer past the end); such a scatter-add is skipped.
 */
final class Tape {
  private interface Op {
    void run(double[] r, double[] x, double[] f, Sink out);
  }

  /** Receives scatter-adds: {@code row} is -1 for a gradient. */
  interface Sink {
    void add(int row, int col, double v);
  }

  private final double[] init;
  private final Op[] ops;
  private final int result;

  private Tape(double[] init, Op[] ops, int result) {
    this.init = init;
    this.ops = ops;
    this.result = result;
  }

  /** The value of a scalar expression. */
  double value(double[] x, double[] f) {
    double[] r = init.clone();
    for (Op op : ops) op.run(r, x, f, null);
    return r[result];
  }

  /** Runs the scatter program, adding into {@code out} (row-major with {@code cols} columns, or a vector). */
  void run(double[] x, double[] f, double[] out, int cols) {
    run(x, f, cols == 0 ? (row, col, v) -> out[col] += v : (row, col, v) -> out[row * cols + col] += v);
  }

  /** Runs the scatter program, handing every scatter-add to {@code out}. */
  void run(double[] x, double[] f, Sink out) {
    double[] r = init.clone();
    for (Op op : ops) op.run(r, x, f, out);
  }

  static Tape ofExpr(Expr e, Signature sig) {
    Builder b = new Builder(sig);
    int reg = b.reg(e);
    return b.build(reg);
  }

  /** A scatter program (gradient or Hessian). */
  static Tape ofStmts(List<Stmt> stmts, Signature sig) {
    Builder b = new Builder(sig);
    b.stmts(stmts, b.frames.get(0).block);
    return b.build(-1);
  }

  private static final class Frame {
    final String index;
    final int indexReg;
    final List<Op> block = new ArrayList<>();
    final Map<Expr, Integer> memo = new HashMap<>();

    Frame(String index, int indexReg) {
      this.index = index;
      this.indexReg = indexReg;
    }
  }

  private static final class Builder {
    final Signature sig;
    final List<Frame> frames = new ArrayList<>();
    final List<Double> init = new ArrayList<>();
    final Map<Expr, Set<String>> free = new IdentityHashMap<>();

    Builder(Signature sig) {
      this.sig = sig;
      frames.add(new Frame(null, -1));
    }

    Tape build(int result) {
      double[] in = new double[init.size()];
      for (int i = 0; i < in.length; i++) in[i] = init.get(i);
      return new Tape(in, frames.get(0).block.toArray(new Op[0]), result);
    }

    int newReg(double v) {
      init.add(v);
      return init.size() - 1;
    }

    Set<String> freeOf(Expr e) {
      Set<String> s = free.get(e);
      if (s == null) {
        s = Exprs.freeIndices(e);
        free.put(e, s);
      }
      return s;
    }

    int levelOf(String name) {
      for (int k = frames.size() - 1; k > 0; k--) if (name.equals(frames.get(k).index)) return k;
      throw new SymException("the index '" + name + "' is used outside its sum");
    }

    int level(Expr e) {
      int lv = 0;
      for (String n : freeOf(e)) lv = Math.max(lv, levelOf(n));
      return lv;
    }

    int reg(Expr e) {
      int lv = level(e);
      Frame fr = frames.get(lv);
      Integer done = fr.memo.get(e);
      if (done != null) return done;
      int r = emit(e, fr.block);
      fr.memo.put(e, r);
      return r;
    }

    private int emit(Expr e, List<Op> block) {
      if (e instanceof Const c) return newReg(c.value());
      if (e instanceof Index i) return frames.get(levelOf(i.name())).indexReg;
      int dst = newReg(0);
      if (e instanceof Var v) {
        VarSpec spec = spec(v.name());
        if (spec.isVector()) throw new SymException("'" + v.name() + "' is a vector: use an element, as in " + v.name() + "[1]");
        int off = sig.offset(v.name());
        if (sig.isVariable(v.name())) block.add((r, x, f, o) -> r[dst] = x[off]);
        else block.add((r, x, f, o) -> r[dst] = f[off]);
      } else if (e instanceof Elem el) {
        VarSpec spec = spec(el.vector());
        if (!spec.isVector()) throw new SymException("'" + el.vector() + "' is a scalar and cannot be indexed");
        int off = sig.offset(el.vector()) - 1;
        int size = spec.size();
        int ix = reg(el.index());
        boolean isVar = sig.isVariable(el.vector());
        block.add((r, x, f, o) -> {
          double v = r[ix];
          int k = (int) v;
          r[dst] = k == v && k >= 1 && k <= size ? (isVar ? x : f)[off + k] : Double.NaN;
        });
      } else if (e instanceof Add a) {
        int[] s = regs(a.terms());
        block.add((r, x, f, o) -> {
          double acc = 0;
          for (int k : s) acc += r[k];
          r[dst] = acc;
        });
      } else if (e instanceof Mul m) {
        int[] s = regs(m.factors());
        block.add((r, x, f, o) -> {
          double acc = 1;
          for (int k : s) acc *= r[k];
          r[dst] = acc;
        });
      } else if (e instanceof Pow p) {
        int b = reg(p.base());
        if (p.exponent() instanceof Const c && c.value() == 2) block.add((r, x, f, o) -> r[dst] = r[b] * r[b]);
        else if (p.exponent() instanceof Const c && c.value() == -1) block.add((r, x, f, o) -> r[dst] = 1 / r[b]);
        else {
          int ex = reg(p.exponent());
          block.add((r, x, f, o) -> r[dst] = Math.pow(r[b], r[ex]));
        }
      } else if (e instanceof Call c) {
        int a = reg(c.arg());
        Fn fn = c.fn();
        block.add((r, x, f, o) -> r[dst] = Fns.apply(fn, r[a]));
      } else if (e instanceof MinMax m) {
        int a = reg(m.a());
        int b = reg(m.b());
        if (m.isMax()) block.add((r, x, f, o) -> r[dst] = Math.max(r[a], r[b]));
        else block.add((r, x, f, o) -> r[dst] = Math.min(r[a], r[b]));
      } else if (e instanceof Where w) {
        int c = reg(w.cond());
        int a = reg(w.a());
        int b = reg(w.b());
        block.add((r, x, f, o) -> r[dst] = r[c] != 0 ? r[a] : r[b]);
      } else if (e instanceof Cmp c) {
        int a = reg(c.a());
        int b = reg(c.b());
        String op = c.op();
        block.add((r, x, f, o) -> r[dst] = Fns.compare(op, r[a], r[b]));
      } else if (e instanceof Logic l) {
        int[] s = regs(l.args());
        switch (l.op()) {
          case "not" -> block.add((r, x, f, o) -> r[dst] = r[s[0]] != 0 ? 0 : 1);
          case "and" -> block.add((r, x, f, o) -> {
            double v = 1;
            for (int k : s) if (r[k] == 0) v = 0;
            r[dst] = v;
          });
          default -> block.add((r, x, f, o) -> {
            double v = 0;
            for (int k : s) if (r[k] != 0) v = 1;
            r[dst] = v;
          });
        }
      } else if (e instanceof Loop l) {
        int lo = reg(l.lo());
        int hi = reg(l.hi());
        Frame fr = push(l.index());
        int body = reg(l.body());
        pop();
        Op[] inner = fr.block.toArray(new Op[0]);
        int ix = fr.indexReg;
        boolean prod = l.isProduct();
        block.add((r, x, f, o) -> {
          long a = (long) Math.ceil(r[lo]);
          long b = (long) Math.floor(r[hi]);
          double acc = prod ? 1 : 0;
          for (long i = a; i <= b; i++) {
            r[ix] = i;
            for (Op op : inner) op.run(r, x, f, o);
            if (prod) acc *= r[body];
            else acc += r[body];
          }
          r[dst] = acc;
        });
      } else throw new IllegalStateException();
      return dst;
    }

    private VarSpec spec(String name) {
      VarSpec s = sig.find(name);
      if (s == null) throw new SymException("unknown name '" + name + "'");
      return s;
    }

    private int[] regs(List<Expr> es) {
      int[] out = new int[es.size()];
      for (int i = 0; i < out.length; i++) out[i] = reg(es.get(i));
      return out;
    }

    private Frame push(String index) {
      Frame fr = new Frame(index, newReg(0));
      frames.add(fr);
      return fr;
    }

    private void pop() {
      frames.remove(frames.size() - 1);
    }

    void stmts(List<Stmt> stmts, List<Op> target) {
      for (Stmt s : stmts) {
        if (s instanceof Stmt.Acc acc) target.add(acc(acc));
        else if (s instanceof Stmt.If iff) {
          int c = reg(iff.cond());
          List<Op> t = new ArrayList<>();
          List<Op> e = new ArrayList<>();
          stmts(iff.then(), t);
          stmts(iff.otherwise(), e);
          Op[] tt = t.toArray(new Op[0]);
          Op[] ee = e.toArray(new Op[0]);
          target.add((r, x, f, o) -> {
            for (Op op : r[c] != 0 ? tt : ee) op.run(r, x, f, o);
          });
        } else if (s instanceof Stmt.For fo) {
          int lo = reg(fo.lo());
          int hi = reg(fo.hi());
          Frame fr = push(fo.index());
          stmts(fo.body(), fr.block);
          pop();
          Op[] inner = fr.block.toArray(new Op[0]);
          int ix = fr.indexReg;
          target.add((r, x, f, o) -> {
            long a = (long) Math.ceil(r[lo]);
            long b = (long) Math.floor(r[hi]);
            for (long i = a; i <= b; i++) {
              r[ix] = i;
              for (Op op : inner) op.run(r, x, f, o);
            }
          });
        }
      }
    }

    private Op acc(Stmt.Acc acc) {
      int v = reg(acc.value());
      int[] col = slot(acc.col());
      if (acc.row() == null) {
        return (r, x, f, o) -> {
          int c = flat(r, col);
          if (c >= 0) o.add(-1, c, r[v]);
        };
      }
      int[] row = slot(acc.row());
      return (r, x, f, o) -> {
        int a = flat(r, row);
        int c = flat(r, col);
        if (a >= 0 && c >= 0) o.add(a, c, r[v]);
      };
    }

    /** {offset, index register or -1, size}. */
    private int[] slot(Stmt.Slot s) {
      VarSpec spec = spec(s.var());
      int off = sig.offset(s.var());
      if (s.index() == null) return new int[] {off, -1, 1};
      return new int[] {off, reg(s.index()), spec.size()};
    }

    private static int flat(double[] r, int[] slot) {
      if (slot[1] < 0) return slot[0];
      double v = r[slot[1]];
      int k = (int) v;
      return k == v && k >= 1 && k <= slot[2] ? slot[0] + k - 1 : -1;
    }
  }
}
