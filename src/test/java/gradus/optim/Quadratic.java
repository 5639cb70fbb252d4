package gradus.optim;

/** f = 0.5*(2x² + 2xy + 20y²) - (5x + 3y) = x² + xy + 10y² - 5x - 3y; minimum at (97/39, 1/39). */
final class Quadratic implements Objective {
  static final double[] START = {-3, -1};

  @Override
  public int dimension() {
    return 2;
  }

  @Override
  public double valueAndGradient(double[] p, double[] g) {
    double x = p[0];
    double y = p[1];
    g[0] = 2 * x + y - 5;
    g[1] = x + 20 * y - 3;
    return x * x + x * y + 10 * y * y - 5 * x - 3 * y;
  }

  @Override
  public boolean hasHessian() {
    return true;
  }

  @Override
  public void hessian(double[] x, double[] h) {
    h[0] = 2;
    h[1] = 1;
    h[2] = 1;
    h[3] = 20;
  }

  static double gx(double x, double y) {
    return 2 * x + y - 5;
  }

  static double gy(double x, double y) {
    return x + 20 * y - 3;
  }
}
