package gradus.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The Hessian's extreme eigenvalues: exact when dense, close from 30 Lanczos steps when large. */
class CurvatureTest {
  /** f = 0.5*x'Ax with A = tridiag(-1, 2 + shift, -1): eigenvalues 2 + shift - 2cos(k*pi/(n+1)). */
  static Objective laplacian(int n, double shift, boolean dense) {
    return new Objective() {
      public int dimension() {
        return n;
      }

      public double valueAndGradient(double[] x, double[] g) {
        hessianVector(x, x, g);
        return 0.5 * Vec.dot(x, g);
      }

      public boolean hasHessian() {
        return dense;
      }

      public void hessian(double[] x, double[] h) {
        java.util.Arrays.fill(h, 0);
        for (int i = 0; i < n; i++) {
          h[i * n + i] = 2 + shift;
          if (i > 0) h[i * n + i - 1] = -1;
          if (i + 1 < n) h[i * n + i + 1] = -1;
        }
      }

      public boolean hasHessianVector() {
        return true;
      }

      public void hessianVector(double[] x, double[] v, double[] out) {
        for (int i = 0; i < n; i++) {
          out[i] = (2 + shift) * v[i] - (i > 0 ? v[i - 1] : 0) - (i + 1 < n ? v[i + 1] : 0);
        }
      }
    };
  }

  static double eigen(int n, double shift, int k) {
    return 2 + shift - 2 * Math.cos(k * Math.PI / (n + 1));
  }

  @Test
  void aSmallHessianIsDecomposed() {
    Curvature.Extremes c = Curvature.at(laplacian(50, -1, true), new double[50]);
    assertThat(c.lowest()).isCloseTo(eigen(50, -1, 1), within(1e-12));
    assertThat(c.highest()).isCloseTo(eigen(50, -1, 50), within(1e-12));
    assertThat(c.how()).isEqualTo("the Hessian's eigenvalues");
  }

  @Test
  void aLargeOneIsProbedByLanczos() {
    int n = 100_000;
    Curvature.Extremes c = Curvature.at(laplacian(n, -1, false), new double[n]);
    // Ritz values lie inside the spectrum [-1, 3] and the extremes converge first
    assertThat(c.lowest()).isBetween(eigen(n, -1, 1) - 1e-9, -0.9);
    assertThat(c.highest()).isBetween(2.9, eigen(n, -1, n) + 1e-9);
    assertThat(c.how()).isEqualTo("30 Lanczos steps on Hessian-vector products");
  }

  @Test
  void noCurvatureWithoutSecondDerivatives() {
    assertThat(Curvature.at(new Objective() {
      public int dimension() {
        return 1;
      }

      public double valueAndGradient(double[] x, double[] g) {
        g[0] = 2 * x[0];
        return x[0] * x[0];
      }
    }, new double[1]).known()).isFalse();
  }
}
