package gradus.optim;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;

/**
 * L-BFGS-B, what {@code lbfgs(m)} runs when bounds are given: R. H. Byrd, P. Lu, J. Nocedal and
 * C. Zhu, "A limited memory algorithm for bound constrained optimization", SIAM J. Sci. Comput.
 * 16 (1995), with the subspace step of version 3.0 (J. L. Morales and J. Nocedal, ACM TOMS 38,
 * 2011), as SciPy's {@code L-BFGS-B} runs it. Each iteration:
 * <ol>
 *   <li>the generalized Cauchy point x^c: the first minimizer of the quadratic model
 *       {@code m(x) = f + gᵀ(x - x_k) + ½ (x - x_k)ᵀ B (x - x_k)} along the projected gradient
 *       path {@code P(x_k - t g)}, found by walking its breakpoints in order (§4); B is the
 *       compact limited-memory matrix {@code θI - W M Wᵀ}, {@code W = [Y, θS]},
 *       {@code M = [[-D, Lᵀ], [L, θSᵀS]]⁻¹} (§3);</li>
 *   <li>subspace minimization over the variables free at x^c (the direct primal method, §5.1,
 *       via Sherman–Morrison–Woodbury); the result is projected onto the box, and if that
 *       projection is not a descent direction, the step is cut back to stay inside it;</li>
 *   <li>the Moré–Thuente line search ({@link MoreThuente}, ftol = 1e-3, gtol = 0.9, xtol = 0.1)
 *       along {@code d = x̄ - x_k} for at most 20 evaluations, with steps up to the box's edge;
 *       the first trial step is 1 (the point x̄ itself), except on the first iteration of a
 *       problem not bounded on every side, where it is {@code min(1/|d|, 1)}.</li>
 * </ol>
 * The search's point is taken by unbounded lbfgs's rule ({@link Lbfgs#refusal}). A pair with
 * {@code sᵀy <= ε·(-gᵀs)} is not stored; a failed line search (or a singular system) clears the
 * memory and retries; with an empty memory, or when f changes only by rounding, it stalls.
 * Without any finite bound the Cauchy step is skipped once the memory holds a pair, so the method
 * is L-BFGS with the compact form.
 */
final class LbfgsB implements Driver {
  private static final double EPS = Math.ulp(1.0);
  private static final int MAX_LS = 20;
  /** Variable states (SciPy's {@code iwhere}): free, at its lower or upper bound, fixed, unbounded. */
  private static final int FREE = 0;
  private static final int AT_LOWER = 1;
  private static final int AT_UPPER = 2;
  private static final int FIXED = 3;
  private static final int UNBOUNDED = -1;
  private static final int ZERO_GRADIENT = -3;

  private final int m;
  private final int n;
  private final Evaluator ev;
  private final Bounds b;
  private final boolean constrained;
  private final boolean boxed;
  private final MoreThuente ls;

  // memory: slot (head + j) % m holds pair j, oldest first; sy[i][j] = s_iᵀy_j, ss[i][j] = s_iᵀs_j
  private final double[][] ws;
  private final double[][] wy;
  private final double[][] sy;
  private final double[][] ss;
  private int head;
  private int col;
  private double theta = 1;
  /** M = K⁻¹, (2col)², row-major. */
  private double[] mid = new double[0];

  private final int[] where;
  private final double[] xcp;
  private final double[] d;
  private final double[] z;
  private final double[] bt;
  private final int[] border;
  private final int[] free;
  private int nfree;
  private double[] p = new double[0];
  private double[] c = new double[0];
  private int iter;
  private double gd;
  private double gdOld;
  private double stp;
  private String reason = "the line search found no acceptable point";
  /** The last search met only rounding-level changes of f: retrying cannot help. */
  private boolean flat;

