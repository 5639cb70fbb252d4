package gradus.compile;

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
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The reference evaluator: it records a tape (one entry per node per loop iteration, with the
 * local partial derivatives of each entry with respect to its operands and, for the Hessian, the
 * local second derivatives), then sweeps it backwards for the gradient (reverse mode). The Hessian
 * is forward-over-reverse on the same tape: one tangent sweep forward and one adjoint-tangent
 * sweep backward per column, O(n * tape) in all. It allocates a tape per call; it is the oracle of
 * the compiler's tests and the Hessian engine of compiled functions.
 *
 * <p>Common sub-expressions are evaluated once per scope, exactly as in the compiled code: nodes
 * that depend on no sum index once per call, the others once per iteration of the innermost loop.
 */
public final class Interpreted implements CompiledFunction {
  private final Signature sig;
  private final Expr root;
  private final Analysis an;
  private final int n;
  private final int nf;

  // the tape
  private double[] val = new double[64];
  private int[] slot = new int[64];
  private int[] kidStart = new int[65];
  private int[] hStart = new int[64];
  private int[] kids = new int[64];
  private double[] part = new double[64];
  private double[] hess = new double[64];
  private int size;
  private int nk;
  private int nh;
  private boolean wantH;

  private double[] x;
  private double[] f;
  private int off;
  private final Map<Expr, Integer> global = new IdentityHashMap<>();

  private Interpreted(Signature sig, Expr body) {
    this.sig = sig;
    this.an = new Analysis(sig);
    Expr r;
    try {
      r = Analysis.normalize(body, new IdentityHashMap<>());
    } catch (StackOverflowError e) {
      r = BigStack.run(() -> Analysis.normalize(body, new IdentityHashMap<>()));
    }
    this.root = r;
    this.n = sig.dimension();
    this.nf = sig.fieldCount();
    an.validate(root);
    try {
      an.dep(root);
    } catch (StackOverflowError e) {
      BigStack.run(() -> an.dep(root));
    }
  }

  public static Interpreted compile(Signature sig, Expr body) {
    return new Interpreted(sig, body);
  }

  @Override
  public int dimension() {
    return n;
  }

  @Override
  public int fieldCount() {
    return nf;
  }

  private static final class Frame {
    final String name;
    final int value;
    final Frame up;
    final Map<Expr, Integer> memo = new IdentityHashMap<>();

    Frame(String name, int value, Frame up) {
      this.name = name;
      this.value = value;
      this.up = up;
    }
  }

  private int record(double[] x, double[] f, int off, boolean wantH) {
    Checks.args(x, n, f, nf, off);
    this.x = x;
    this.f = f;
    this.off = off;
    this.wantH = wantH;
    size = 0;
    nk = 0;
    nh = 0;
    kidStart[0] = 0;
    global.clear();
    try {
      try {
        return eval(root, null);
      } catch (StackOverflowError e) {
        size = 0;
        nk = 0;
        nh = 0;
        global.clear();
        return BigStack.run(() -> eval(root, null));
      }
    } finally {
      this.x = null;
      this.f = null;
    }
  }

  @Override
  public double value(double[] x, double[] fields, int off) {
    return val[record(x, fields, off, false)];
  }

  @Override
  public double valueAndGradient(double[] x, double[] fields, int off, double[] grad) {
    Checks.grad(grad, n);
    Arrays.fill(grad, 0, n, 0.0);
    return accumulate(x, fields, off, grad);
  }

  @Override
  public double accumulate(double[] x, double[] fields, int off, double[] gradAcc) {
    Checks.grad(gradAcc, n);
    int r = record(x, fields, off, false);
    double[] adj = adjoints(r);
    for (int e = 0; e < size; e++) if (slot[e] >= 0) gradAcc[slot[e]] += adj[e];
    return val[r];
  }

