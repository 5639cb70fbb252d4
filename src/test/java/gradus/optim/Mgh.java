package gradus.optim;

import java.util.ArrayList;
import java.util.List;

/**
 * Moré, Garbow & Hillstrom (1981), "Testing unconstrained optimization software", as sums of
 * squares f = Σ r_i² with analytic Jacobians (g = 2 Jᵀ r). Standard starts; {@code fstars} are
 * the published minima (some problems list local minima too; any of them counts).
 */
final class Mgh {
  private Mgh() {}

  interface Residuals {
    /** Fills r (m) and J (m×n, row-major). */
    void eval(double[] x, double[] r, double[] j);
  }

  static final class Problem implements Objective {
    final String name;
    final int n;
    final int m;
    final double[] x0;
    final double[] fstars;
    final Residuals res;
    final double[] r;
    final double[] jac;
    boolean withHessian;

    Problem(String name, int n, int m, double[] x0, double[] fstars, Residuals res) {
      this.name = name;
      this.n = n;
      this.m = m;
      this.x0 = x0;
      this.fstars = fstars;
      this.res = res;
      r = new double[m];
      jac = new double[m * n];
    }

    @Override
    public int dimension() {
      return n;
    }

    @Override
    public double valueAndGradient(double[] x, double[] g) {
      res.eval(x, r, jac);
      double f = 0;
      for (int i = 0; i < m; i++) f += r[i] * r[i];
      for (int k = 0; k < n; k++) {
        double s = 0;
        for (int i = 0; i < m; i++) s += jac[i * n + k] * r[i];
        g[k] = 2 * s;
      }
      return f;
    }

    @Override
    public boolean hasHessian() {
      return withHessian;
    }

