package gradus.optim;

/**
 * Hessian-vector products at one point for {@link NewtonCg}, from the best source the objective
 * has: its own {@link Objective#hessianVector} (each product counts as a Hessian evaluation, as
 * SciPy counts {@code hessp} calls), else its {@link SparseHessian} or dense Hessian, evaluated
 * once per point and multiplied (one Hessian evaluation per point).
 */
abstract class HessianProducts {
  /** Fixes the point x for the following products. */
  abstract void at(double[] x);

  /** out = ∇²f(x)·v at the fixed point. */
  abstract void times(double[] v, double[] out);

  /** Whether the objective offers any of the three. */
  static boolean available(Objective o) {
    return o.hasHessianVector() || o.sparseHessian() != null || o.hasHessian();
  }

  /** Whether the only source is a dense Hessian (limited to {@link LineSearchMethod#MAX_DENSE}). */
  static boolean denseOnly(Objective o) {
    return !o.hasHessianVector() && o.sparseHessian() == null;
  }

  static HessianProducts of(Evaluator ev, int n) {
    Objective o = ev.objective;
    if (o.hasHessianVector()) {
      return new HessianProducts() {
        double[] x;

        @Override
        void at(double[] point) {
          x = point;
        }

        @Override
        void times(double[] v, double[] out) {
          ev.hessians++;
          o.hessianVector(x, v, out);
        }
      };
    }
    SparseHessian sh = o.sparseHessian();
    if (sh != null) {
      int[] starts = sh.columnStarts();
      int[] rows = sh.rowIndices();
      double[] values = new double[starts[n]];
      return new HessianProducts() {
        @Override
        void at(double[] x) {
          ev.hessians++;
          sh.values(x, values);
        }

        @Override
        void times(double[] v, double[] out) {
          java.util.Arrays.fill(out, 0);
          for (int j = 0; j < n; j++) {
            double vj = v[j];
            for (int k = starts[j]; k < starts[j + 1]; k++) out[rows[k]] += values[k] * vj;
          }
        }
      };
    }
    double[] h = new double[n * n];
    return new HessianProducts() {
      @Override
      void at(double[] x) {
        ev.hessian(x, h);
      }

      @Override
      void times(double[] v, double[] out) {
        for (int i = 0; i < n; i++) {
          double s = 0;
          for (int j = 0; j < n; j++) s += h[i * n + j] * v[j];
          out[i] = s;
        }
      }
    };
  }
}
