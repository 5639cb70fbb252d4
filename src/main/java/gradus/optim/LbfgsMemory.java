package gradus.optim;

/**
 * The last m pairs (s, y) of L-BFGS with their inner products, so that the two-loop recursion
 * (Nocedal & Wright, Alg. 7.4) runs on m×m numbers and touches the n-vectors only twice per
 * iteration: one pass forms the direction {@code d = -H g} as a combination of g and the pairs,
 * one pass (after the line search) stores the new pair s₊, y₊ and computes the inner products
 * the next direction needs: sₖ·y₊, yₖ·y₊ and s₊·yₖ for each stored pair k, and s₊·y₊, y₊·y₊,
 * s₊·g₊, y₊·g₊. The products with the new gradient follow without another pass:
 * sₖ·g₊ = sₖ·y₊ + sₖ·g (no cancellation: g₊ is the smaller). The classic two-loop makes 4m passes
 * over n-vectors, each reading and writing q as well.
 *
 * <p>Both passes go block by block (2048 entries), so the block of the vector being formed stays
 * in cache while each pair's block streams past once. Pairs live in m+1 slots; the spare slot
 * receives the new pair, which then replaces the oldest (or is dropped when sᵀy is too small).
 */
final class LbfgsMemory {
  private static final int BLOCK = 2048;

  private final int m;
  private final int n;
  private final double[][] s;
  private final double[][] y;
  /** sy[i][j] = sᵢ·yⱼ and yy[i][j] = yᵢ·yⱼ by slot; sg, yg: sᵢ·g and yᵢ·g for the current g. */
  private final double[][] sy;
  private final double[][] yy;
  private final double[] sg;
  private final double[] yg;
  /** The stored slots, oldest first. */
  private final int[] order;
  private int count;
  private int spare;
  private final double[] alpha;
  private final double[] beta;
  private final double[] cs;
  private final double[] cy;
  /** g·g for the current g (from the last {@link #store} pass, else computed when needed). */
  private double gg = Double.NaN;
  private final double[][] part; // per-slot sums over the blocks: sₖ·y₊, yₖ·y₊, s₊·yₖ

  LbfgsMemory(int m, int n) {
    this.m = m;
    this.n = n;
    s = new double[m + 1][n];
    y = new double[m + 1][n];
    sy = new double[m + 1][m + 1];
    yy = new double[m + 1][m + 1];
    sg = new double[m + 1];
    yg = new double[m + 1];
    order = new int[m];
    alpha = new double[m];
    beta = new double[m];
    cs = new double[m];
    cy = new double[m];
    part = new double[m + 1][3];
  }

  int size() {
    return count;
  }

  void clear() {
    count = 0;
    spare = 0;
  }

  /** ‖g‖₂² of the current gradient. */
  double gg(double[] g) {
    if (Double.isNaN(gg)) gg = Vec.dot(g, g);
    return gg;
  }

  /** Writes {@code d = -H g} and returns g·d. */
  double direction(double[] g, double[] d) {
    if (count == 0) {
      for (int i = 0; i < n; i++) d[i] = -g[i];
      return -gg(g);
    }
    coefficients();
    int newest = order[count - 1];
    double gamma = sy[newest][newest] / yy[newest][newest];
    double gd = 0;
    for (int lo = 0; lo < n; lo += BLOCK) {
      int hi = Math.min(n, lo + BLOCK);
      for (int i = lo; i < hi; i++) d[i] = -gamma * g[i];
      for (int j = 0; j < count; j++) {
        double[] yk = y[order[j]];
        double[] sk = s[order[j]];
        double a = cy[j];
        double b = cs[j];
        for (int i = lo; i < hi; i++) d[i] += a * yk[i] + b * sk[i];
      }
      for (int i = lo; i < hi; i++) gd += g[i] * d[i];
    }
    return gd;
  }