  private double[] adjoints(int r) {
    double[] adj = new double[size];
    adj[r] = 1;
    for (int e = size - 1; e >= 0; e--) {
      double a = adj[e];
      for (int q = kidStart[e]; q < kidStart[e + 1]; q++) adj[kids[q]] += a * part[q];
    }
    return adj;
  }

  @Override
  public void hessian(double[] x, double[] fields, int off, double[] h) {
    if (h == null || h.length < n * n) throw new IllegalArgumentException("the Hessian array needs " + n * n + " slots");
    int r = record(x, fields, off, true);
    double[] adj = adjoints(r);
    double[] t = new double[size];
    double[] ad = new double[size];
    // [lo, hi]: the range of variable slots an entry depends on. For column j, entries whose range
    // misses j have zero tangent, and contribute nothing backwards unless their adjoint tangent is
    // non-zero, so each column costs little more than the entries that depend on x_j.
    int[] lo = new int[size];
    int[] hi = new int[size];
    for (int e = 0; e < size; e++) {
      if (slot[e] >= 0) {
        lo[e] = slot[e];
        hi[e] = slot[e];
        continue;
      }
      int a = Integer.MAX_VALUE;
      int b = -1;
      for (int q = kidStart[e]; q < kidStart[e + 1]; q++) {
        a = Math.min(a, lo[kids[q]]);
        b = Math.max(b, hi[kids[q]]);
      }
      lo[e] = a;
      hi[e] = b;
    }
    for (int j = 0; j < n; j++) {
      for (int e = 0; e < size; e++) {
        if (j < lo[e] || j > hi[e]) {
          t[e] = 0;
        } else if (slot[e] >= 0) {
          t[e] = 1;
        } else {
          double s = 0;
          for (int q = kidStart[e]; q < kidStart[e + 1]; q++) s += part[q] * t[kids[q]];
          t[e] = s;
        }
      }
      Arrays.fill(ad, 0.0);
      for (int e = size - 1; e >= 0; e--) {
        int k0 = kidStart[e];
        int m = kidStart[e + 1] - k0;
        double da = ad[e];
        if (m == 0 || (da == 0 && (j < lo[e] || j > hi[e]))) continue;
        double a = adj[e];
        int hs = hStart[e];
        for (int k = 0; k < m; k++) {
          double dp = 0;
          if (hs >= 0) for (int l = 0; l < m; l++) dp += hess[hs + k * m + l] * t[kids[k0 + l]];
          ad[kids[k0 + k]] += da * part[k0 + k] + a * dp;
        }
      }
      for (int i = 0; i < n; i++) h[i * n + j] = 0;
      for (int e = 0; e < size; e++) if (slot[e] >= 0) h[slot[e] * n + j] += ad[e];
    }
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        double s = 0.5 * (h[i * n + j] + h[j * n + i]);
        h[i * n + j] = s;
        h[j * n + i] = s;
      }
    }
  }

  // ---- recording -----------------------------------------------------------------------------

  private int eval(Expr e, Frame fr) {
    Map<Expr, Integer> memo;
    if (an.closed(e)) {
      memo = global;
    } else {
      if (fr == null) throw new IllegalArgumentException("index " + an.free(e) + " is not bound by an enclosing sum");
      memo = fr.memo;
    }
    Integer k = memo.get(e);
    if (k != null) return k;
    int r = compute(e, fr);
    memo.put(e, r);
    return r;
  }

  /** The value of entry k (read after eval returns: eval may reallocate the tape). */
  private double valueOf(int k) {
    return val[k];
  }

  private int leaf(double v, int s) {
    grow(0, 0);
    val[size] = v;
    slot[size] = s;
    hStart[size] = -1;
    kidStart[size + 1] = nk;
    return size++;
  }

  /** Appends an entry with operands {@code ks}, partials {@code p} and local Hessian {@code h} (null = 0). */
  private int node(double v, int[] ks, double[] p, double[] h) {
    grow(ks.length, h == null ? 0 : h.length);
    val[size] = v;
    slot[size] = -1;
    for (int i = 0; i < ks.length; i++) {
      kids[nk] = ks[i];
      part[nk++] = p[i];
    }
    if (h != null && wantH) {
      hStart[size] = nh;
      System.arraycopy(h, 0, hess, nh, h.length);
      nh += h.length;
    } else {
      hStart[size] = -1;
    }
    kidStart[size + 1] = nk;
    return size++;
  }

  private void grow(int k, int hn) {
    if (size + 2 > val.length) {
      int c = val.length * 2;
      val = Arrays.copyOf(val, c);
      slot = Arrays.copyOf(slot, c);
      hStart = Arrays.copyOf(hStart, c);
      kidStart = Arrays.copyOf(kidStart, c + 1);
    }
    if (nk + k > kids.length) {
      int c = Math.max(kids.length * 2, nk + k);
      kids = Arrays.copyOf(kids, c);
      part = Arrays.copyOf(part, c);
    }
    if (nh + hn > hess.length) hess = Arrays.copyOf(hess, Math.max(hess.length * 2, nh + hn));
  }

  private int compute(Expr e, Frame fr) {
    if (e instanceof Const c) return leaf(c.value(), -1);
    if (e instanceof Index i) {
      for (Frame q = fr; q != null; q = q.up) if (q.name.equals(i.name())) return leaf(q.value, -1);
      throw new IllegalArgumentException("index '" + i.name() + "' is not bound by an enclosing sum");
    }
    if (e instanceof Var v) {
      int o = sig.offset(v.name());
      return an.isVariable(v.name()) ? leaf(x[o], o) : leaf(f[off + o], -1);
    }
    if (e instanceof Elem el) {
      double k = valueOf(eval(el.index(), fr));
      int s = Ops.slot(k, an.size(el.vector()), sig.offset(el.vector()), el.vector());
      return an.isVariable(el.vector()) ? leaf(x[s], s) : leaf(f[off + s], -1);
    }
    if (e instanceof Add a) {
      int[] ks = evalAll(a.terms(), fr);
      double v = val[ks[0]];
      for (int i = 1; i < ks.length; i++) v += val[ks[i]];
      double[] p = new double[ks.length];
      Arrays.fill(p, 1);
      return node(v, ks, p, null);
    }
    if (e instanceof Mul m) {
      int[] ks = evalAll(m.factors(), fr);
      double[] fs = new double[ks.length];
      for (int i = 0; i < ks.length; i++) fs[i] = val[ks[i]];
      double v = fs[0];
      for (int i = 1; i < fs.length; i++) v *= fs[i];
      return node(v, ks, productPartials(fs), wantH ? productHessian(fs) : null);
    }
    if (e instanceof Pow p) {
      int kb = eval(p.base(), fr);
      double b = val[kb];
      if (p.exponent() instanceof Const c) {
        double y = c.value();
        return node(Ops.powc(b, y), new int[] {kb}, new double[] {Ops.dpowc(b, y)},
            new double[] {Ops.ddpowc(b, y)});
      }
      int ke = eval(p.exponent(), fr);
      double y = val[ke];
      double v = Math.pow(b, y);
      double lg = b == 0 ? 0 : Math.log(b);
      double hxx = Ops.ddpowc(b, y);
      double hxy = b == 0 ? 0 : Math.pow(b, y - 1) * (1 + y * lg);
      double hyy = v * lg * lg;
      return node(v, new int[] {kb, ke}, new double[] {Ops.powdx(b, y), Ops.powdy(b, y, v)},
          new double[] {hxx, hxy, hxy, hyy});
    }
    if (e instanceof Call c) {
      int k = eval(c.arg(), fr);
      double a = val[k];
      double y = Ops.call(c.fn(), a);
      return node(y, new int[] {k}, new double[] {Ops.deriv(c.fn(), a, y)},
          new double[] {Ops.deriv2(c.fn(), a, y)});
    }
    if (e instanceof MinMax mm) {
      int ka = eval(mm.a(), fr);
      int kb = eval(mm.b(), fr);
      double a = val[ka];
      double b = val[kb];
      double[] p = mm.isMax()
          ? new double[] {Ops.maxDa(a, b), Ops.maxDb(a, b)}
          : new double[] {Ops.minDa(a, b), Ops.minDb(a, b)};
      return node(mm.isMax() ? Math.max(a, b) : Math.min(a, b), new int[] {ka, kb}, p, null);
    }
    if (e instanceof Where w) {
      double c = valueOf(eval(w.cond(), fr));
      int ka = eval(w.a(), fr);
      int kb = eval(w.b(), fr);
      boolean t = c != 0;
      return node(t ? val[ka] : val[kb], new int[] {ka, kb}, new double[] {t ? 1 : 0, t ? 0 : 1}, null);
    }
    if (e instanceof Cmp c) {
      double a = valueOf(eval(c.a(), fr));
      double b = valueOf(eval(c.b(), fr));
      return leaf(Ops.cmp(c.op(), a, b), -1);
    }
    if (e instanceof Logic l) {
      int[] ks = evalAll(l.args(), fr);
      double v;
      if (l.op().equals("not")) {
        v = Ops.not(val[ks[0]]);
      } else {
        boolean and = l.op().equals("and");
        v = val[ks[0]];
        for (int i = 1; i < ks.length; i++) v = and ? Ops.and(v, val[ks[i]]) : Ops.or(v, val[ks[i]]);
      }
      return leaf(v, -1);
    }
    if (e instanceof Loop l) return loop(l, fr);
    throw new IllegalStateException("unknown node " + e);
  }

  private int loop(Loop l, Frame fr) {
    int lo = Ops.bound(valueOf(eval(l.lo(), fr)));
    int hi = Ops.bound(valueOf(eval(l.hi(), fr)));
    int m = Math.max(0, hi - lo + 1);
    int[] ks = new int[m];
    for (int i = lo; i <= hi; i++) ks[i - lo] = eval(l.body(), new Frame(l.index(), i, fr));
    double[] fs = new double[m];
    for (int i = 0; i < m; i++) fs[i] = val[ks[i]];
    if (!l.isProduct()) {
      double v = 0;
      for (double q : fs) v += q;
      double[] p = new double[m];
      Arrays.fill(p, 1);
      return node(v, ks, p, null);
    }
    double v = 1;
    double nz = 1;
    int zeros = 0;
    for (double q : fs) {
      v *= q;
      if (q == 0) zeros++;
      else nz *= q;
    }
    double[] p = new double[m];
    for (int i = 0; i < m; i++) p[i] = Ops.prodFactorAdj(1, nz, zeros, fs[i]);
    return node(v, ks, p, wantH ? productHessian(fs) : null);
  }

  private int[] evalAll(List<Expr> es, Frame fr) {
    int[] ks = new int[es.size()];
    for (int i = 0; i < ks.length; i++) ks[i] = eval(es.get(i), fr);
    return ks;
  }

  /** d/df_k of the product: the product of the other factors (exact, zero-safe). */
  private static double[] productPartials(double[] fs) {
    double[] p = new double[fs.length];
    for (int k = 0; k < fs.length; k++) {
      double q = 1;
      for (int j = 0; j < fs.length; j++) if (j != k) q *= fs[j];
      p[k] = q;
    }
    return p;
  }

  /** d2/df_k df_l of the product: the product of the factors other than k and l (O(m^3)). */
  private static double[] productHessian(double[] fs) {
    int m = fs.length;
    double[] h = new double[m * m];
    for (int k = 0; k < m; k++) {
      for (int l = k + 1; l < m; l++) {
        double q = 1;
        for (int j = 0; j < m; j++) if (j != k && j != l) q *= fs[j];
        h[k * m + l] = q;
        h[l * m + k] = q;
      }
    }
    return h;
  }
}