  LbfgsB(int m, Evaluator ev, int n, Bounds b) {
    this.m = m;
    this.n = n;
    this.ev = ev;
    this.b = b;
    this.ls = new MoreThuente(ev, 1e-3, 0.9, 0.1, 0, 1e10, MAX_LS);
    this.constrained = b.anyFinite();
    boolean all = true;
    for (int i = 0; i < n; i++) all &= b.hasLower(i) && b.hasUpper(i);
    this.boxed = all;
    ws = new double[m][n];
    wy = new double[m][n];
    sy = new double[m][m];
    ss = new double[m][m];
    where = new int[n];
    for (int i = 0; i < n; i++) {
      if (!b.hasLower(i) && !b.hasUpper(i)) where[i] = UNBOUNDED;
      else if (b.lo(i) == b.hi(i)) where[i] = FIXED;
    }
    xcp = new double[n];
    d = new double[n];
    z = new double[n];
    bt = new double[n];
    border = new int[n];
    free = new int[n];
  }

  @Override
  public Outcome step(Iterate cur, Iterate next, long t) {
    while (true) {
      if (searchPoint(cur)) {
        for (int i = 0; i < n; i++) d[i] = z[i] - cur.x[i];
        if (lineSearch(cur, next)) {
          iter++;
          remember(cur, next);
          return Outcome.OK;
        }
        if (col == 0 || flat) return Outcome.STALLED;
      }
      reset();
    }
  }

  @Override
  public String stallReason() {
    return reason;
  }

  private int slot(int j) {
    return (head + j) % m;
  }

  private void reset() {
    col = 0;
    head = 0;
    theta = 1;
    mid = new double[0];
  }

  /** z = the Cauchy point refined by subspace minimization; false when a system is singular. */
  private boolean searchPoint(Iterate cur) {
    if (!constrained && col > 0) {
      System.arraycopy(cur.x, 0, z, 0, n);
      System.arraycopy(cur.x, 0, xcp, 0, n);
      c = new double[2 * col];
      nfree = n;
      for (int i = 0; i < n; i++) free[i] = i;
    } else {
      cauchy(cur.x, cur.g);
      System.arraycopy(xcp, 0, z, 0, n);
      nfree = 0;
      for (int i = 0; i < n; i++) if (where[i] <= 0) free[nfree++] = i;
    }
    if (nfree == 0 || col == 0) return true;
    return subspace(cur.x, cur.g);
  }

