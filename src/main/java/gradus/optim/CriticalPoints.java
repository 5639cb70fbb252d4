package gradus.optim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * {@code critical_points(f, bounds=..., n=200, seed=0)}: the points of a finite box where the
 * gradient vanishes, found by Newton's method on ∇f = 0 from n starts drawn uniformly in the box
 * (as {@link Multistart} draws them) and classified by their Hessian's eigenvalues.
 *
 * <p>Each Newton step solves {@code H d = -g} in the least-squares sense (eigenvalues below
 * 1e-12 of the largest are dropped, so a singular H still gives a step) and halves the step until
 * |g| decreases, at most 100 steps; it stops when g stops decreasing, so at a degenerate point,
 * where Newton converges only linearly, it goes on until rounding stops it. A run counts if its
 * final |g|∞ is at most 1e-8·S·w and it ends inside the box, where S is the median over the starts
 * of the Hessian's largest |eigenvalue| and w the box's widest side (S·w is the size of a gradient
 * on the box). Runs that end within 1e-4·w of each other are one point (the best-converged run
 * stands for it). An eigenvalue with |λ| ≤ 1e-6·S counts as zero: all others positive is a
 * minimum, all negative a maximum, both signs a saddle, and a zero eigenvalue without both signs
 * degenerate. The points come sorted by value.
 */
public final class CriticalPoints {
  public static final String MINIMUM = "minimum";
  public static final String MAXIMUM = "maximum";
  public static final String SADDLE = "saddle";
  public static final String DEGENERATE = "degenerate";
  /** What {@link #classify(Objective, double[], double)} calls a point whose gradient is not ~0. */
  public static final String NOT_CRITICAL = "not critical";

  private static final int MAX_STEPS = 100;

  /** One critical point: where, its value, kind, Hessian eigenvalues (ascending), |g|∞, starts that found it. */
  public record Point(double[] x, double f, String kind, double[] eigenvalues, double gnorm, int found) {}

  private CriticalPoints() {}

