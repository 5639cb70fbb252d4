package gradus.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Newton on sparse Hessians (EJML's sparse Cholesky) and the shift of N&W Algorithm 3.3. */
class SparseNewtonTest {
  static Method newton() {
    return Methods.create("newton", Map.of());
  }

  @Test
  void sparseAndDenseFactorizationsTakeTheSameSteps() {
    int n = 40;
    Result sparse = Minimizer.run(new ChainedRosenbrock(n, false), ChainedRosenbrock.start(n),
        newton(), RunOptions.defaults().withSteps(30));
    Result dense = Minimizer.run(new DenseOnly(new ChainedRosenbrock(n, true)),
        ChainedRosenbrock.start(n), newton(), RunOptions.defaults().withSteps(30));
    assertThat(sparse.iterations()).isEqualTo(dense.iterations());
    for (int k = 0; k < sparse.path().length; k++) {
      for (int i = 0; i < n; i++) {
        assertThat(sparse.path()[k][i]).isCloseTo(dense.path()[k][i], within(1e-9));
      }
    }
  }

  @Test
  void chainedRosenbrockWithAThousandVariablesConverges() {
    int n = 1000;
    ChainedRosenbrock f = new ChainedRosenbrock(n, false);
    Result r = Minimizer.run(f, ChainedRosenbrock.start(n), newton(),
        RunOptions.defaults().withSteps(3000));
    assertThat(r.status()).as(r.message()).isEqualTo("converged");
    assertThat(r.gnorm()).isLessThanOrEqualTo(1e-6);
    // from this start Newton ends in the local minimum near x1 = -1 (f ≈ 3.98), as SciPy does
    assertThat(r.f()).isCloseTo(3.98662, within(1e-4));
    assertThat(r.hessianEvaluations()).isEqualTo(r.iterations());
  }

  @Test
  void noDimensionLimitForASparseHessian() {
    int n = 200_000;
    Result r = Minimizer.run(new ChainedRosenbrock(n, false), ChainedRosenbrock.start(n), newton(),
        RunOptions.defaults().withSteps(3));
    assertThat(r.iterations()).isEqualTo(3);
    assertThat(r.f()).isLessThan(r.values()[0]);
    assertThatThrownBy(() -> Minimizer.run(new DenseOnly(new ChainedRosenbrock(6000, true)),
        ChainedRosenbrock.start(6000), newton(), RunOptions.defaults()))
        .hasMessageContaining("newton stores a dense 6000x6000 matrix")
        .hasMessageContaining("newton_cg");
  }

  /** f = x·y: H = [[0, 1], [1, 0]], indefinite, and the sparse pattern has no diagonal. */
  @Test
  void shiftsAnIndefiniteHessianUntilItFactors() {
    for (boolean sparse : new boolean[] {true, false}) {
      Objective saddle = new Objective() {
        @Override
        public int dimension() {
          return 2;
        }

        @Override
        public double valueAndGradient(double[] x, double[] g) {
          g[0] = x[1];
          g[1] = x[0];
          return x[0] * x[1];
        }

        @Override
        public boolean hasHessian() {
          return !sparse;
        }

        @Override
        public void hessian(double[] x, double[] h) {
          h[0] = 0;
          h[1] = 1;
          h[2] = 1;
          h[3] = 0;
        }

        @Override
        public SparseHessian sparseHessian() {
          return !sparse ? null : new SparseHessian() {
            @Override
            public int dimension() {
              return 2;
            }

            @Override
            public int[] columnStarts() {
              return new int[] {0, 1, 2};
            }

            @Override
            public int[] rowIndices() {
              return new int[] {1, 0};
            }

            @Override
            public void values(double[] x, double[] v) {
              v[0] = 1;
              v[1] = 1;
            }
          };
        }
      };
      OneStep s = new OneStep(saddle, "newton", 1, 0.5);
      assertThat(s.step()).isEqualTo(Driver.Outcome.OK);
      // eigenvalues ±1, zero diagonal: β = 1e-3, doubled until τ > 1: 1e-3·2^10 = 1.024
      assertThat(s.driver.shift()).as("sparse " + sparse).isEqualTo(1.024);
      assertThat(s.next.f).isLessThan(s.cur.f);
    }
  }

  @Test
  void aPositiveDefiniteHessianIsNotShifted() {
    OneStep s = new OneStep(new Quadratic(), "newton", Quadratic.START);
    s.step();
    assertThat(s.driver.shift()).isEqualTo(0);
  }

  @Test
  void theSaddleShiftIsTheNegativeEigenvalueAndBeta() {
    // x² - y²: H = diag(2, -2), β = 1e-6·2, τ = 2 + β: the step leaves the saddle along y
    OneStep s = new OneStep(new SecondOrderTest.Saddle(), "newton", 1, 1);
    s.step();
    assertThat(s.driver.shift()).isEqualTo(2 + 2e-6);
    assertThat(s.next.x[1]).isGreaterThan(1);
  }

  /**
   * Projected Newton holds the active coordinates out of the same system: sparse and dense take
   * the same steps, with the shift (from 0.5 everywhere) and without it (near the solution with
   * x1 on its bound, where H is indefinite but H on the free coordinates is positive definite, so
   * LU on them gives a descent direction), and end at L-BFGS-B's minimizer of the bounded
   * 6-variable problem (SciPy's, in LbfgsBOracleTest), x1 on its bound.
   */
  @Test
  void boundedNewtonSolvesOnTheFreeCoordinatesSparseOrDense() {
    int n = 6;
    Bounds box = Bounds.uniform(n, -2, 0.8);
    double[] scipy = {0.8, 0.6651509758044282, 0.4588149471073993, 0.2224737952435798,
        0.0589055340510266, 0.0034698619317379614};
    for (boolean modify : new boolean[] {true, false}) {
      Method m = Methods.create("newton", Map.of("modify", modify));
      RunOptions o = RunOptions.defaults().withBounds(box).withSteps(200);
      double[] start = new double[n];
      for (int i = 0; i < n; i++) start[i] = modify ? 0.5 : i == 0 ? 0.8 : scipy[i] - 1e-3;
      Result sparse = Minimizer.run(new ChainedRosenbrock(n, false), start, m, o);
      Result dense = Minimizer.run(new DenseOnly(new ChainedRosenbrock(n, true)), start, m, o);
      assertThat(sparse.status()).as("modify=%s: %s", modify, sparse.message()).isEqualTo("converged");
      assertThat(sparse.iterations()).isEqualTo(dense.iterations());
      for (int k = 0; k < sparse.path().length; k++) {
        assertThat(box.contains(sparse.path()[k])).isTrue();
        for (int i = 0; i < n; i++) {
          assertThat(sparse.path()[k][i]).isCloseTo(dense.path()[k][i], within(1e-9));
        }
      }
      assertThat(sparse.x()[0]).isEqualTo(0.8);
      for (int i = 0; i < n; i++) assertThat(sparse.x()[i]).isCloseTo(scipy[i], within(1e-6));
    }
  }

  /** Hides a test objective's sparse Hessian, so Newton factors it densely. */
  record DenseOnly(Objective f) implements Objective {
    @Override
    public int dimension() {
      return f.dimension();
    }

    @Override
    public double valueAndGradient(double[] x, double[] g) {
      return f.valueAndGradient(x, g);
    }

    @Override
    public boolean hasHessian() {
      return true;
    }

    @Override
    public void hessian(double[] x, double[] h) {
      f.hessian(x, h);
    }
  }
}