  /** The generalized Cauchy point into xcp, and c = Wᵀ(xcp - x) (BLNZ §4, Algorithm CP). */
  private void cauchy(double[] x, double[] g) {
    int col2 = 2 * col;
    System.arraycopy(x, 0, xcp, 0, n);
    p = new double[col2];
    c = new double[col2];
    if (b.projectedNormInf(x, g) <= 0) return;
    boolean bounded = true;
    int nbreak = 0;
    int nmoving = 0;
    double f1 = 0;
    for (int i = 0; i < n; i++) {
      double neggi = -g[i];
      if (where[i] != FIXED && where[i] != UNBOUNDED) {
        boolean atLower = b.hasLower(i) && x[i] - b.lo(i) <= 0;
        boolean atUpper = b.hasUpper(i) && b.hi(i) - x[i] <= 0;
        where[i] = FREE;
        if (atLower) {
          if (neggi <= 0) where[i] = AT_LOWER;
        } else if (atUpper) {
          if (neggi >= 0) where[i] = AT_UPPER;
        } else if (Math.abs(neggi) <= 0) {
          where[i] = ZERO_GRADIENT;
        }
      }
      if (where[i] != FREE && where[i] != UNBOUNDED) {
        d[i] = 0;
        continue;
      }
      d[i] = neggi;
      f1 -= neggi * neggi;
      for (int j = 0; j < col; j++) {
        int k = slot(j);
        p[j] += wy[k][i] * neggi;
        p[col + j] += ws[k][i] * neggi;
      }
      if (b.hasLower(i) && neggi < 0) {
        bt[nbreak] = (x[i] - b.lo(i)) / -neggi;
        border[nbreak++] = i;
      } else if (b.hasUpper(i) && neggi > 0) {
        bt[nbreak] = (b.hi(i) - x[i]) / neggi;
        border[nbreak++] = i;
      } else {
        nmoving++;
        if (Math.abs(neggi) > 0) bounded = false;
      }
    }
    for (int j = col; j < col2; j++) p[j] *= theta;
    if (nbreak == 0 && nmoving == 0) return;
    sortBreakpoints(nbreak);
    double f2 = -theta * f1;
    double f2org = f2;
    double[] v = new double[col2];
    double[] wbp = new double[col2];
    if (col > 0) {
      times(mid, p, v);
      f2 -= dot(v, p);
    }
    double dtm = -f1 / f2;
    double tsum = 0;
    double tj = 0;
    for (int k = 0; k < nbreak; k++) {
      double tj0 = tj;
      tj = bt[k];
      int ibp = border[k];
      double dt = tj - tj0;
      if (dtm < dt) break;
      tsum += dt;
      int nleft = nbreak - k - 1;
      double dibp = d[ibp];
      d[ibp] = 0;
      double zibp;
      if (dibp > 0) {
        zibp = b.hi(ibp) - x[ibp];
        xcp[ibp] = b.hi(ibp);
        where[ibp] = AT_UPPER;
      } else {
        zibp = b.lo(ibp) - x[ibp];
        xcp[ibp] = b.lo(ibp);
        where[ibp] = AT_LOWER;
      }
      if (nleft == 0 && nbreak == n) {
        // every variable is at a bound: xcp is the Cauchy point
        if (col > 0) for (int j = 0; j < col2; j++) c[j] += dt * p[j];
        return;
      }
      double dibp2 = dibp * dibp;
      f1 += dt * f2 + dibp2 - theta * dibp * zibp;
      f2 -= theta * dibp2;
      if (col > 0) {
        for (int j = 0; j < col2; j++) c[j] += dt * p[j];
        for (int j = 0; j < col; j++) {
          int s = slot(j);
          wbp[j] = wy[s][ibp];
          wbp[col + j] = theta * ws[s][ibp];
        }
        times(mid, wbp, v);
        double wmc = dot(c, v);
        double wmp = dot(p, v);
        double wmw = dot(wbp, v);
        for (int j = 0; j < col2; j++) p[j] -= dibp * wbp[j];
        f1 += dibp * wmc;
        f2 += 2.0 * dibp * wmp - dibp2 * wmw;
      }
      f2 = Math.max(EPS * f2org, f2);
      if (nleft > 0) {
        dtm = -f1 / f2;
      } else if (bounded) {
        dtm = 0;
      } else {
        dtm = -f1 / f2;
      }
    }
    if (dtm <= 0) dtm = 0;
    tsum += dtm;
    for (int i = 0; i < n; i++) xcp[i] += tsum * d[i];
    if (col > 0) for (int j = 0; j < col2; j++) c[j] += dtm * p[j];
  }

  /** Sorts the breakpoints ascending (ties in index order). */
  private void sortBreakpoints(int nbreak) {
    Integer[] order = new Integer[nbreak];
    for (int k = 0; k < nbreak; k++) order[k] = k;
    Arrays.sort(order, (u, w) -> Double.compare(bt[u], bt[w]));
    double[] t = new double[nbreak];
    int[] idx = new int[nbreak];
    for (int k = 0; k < nbreak; k++) {
      t[k] = bt[order[k]];
      idx[k] = border[order[k]];
    }
    System.arraycopy(t, 0, bt, 0, nbreak);
    System.arraycopy(idx, 0, border, 0, nbreak);
  }