    /** Central differences of the analytic gradient (test-side; not counted as evaluations). */
    @Override
    public void hessian(double[] x, double[] h) {
      double[] xp = x.clone();
      double[] gp = new double[n];
      double[] gm = new double[n];
      for (int j = 0; j < n; j++) {
        double step = 1e-6 * Math.max(1, Math.abs(x[j]));
        xp[j] = x[j] + step;
        valueAndGradient(xp, gp);
        xp[j] = x[j] - step;
        valueAndGradient(xp, gm);
        xp[j] = x[j];
        for (int i = 0; i < n; i++) h[i * n + j] = (gp[i] - gm[i]) / (2 * step);
      }
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < i; j++) {
          double avg = (h[i * n + j] + h[j * n + i]) / 2;
          h[i * n + j] = avg;
          h[j * n + i] = avg;
        }
      }
    }

    double bestGap(double f) {
      double gap = Double.POSITIVE_INFINITY;
      for (double s : fstars) gap = Math.min(gap, Math.abs(f - s) / Math.max(1, Math.abs(s)));
      return gap;
    }
  }

  static List<Problem> all() {
    List<Problem> p = new ArrayList<>();
    p.add(new Problem("rosenbrock", 2, 2, new double[] {-1.2, 1}, new double[] {0}, (x, r, j) -> {
      r[0] = 10 * (x[1] - x[0] * x[0]);
      r[1] = 1 - x[0];
      set(j, -20 * x[0], 10, -1, 0);
    }));
    p.add(new Problem("freudenstein_roth", 2, 2, new double[] {0.5, -2},
        new double[] {0, 48.9842536792400}, (x, r, j) -> {
          double y = x[1];
          r[0] = -13 + x[0] + ((5 - y) * y - 2) * y;
          r[1] = -29 + x[0] + ((y + 1) * y - 14) * y;
          set(j, 1, 10 * y - 3 * y * y - 2, 1, 3 * y * y + 2 * y - 14);
        }));
    p.add(new Problem("powell_badly_scaled", 2, 2, new double[] {0, 1}, new double[] {0},
        (x, r, j) -> {
          r[0] = 1e4 * x[0] * x[1] - 1;
          r[1] = Math.exp(-x[0]) + Math.exp(-x[1]) - 1.0001;
          set(j, 1e4 * x[1], 1e4 * x[0], -Math.exp(-x[0]), -Math.exp(-x[1]));
        }));
    p.add(new Problem("brown_badly_scaled", 2, 3, new double[] {1, 1}, new double[] {0},
        (x, r, j) -> {
          r[0] = x[0] - 1e6;
          r[1] = x[1] - 2e-6;
          r[2] = x[0] * x[1] - 2;
          set(j, 1, 0, 0, 1, x[1], x[0]);
        }));
    p.add(new Problem("beale", 2, 3, new double[] {1, 1}, new double[] {0}, (x, r, j) -> {
      double[] y = {1.5, 2.25, 2.625};
      for (int i = 1; i <= 3; i++) {
        r[i - 1] = y[i - 1] - x[0] * (1 - Math.pow(x[1], i));
        j[(i - 1) * 2] = -(1 - Math.pow(x[1], i));
        j[(i - 1) * 2 + 1] = x[0] * i * Math.pow(x[1], i - 1);
      }
    }));
    p.add(new Problem("jennrich_sampson", 2, 10, new double[] {0.3, 0.4},
        new double[] {124.362182355}, (x, r, j) -> {
          for (int i = 1; i <= 10; i++) {
            double a = Math.exp(i * x[0]);
            double b = Math.exp(i * x[1]);
            r[i - 1] = 2 + 2 * i - (a + b);
            j[(i - 1) * 2] = -i * a;
            j[(i - 1) * 2 + 1] = -i * b;
          }
        }));
    p.add(new Problem("helical_valley", 3, 3, new double[] {-1, 0, 0}, new double[] {0},
        (x, r, j) -> {
          double q = x[0] * x[0] + x[1] * x[1];
          double theta = Math.atan(x[1] / x[0]) / (2 * Math.PI) + (x[0] < 0 ? 0.5 : 0);
          double dt0 = -x[1] / (2 * Math.PI * q);
          double dt1 = x[0] / (2 * Math.PI * q);
          double rho = Math.sqrt(q);
          r[0] = 10 * (x[2] - 10 * theta);
          r[1] = 10 * (rho - 1);
          r[2] = x[2];
          set(j, -100 * dt0, -100 * dt1, 10, 10 * x[0] / rho, 10 * x[1] / rho, 0, 0, 0, 1);
        }));
    p.add(new Problem("bard", 3, 15, new double[] {1, 1, 1},
        new double[] {8.21487730657e-3, 17.4286398}, (x, r, j) -> {
          double[] y = {0.14, 0.18, 0.22, 0.25, 0.29, 0.32, 0.35, 0.39, 0.37, 0.58, 0.73, 0.96,
              1.34, 2.10, 4.39};
          for (int i = 1; i <= 15; i++) {
            double u = i, v = 16 - i, w = Math.min(u, v);
            double d = v * x[1] + w * x[2];
            r[i - 1] = y[i - 1] - (x[0] + u / d);
            j[(i - 1) * 3] = -1;
            j[(i - 1) * 3 + 1] = u * v / (d * d);
            j[(i - 1) * 3 + 2] = u * w / (d * d);
          }
        }));
    p.add(new Problem("gaussian", 3, 15, new double[] {0.4, 1, 0},
        new double[] {1.12793276961e-8}, (x, r, j) -> {
          double[] y = {0.0009, 0.0044, 0.0175, 0.0540, 0.1295, 0.2420, 0.3521, 0.3989, 0.3521,
              0.2420, 0.1295, 0.0540, 0.0175, 0.0044, 0.0009};
          for (int i = 1; i <= 15; i++) {
            double t = (8 - i) / 2.0;
            double dt = t - x[2];
            double e = Math.exp(-x[1] * dt * dt / 2);
            r[i - 1] = x[0] * e - y[i - 1];
            j[(i - 1) * 3] = e;
            j[(i - 1) * 3 + 1] = -x[0] * e * dt * dt / 2;
            j[(i - 1) * 3 + 2] = x[0] * e * x[1] * dt;
          }
        }));
    p.add(new Problem("meyer", 3, 16, new double[] {0.02, 4000, 250}, new double[] {87.9458},
        (x, r, j) -> {
          double[] y = {34780, 28610, 23650, 19630, 16370, 13720, 11540, 9744, 8261, 7030, 6005,
              5147, 4427, 3820, 3307, 2872};
          for (int i = 1; i <= 16; i++) {
            double t = 45 + 5 * i;
            double d = t + x[2];
            double e = Math.exp(x[1] / d);
            r[i - 1] = x[0] * e - y[i - 1];
            j[(i - 1) * 3] = e;
            j[(i - 1) * 3 + 1] = x[0] * e / d;
            j[(i - 1) * 3 + 2] = -x[0] * e * x[1] / (d * d);
          }
        }));
    p.add(new Problem("gulf", 3, 99, new double[] {5, 2.5, 0.15}, new double[] {0}, (x, r, j) -> {
      for (int i = 1; i <= 99; i++) {
        double t = i / 100.0;
        double y = 25 + Math.pow(-50 * Math.log(t), 2.0 / 3);
        double a = Math.abs(y - x[1]);
        double pw = Math.pow(a, x[2]);
        double e = Math.exp(-pw / x[0]);
        r[i - 1] = e - t;
        j[(i - 1) * 3] = e * pw / (x[0] * x[0]);
        j[(i - 1) * 3 + 1] = e * x[2] * Math.pow(a, x[2] - 1) * Math.signum(y - x[1]) / x[0];
        j[(i - 1) * 3 + 2] = -e * pw * Math.log(a) / x[0];
      }
    }));
    p.add(new Problem("box_3d", 3, 10, new double[] {0, 10, 20}, new double[] {0}, (x, r, j) -> {
      for (int i = 1; i <= 10; i++) {
        double t = 0.1 * i;
        double a = Math.exp(-t * x[0]);
        double b = Math.exp(-t * x[1]);
        double c = Math.exp(-t) - Math.exp(-10 * t);
        r[i - 1] = a - b - x[2] * c;
        j[(i - 1) * 3] = -t * a;
        j[(i - 1) * 3 + 1] = t * b;
        j[(i - 1) * 3 + 2] = -c;
      }
    }));
    p.add(new Problem("powell_singular", 4, 4, new double[] {3, -1, 0, 1}, new double[] {0},
        (x, r, j) -> {
          double s5 = Math.sqrt(5), s10 = Math.sqrt(10);
          double a = x[1] - 2 * x[2];
          double b = x[0] - x[3];
          r[0] = x[0] + 10 * x[1];
          r[1] = s5 * (x[2] - x[3]);
          r[2] = a * a;
          r[3] = s10 * b * b;
          set(j, 1, 10, 0, 0, 0, 0, s5, -s5, 0, 2 * a, -4 * a, 0, 2 * s10 * b, 0, 0, -2 * s10 * b);
        }));
    p.add(new Problem("wood", 4, 6, new double[] {-3, -1, -3, -1}, new double[] {0},
        (x, r, j) -> {
          double s90 = Math.sqrt(90), s10 = Math.sqrt(10);
          r[0] = 10 * (x[1] - x[0] * x[0]);
          r[1] = 1 - x[0];
          r[2] = s90 * (x[3] - x[2] * x[2]);
          r[3] = 1 - x[2];
          r[4] = s10 * (x[1] + x[3] - 2);
          r[5] = (x[1] - x[3]) / s10;
          set(j, -20 * x[0], 10, 0, 0, -1, 0, 0, 0, 0, 0, -2 * s90 * x[2], s90, 0, 0, -1, 0,
              0, s10, 0, s10, 0, 1 / s10, 0, -1 / s10);
        }));
    p.add(new Problem("kowalik_osborne", 4, 11, new double[] {0.25, 0.39, 0.415, 0.39},
        new double[] {3.07505603849e-4, 1.02734e-3}, (x, r, j) -> {
          double[] y = {0.1957, 0.1947, 0.1735, 0.1600, 0.0844, 0.0627, 0.0456, 0.0342, 0.0323,
              0.0235, 0.0246};
          double[] u = {4, 2, 1, 0.5, 0.25, 0.167, 0.125, 0.1, 0.0833, 0.0714, 0.0625};
          for (int i = 0; i < 11; i++) {
            double nn = u[i] * u[i] + u[i] * x[1];
            double d = u[i] * u[i] + u[i] * x[2] + x[3];
            r[i] = y[i] - x[0] * nn / d;
            j[i * 4] = -nn / d;
            j[i * 4 + 1] = -x[0] * u[i] / d;
            j[i * 4 + 2] = x[0] * nn * u[i] / (d * d);
            j[i * 4 + 3] = x[0] * nn / (d * d);
          }
        }));
    p.add(new Problem("brown_dennis", 4, 20, new double[] {25, 5, -5, -1},
        new double[] {85822.2016263563}, (x, r, j) -> {
          for (int i = 1; i <= 20; i++) {
            double t = i / 5.0;
            double a = x[0] + t * x[1] - Math.exp(t);
            double b = x[2] + x[3] * Math.sin(t) - Math.cos(t);
            r[i - 1] = a * a + b * b;
            j[(i - 1) * 4] = 2 * a;
            j[(i - 1) * 4 + 1] = 2 * a * t;
            j[(i - 1) * 4 + 2] = 2 * b;
            j[(i - 1) * 4 + 3] = 2 * b * Math.sin(t);
          }
        }));
    p.add(new Problem("biggs_exp6", 6, 13, new double[] {1, 2, 1, 1, 1, 1},
        new double[] {0, 5.65565e-3, 0.306366}, (x, r, j) -> {
          for (int i = 1; i <= 13; i++) {
            double t = 0.1 * i;
            double y = Math.exp(-t) - 5 * Math.exp(-10 * t) + 3 * Math.exp(-4 * t);
            double a = Math.exp(-t * x[0]), b = Math.exp(-t * x[1]), c = Math.exp(-t * x[4]);
            r[i - 1] = x[2] * a - x[3] * b + x[5] * c - y;
            int o = (i - 1) * 6;
            j[o] = -t * x[2] * a;
            j[o + 1] = t * x[3] * b;
            j[o + 2] = a;
            j[o + 3] = -b;
            j[o + 4] = -t * x[5] * c;
            j[o + 5] = c;
          }
        }));
    p.add(watson(6, 2.28767005355e-3));
    p.add(watson(9, 1.39976e-6));
    p.add(extendedRosenbrock(10));
    p.add(trigonometric(10));
    return p;
  }

  static Problem watson(int n, double fstar) {
    return new Problem("watson_" + n, n, 31, new double[n], new double[] {fstar}, (x, r, j) -> {
      java.util.Arrays.fill(j, 0);
      for (int i = 1; i <= 29; i++) {
        double t = i / 29.0;
        double s1 = 0, s2 = 0;
        for (int k = 1; k <= n; k++) {
          if (k >= 2) s1 += (k - 1) * x[k - 1] * Math.pow(t, k - 2);
          s2 += x[k - 1] * Math.pow(t, k - 1);
        }
        r[i - 1] = s1 - s2 * s2 - 1;
        for (int k = 1; k <= n; k++) {
          double d = k >= 2 ? (k - 1) * Math.pow(t, k - 2) : 0;
          j[(i - 1) * n + k - 1] = d - 2 * s2 * Math.pow(t, k - 1);
        }
      }
      r[29] = x[0];
      j[29 * n] = 1;
      r[30] = x[1] - x[0] * x[0] - 1;
      j[30 * n] = -2 * x[0];
      j[30 * n + 1] = 1;
    });
  }

  static Problem extendedRosenbrock(int n) {
    double[] x0 = new double[n];
    for (int i = 0; i < n; i += 2) {
      x0[i] = -1.2;
      x0[i + 1] = 1;
    }
    return new Problem("ext_rosenbrock_" + n, n, n, x0, new double[] {0}, (x, r, j) -> {
      java.util.Arrays.fill(j, 0);
      for (int i = 0; i < n; i += 2) {
        r[i] = 10 * (x[i + 1] - x[i] * x[i]);
        r[i + 1] = 1 - x[i];
        j[i * n + i] = -20 * x[i];
        j[i * n + i + 1] = 10;
        j[(i + 1) * n + i] = -1;
      }
    });
  }

  static Problem trigonometric(int n) {
    double[] x0 = new double[n];
    java.util.Arrays.fill(x0, 1.0 / n);
    return new Problem("trigonometric_" + n, n, n, x0, new double[] {0, 2.79506e-5},
        (x, r, j) -> {
          double sumCos = 0;
          for (int k = 0; k < n; k++) sumCos += Math.cos(x[k]);
          for (int i = 1; i <= n; i++) {
            double xi = x[i - 1];
            r[i - 1] = n - sumCos + i * (1 - Math.cos(xi)) - Math.sin(xi);
            for (int k = 0; k < n; k++) j[(i - 1) * n + k] = Math.sin(x[k]);
            j[(i - 1) * n + i - 1] += i * Math.sin(xi) - Math.cos(xi);
          }
        });
  }

  private static void set(double[] j, double... v) {
    System.arraycopy(v, 0, j, 0, v.length);
  }
}