  /**
   * The two-loop recursion on inner products: d = -(γ(g - Σ αⱼ yⱼ) + Σ (αⱼ - βⱼ) sⱼ), with
   * γ = sᵀy/yᵀy of the newest pair; fills cy (the yⱼ weights) and cs (the sⱼ weights).
   */
  private void coefficients() {
    int newest = order[count - 1];
    double gamma = sy[newest][newest] / yy[newest][newest];
    for (int j = count - 1; j >= 0; j--) {
      int k = order[j];
      double v = sg[k];
      for (int i = j + 1; i < count; i++) v -= alpha[i] * sy[k][order[i]];
      alpha[j] = v / sy[k][k];
    }
    for (int j = 0; j < count; j++) {
      int k = order[j];
      double w = yg[k];
      for (int i = 0; i < count; i++) w -= alpha[i] * yy[k][order[i]];
      w *= gamma;
      for (int i = 0; i < j; i++) w += (alpha[i] - beta[i]) * sy[order[i]][k];
      beta[j] = w / sy[k][k];
    }
    for (int j = 0; j < count; j++) {
      cy[j] = gamma * alpha[j];
      cs[j] = beta[j] - alpha[j];
    }
  }

  /**
   * After a step from (x, g) to (x₊, g₊): stores s = x₊ - x, y = g₊ - g unless sᵀy ≤ ε·(-gᵀs)
   * (L-BFGS-B's test; {@code gs} is gᵀs), and computes the inner products with g₊ either way.
   * Returns whether the pair was kept.
   */
  boolean store(Iterate cur, Iterate next, double gs) {
    double[] sn = s[spare];
    double[] yn = y[spare];
    for (double[] p : part) java.util.Arrays.fill(p, 0);
    double snyn = 0;
    double ynyn = 0;
    double sng = 0;
    double yng = 0;
    double g2 = 0;
    double[] x0 = cur.x;
    double[] x1 = next.x;
    double[] g0 = cur.g;
    double[] g1 = next.g;
    for (int lo = 0; lo < n; lo += BLOCK) {
      int hi = Math.min(n, lo + BLOCK);
      for (int i = lo; i < hi; i++) {
        double si = x1[i] - x0[i];
        double yi = g1[i] - g0[i];
        sn[i] = si;
        yn[i] = yi;
        snyn += si * yi;
        ynyn += yi * yi;
        sng += si * g1[i];
        yng += yi * g1[i];
        g2 += g1[i] * g1[i];
      }
      for (int j = 0; j < count; j++) blockDots(order[j], sn, yn, lo, hi);
    }
    gg = g2;
    for (int j = 0; j < count; j++) {
      double[] p = part[order[j]];
      sg[order[j]] += p[0];
      yg[order[j]] += p[1];
    }
    if (!(snyn > Math.ulp(1.0) * -gs)) return false;
    if (count == m) dropOldest();
    for (int j = 0; j < count; j++) {
      int k = order[j];
      double[] p = part[k];
      sy[k][spare] = p[0];
      yy[k][spare] = p[1];
      yy[spare][k] = p[1];
      sy[spare][k] = p[2];
    }
    sy[spare][spare] = snyn;
    yy[spare][spare] = ynyn;
    sg[spare] = sng;
    yg[spare] = yng;
    order[count++] = spare;
    spare = freeSlot();
    return true;
  }

  /** Adds one block of sₖ·y₊, yₖ·y₊ and s₊·yₖ for slot k. */
  private void blockDots(int k, double[] sn, double[] yn, int lo, int hi) {
    double[] sk = s[k];
    double[] yk = y[k];
    double p0 = 0;
    double p1 = 0;
    double p2 = 0;
    for (int i = lo; i < hi; i++) {
      double b = yk[i];
      p0 += sk[i] * yn[i];
      p1 += b * yn[i];
      p2 += sn[i] * b;
    }
    double[] p = part[k];
    p[0] += p0;
    p[1] += p1;
    p[2] += p2;
  }

  private void dropOldest() {
    System.arraycopy(order, 1, order, 0, count - 1);
    count--;
  }

  /** A slot neither stored nor the one just filled. */
  private int freeSlot() {
    for (int k = 0; k <= m; k++) {
      boolean used = false;
      for (int j = 0; j < count; j++) used |= order[j] == k;
      if (!used) return k;
    }
    throw new IllegalStateException("no free L-BFGS slot");
  }
}