  /**
   * Minimizes the model over the free variables from xcp (BLNZ §5.1): with Z the free columns,
   * {@code r = Zᵀ(g + θ(xcp - x) - W M c)} and {@code du = -(ZᵀBZ)⁻¹ r}, where
   * {@code (ZᵀBZ)⁻¹ = I/θ + ZᵀW (K - WᵀZZᵀW/θ)⁻¹ WᵀZ / θ²}. Then z = P(xcp + Z du) if that is a
   * descent direction from x, else xcp + α Z du with the largest feasible α ≤ 1.
   */
  private boolean subspace(double[] x, double[] g) {
    int col2 = 2 * col;
    double[] mc = new double[col2];
    times(mid, c, mc);
    double[] r = new double[nfree];
    double[][] wz = new double[nfree][col2];
    for (int f = 0; f < nfree; f++) {
      int i = free[f];
      double[] w = wz[f];
      double wmc = 0;
      for (int j = 0; j < col; j++) {
        int s = slot(j);
        w[j] = wy[s][i];
        w[col + j] = theta * ws[s][i];
      }
      for (int j = 0; j < col2; j++) wmc += w[j] * mc[j];
      r[f] = g[i] + theta * (xcp[i] - x[i]) - wmc;
    }
    double[] k = middle();
    double[] v = new double[col2];
    for (int f = 0; f < nfree; f++) {
      double[] w = wz[f];
      for (int a = 0; a < col2; a++) {
        v[a] += w[a] * r[f];
        for (int e = 0; e < col2; e++) k[a * col2 + e] -= w[a] * w[e] / theta;
      }
    }
    if (!new DenseLu(col2).solve(DMatrixRMaj.wrap(col2, col2, k), DenseLu.largest(k), v)) {
      reason = "the limited-memory matrix became singular";
      return false;
    }
    double[] du = new double[nfree];
    for (int f = 0; f < nfree; f++) du[f] = -r[f] / theta - dot(wz[f], v) / (theta * theta);
    boolean clipped = false;
    for (int f = 0; f < nfree; f++) {
      int i = free[f];
      double t = Math.min(b.hi(i), Math.max(b.lo(i), xcp[i] + du[f]));
      if (t == b.lo(i) || t == b.hi(i)) clipped = true;
      z[i] = t;
    }
    if (!clipped) return true;
    double slope = 0;
    for (int i = 0; i < n; i++) slope += (z[i] - x[i]) * g[i];
    if (slope <= 0) return true;
    // the projected step is not downhill: cut the step back to the box instead
    System.arraycopy(xcp, 0, z, 0, n);
    double alpha = 1;
    int ibd = -1;
    for (int f = 0; f < nfree; f++) {
      int i = free[f];
      double dk = du[f];
      double limit = alpha;
      if (dk < 0 && b.hasLower(i)) {
        double room = b.lo(i) - z[i];
        limit = room >= 0 ? 0 : dk * alpha < room ? room / dk : alpha;
      } else if (dk > 0 && b.hasUpper(i)) {
        double room = b.hi(i) - z[i];
        limit = room <= 0 ? 0 : dk * alpha > room ? room / dk : alpha;
      }
      if (limit < alpha) {
        alpha = limit;
        ibd = f;
      }
    }
    if (alpha < 1 && ibd >= 0) {
      int i = free[ibd];
      z[i] = du[ibd] > 0 ? b.hi(i) : b.lo(i);
      du[ibd] = 0;
    }
    for (int f = 0; f < nfree; f++) z[free[f]] += alpha * du[f];
    return true;
  }

  /** K = [[-D, Lᵀ], [L, θSᵀS]], (2col)², row-major. */
  private double[] middle() {
    int col2 = 2 * col;
    double[] k = new double[col2 * col2];
    for (int i = 0; i < col; i++) {
      k[i * col2 + i] = -sy[i][i];
      for (int j = 0; j < col; j++) {
        if (i > j) {
          k[(col + i) * col2 + j] = sy[i][j];
          k[j * col2 + col + i] = sy[i][j];
        }
        k[(col + i) * col2 + col + j] = theta * ss[i][j];
      }
    }
    return k;
  }