  public static List<Point> find(Supplier<Objective> objectives, Bounds box, int n, long seed,
      int workers, java.util.concurrent.atomic.AtomicBoolean interrupt) {
    if (!box.finite()) throw Check.bad("bounds", "critical_points searches a box: every bound must be finite");
    if (n < 1) throw Check.bad("n", "n must be >= 1, got " + n);
    double[][] starts = Multistart.starts(box, n, seed);
    int d = box.dimension();
    double w = 0;
    for (int i = 0; i < d; i++) w = Math.max(w, box.hi(i) - box.lo(i));
    double width = w > 0 ? w : 1;
    List<double[]> ends;
    List<Double> scales;
    try (Parallel p = Parallel.open(workers, objectives)) {
      scales = p.map(n, (f, k) -> largest(eigenvalues(hessian(f, starts[k]), d)));
      ends = p.map(n, (f, k) -> interrupt != null && interrupt.get() ? null : newton(f, starts[k], width));
    }
    double[] sorted = scales.stream().mapToDouble(Double::doubleValue).filter(Double::isFinite).sorted().toArray();
    double s = sorted.length == 0 ? 1 : Math.max(sorted[sorted.length / 2], Double.MIN_NORMAL);
    double gtol = 1e-8 * s * width;
    List<Candidate> found = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      double[] e = ends.get(k);
      if (e == null || !(e[d] <= gtol) || !inside(box, e, width)) continue;
      found.add(new Candidate(Arrays.copyOf(e, d), e[d], k));
    }
    found.sort(Comparator.comparingDouble((Candidate c) -> c.gnorm).thenComparingInt(c -> c.start));
    List<Candidate> distinct = new ArrayList<>();
    for (Candidate c : found) {
      Candidate same = null;
      for (Candidate o : distinct) if (distance(o.x, c.x) <= 1e-4 * width) same = o;
      if (same == null) distinct.add(c);
      else same.count++;
    }
    Objective f = objectives.get();
    List<Point> out = new ArrayList<>();
    for (Candidate c : distinct) {
      box.clip(c.x);
      out.add(classify(f, c.x, 1e-6 * s, c.count));
    }
    out.sort(Comparator.comparingDouble(Point::f));
    return out;
  }

  /**
   * The kind of one point p: {@link #NOT_CRITICAL} when |∇f(p)|∞ > gtol, else by the Hessian's
   * eigenvalues, those with |λ| ≤ 1e-8·max(1, max|λ|) counting as zero.
   */
  public static Point classify(Objective f, double[] p, double gtol) {
    double[] lam = eigenvalues(hessian(f, p), p.length);
    Point c = classify(f, p, 1e-8 * Math.max(1, largest(lam)), 1);
    if (c.gnorm() <= gtol) return c;
    return new Point(c.x(), c.f(), NOT_CRITICAL, c.eigenvalues(), c.gnorm(), 0);
  }

  /**
   * The kind of p in a box, by the second-order conditions for bounds: {@link #NOT_CRITICAL} when
   * the projected gradient's |·|∞ > gtol; else the coordinates that sit on a bound the gradient
   * pushes against (by more than gtol) are held, and the kind comes from the eigenvalues of the
   * Hessian over the other coordinates, which are reported. A point held on a bound cannot be a
   * maximum (moving inside raises f), so it is a minimum, saddle or degenerate point.
   */
  public static Point classify(Objective f, double[] p, double gtol, Bounds box) {
    int d = p.length;
    double[] g = new double[d];
    double fx = f.valueAndGradient(p, g);
    double pg = box.projectedNormInf(p, g);
    int[] free = new int[d];
    int nf = 0;
    for (int i = 0; i < d; i++) {
      boolean held = (p[i] <= box.lo(i) && g[i] > gtol) || (p[i] >= box.hi(i) && g[i] < -gtol);
      if (!held) free[nf++] = i;
    }
    if (nf == d) return classify(f, p, gtol);
    double[] h = hessian(f, p);
    double[] reduced = new double[nf * nf];
    for (int r = 0; r < nf; r++) for (int c = 0; c < nf; c++) reduced[r * nf + c] = h[free[r] * d + free[c]];
    double[] lam = eigenvalues(reduced, nf);
    if (pg > gtol) return new Point(p.clone(), fx, NOT_CRITICAL, lam, pg, 0);
    double zero = 1e-8 * Math.max(1, largest(lam));
    int pos = 0;
    int neg = 0;
    for (double l : lam) {
      if (l > zero) pos++;
      else if (l < -zero) neg++;
    }
    String kind = neg > 0 ? SADDLE : pos == nf ? MINIMUM : DEGENERATE;
    return new Point(p.clone(), fx, kind, lam, pg, 1);
  }

  private static Point classify(Objective f, double[] x, double zero, int found) {
    int d = x.length;
    double[] g = new double[d];
    double fx = f.valueAndGradient(x, g);
    double[] lam = eigenvalues(hessian(f, x), d);
    int pos = 0;
    int neg = 0;
    for (double l : lam) {
      if (l > zero) pos++;
      else if (l < -zero) neg++;
    }
    String kind = pos > 0 && neg > 0 ? SADDLE : pos == d ? MINIMUM : neg == d ? MAXIMUM : DEGENERATE;
    return new Point(x.clone(), fx, kind, lam, Vec.normInf(g), found);
  }

  private static final class Candidate {
    final double[] x;
    final double gnorm;
    final int start;
    int count = 1;

    Candidate(double[] x, double gnorm, int start) {
      this.x = x;
      this.gnorm = gnorm;
      this.start = start;
    }
  }

  /** Newton on ∇f = 0 from x0: the end point with its |g|∞ appended, or null if it left far. */
  static double[] newton(Objective f, double[] x0, double width) {
    int d = x0.length;
    double[] x = x0.clone();
    double[] g = new double[d];
    double[] gt = new double[d];
    double[] xt = new double[d];
    f.valueAndGradient(x, g);
    double r = Vec.norm2(g);
    for (int k = 0; k < MAX_STEPS && r > 0 && Double.isFinite(r); k++) {
      double[] step = solve(hessian(f, x), g, d);
      if (step == null) break;
      double a = 1;
      double rt = Double.POSITIVE_INFINITY;
      for (int h = 0; h < 40; h++, a *= 0.5) {
        Vec.axpy(x, a, step, xt);
        f.valueAndGradient(xt, gt);
        rt = Vec.norm2(gt);
        if (rt < r) break;
      }
      if (!(rt < r)) break;
      System.arraycopy(xt, 0, x, 0, d);
      System.arraycopy(gt, 0, g, 0, d);
      r = rt;
      if (distance(x, x0) > 10 * width) return null;
    }
    double[] out = Arrays.copyOf(x, d + 1);
    out[d] = Vec.normInf(g);
    return out;
  }

  /** The least-squares solution of H d = -g (pseudo-inverse); null if H is not finite. */
  private static double[] solve(double[] h, double[] g, int d) {
    if (!Vec.finite(h)) return null;
    EigenDecomposition_F64<DMatrixRMaj> eig = decompose(h, d);
    if (eig == null) return null;
    double max = 0;
    for (int k = 0; k < d; k++) max = Math.max(max, Math.abs(eig.getEigenvalue(k).getReal()));
    double[] step = new double[d];
    for (int k = 0; k < d; k++) {
      double lam = eig.getEigenvalue(k).getReal();
      if (!(Math.abs(lam) > 1e-12 * max)) continue;
      double[] q = eig.getEigenVector(k).data;
      double c = -Vec.dot(q, g) / lam;
      for (int i = 0; i < d; i++) step[i] += c * q[i];
    }
    return step;
  }

  static double[] hessian(Objective f, double[] x) {
    double[] h = new double[x.length * x.length];
    f.hessian(x, h);
    return h;
  }

  /** Ascending eigenvalues of a symmetric matrix (NaN if it is not finite). */
  static double[] eigenvalues(double[] h, int d) {
    double[] lam = new double[d];
    EigenDecomposition_F64<DMatrixRMaj> eig = Vec.finite(h) ? decompose(h, d) : null;
    if (eig == null) {
      Arrays.fill(lam, Double.NaN);
      return lam;
    }
    for (int k = 0; k < d; k++) lam[k] = eig.getEigenvalue(k).getReal();
    Arrays.sort(lam);
    return lam;
  }

  private static EigenDecomposition_F64<DMatrixRMaj> decompose(double[] h, int d) {
    DMatrixRMaj a = new DMatrixRMaj(d, d);
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < d; j++) a.data[i * d + j] = 0.5 * (h[i * d + j] + h[j * d + i]);
    }
    EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(d, true, true);
    return eig.decompose(a) ? eig : null;
  }

  private static double largest(double[] lam) {
    double m = 0;
    for (double l : lam) m = Math.max(m, Math.abs(l));
    return m;
  }

  private static boolean inside(Bounds box, double[] x, double width) {
    for (int i = 0; i < box.dimension(); i++) {
      double slack = 1e-9 * width;
      if (!(x[i] >= box.lo(i) - slack && x[i] <= box.hi(i) + slack)) return false;
    }
    return true;
  }

  private static double distance(double[] a, double[] b) {
    double m = 0;
    for (int i = 0; i < Math.min(a.length, b.length); i++) m = Math.max(m, Math.abs(a[i] - b[i]));
    return m;
  }
}