  /** The Moré–Thuente search from cur along d into next; false (and why) when it fails. */
  private boolean lineSearch(Iterate cur, Iterate next) {
    flat = false;
    double dnorm = Vec.norm2(d);
    double stpmax = 1e10;
    if (constrained) {
      if (iter == 0) {
        stpmax = 1;
      } else {
        for (int i = 0; i < n; i++) {
          double a1 = d[i];
          if (a1 < 0 && b.hasLower(i)) {
            double a2 = b.lo(i) - cur.x[i];
            if (a2 >= 0) stpmax = 0;
            else if (a1 * stpmax < a2) stpmax = a2 / a1;
          } else if (a1 > 0 && b.hasUpper(i)) {
            double a2 = b.hi(i) - cur.x[i];
            if (a2 <= 0) stpmax = 0;
            else if (a1 * stpmax > a2) stpmax = a2 / a1;
          }
        }
      }
    }
    stp = iter == 0 && !boxed ? Math.min(1 / dnorm, stpmax) : Math.min(1, stpmax);
    gdOld = Vec.dot(cur.g, d);
    if (!(gdOld < 0)) {
      reason = "the search direction is not downhill (its slope is " + Check.num(gdOld) + ")";
      return false;
    }
    stp = ls.search(cur, d, gdOld, stp, stpmax, z, next);
    reason = Lbfgs.refusal(ls, cur, next);
    if (reason != null) {
      flat = ls.end == MoreThuente.End.FLAT;
      return false;
    }
    gd = Vec.dot(next.g, d);
    return true;
  }

  /** Stores the pair s = x₊ - x, y = g₊ - g unless its curvature is too small (BLNZ §3). */
  private void remember(Iterate cur, Iterate next) {
    double dr = (gd - gdOld) * stp;
    double ddum = -gdOld * stp;
    if (!(dr > EPS * ddum)) return;
    int s;
    if (col < m) {
      s = slot(col);
      col++;
    } else {
      s = head;
      head = (head + 1) % m;
      for (int i = 0; i < m - 1; i++) {
        for (int j = 0; j < m - 1; j++) {
          sy[i][j] = sy[i + 1][j + 1];
          ss[i][j] = ss[i + 1][j + 1];
        }
      }
    }
    double rr = 0;
    for (int i = 0; i < n; i++) {
      ws[s][i] = stp * d[i];
      wy[s][i] = next.g[i] - cur.g[i];
      rr += wy[s][i] * wy[s][i];
    }
    theta = rr / dr;
    int last = col - 1;
    for (int j = 0; j < col; j++) {
      int sj = slot(j);
      sy[last][j] = dot(ws[s], wy[sj]);
      sy[j][last] = dot(ws[sj], wy[s]);
      ss[last][j] = dot(ws[s], ws[sj]);
      ss[j][last] = ss[last][j];
    }
    if (!formMiddle()) reset();
  }

  /**
   * M = K⁻¹; false when {@code T = θSᵀS + L D⁻¹ Lᵀ} is not positive definite (then K is not
   * safely invertible and the memory is cleared, as L-BFGS-B's {@code formt} does).
   */
  private boolean formMiddle() {
    double[] t = new double[col * col];
    for (int i = 0; i < col; i++) {
      for (int j = 0; j < col; j++) {
        double v = theta * ss[i][j];
        for (int k = 0; k < Math.min(i, j); k++) v += sy[i][k] * sy[j][k] / sy[k][k];
        t[i * col + j] = v;
      }
    }
    if (!DecompositionFactory_DDRM.chol(col, true).decompose(DMatrixRMaj.wrap(col, col, t))) {
      return false;
    }
    int col2 = 2 * col;
    DMatrixRMaj k = DMatrixRMaj.wrap(col2, col2, middle());
    if (!CommonOps_DDRM.invert(k)) return false;
    mid = k.data;
    return Vec.finite(mid);
  }

  private static void times(double[] a, double[] x, double[] out) {
    int k = x.length;
    for (int i = 0; i < k; i++) {
      double s = 0;
      for (int j = 0; j < k; j++) s += a[i * k + j] * x[j];
      out[i] = s;
    }
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < Math.min(a.length, b.length); i++) s += a[i] * b[i];
    return s;
  }
}
