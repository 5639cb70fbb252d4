package gradus.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** newton_cg against SciPy's Newton-CG: the same iterates and counts, iteration by iteration. */
class NewtonCgTest {
  /**
   * From {@code python3 bench/newton_cg_oracle.py} (SciPy 1.17.1, jac=True, hessp): for iteration
   * k = 1, 2, ...: evaluations so far, hessp calls so far, x_k. Chained Rosenbrock, n = 2.
   */
  static final double[][] SCIPY_2 = {
      {2, 1, -1.0566974440750523, 1.0584908391530399},
      {3, 2, -1.0308940228699568, 1.0689491107013913},
      {4, 4, -1.0226013163648089, 1.0620976240052034},
      {5, 5, -1.025723581068271, 1.0582463886156712},
      {6, 7, -1.0176719733516828, 1.0518005024601906},
      {7, 8, -1.0207146012648232, 1.0479273410850543},
      {8, 10, -1.0128757290946004, 1.0418418006380195},
      {9, 11, -1.0158455297409503, 1.0379431155834038},
      {10, 13, -1.0081957032034894, 1.032180558084606},
      {11, 15, -1.0110983911107312, 1.028253093706602},
      {12, 17, -1.003617563207929, 1.0227822805141018},
      {13, 19, -1.0064579796944255, 1.0188230347037959},
  };

  /** The same for n = 10. */
  static final double[][] SCIPY_10 = {
      {2, 1, -1.0764546489212596, 0.5461599348127908, -0.8243212793728101, 0.5461599348127908, -0.8243212793728101, 0.5461599348127908, -0.8243212793728101, 0.5461599348127908, -0.8243212793728101, 1.05042667390969},
      {3, 2, -0.7025263694722564, 0.3761373608963264, -0.44451199262621366, 0.24236505458627716, -0.44451199262621366, 0.24236505458627716, -0.44451199262621366, 0.24236505458627716, -0.6765674538527641, 0.9468918366624993},
      {4, 3, -0.5771880373939227, 0.15768718690909475, -0.058392933023345306, 0.048738007912552395, -0.11537676330484353, 0.048738007912552395, -0.11537676330484353, -0.028732394828901497, -0.6144514106147826, 0.6100045773088754},
      {6, 6, -0.5569958401347841, 0.1887224599738183, 0.01925750743432078, 0.03297567298449826, -0.04067192368483109, 0.019720404077119204, -0.06738624810653193, -0.05412070587404, -0.1785330084657033, 0.025947401457159125},
      {7, 7, -0.4696768271856738, 0.26014230278417605, 0.035120636470616695, 0.01811517275289172, -0.011344789789976748, 0.013393799744276808, -0.017431206322215398, -0.002725496094736879, -0.06551814123593586, 0.029375868960341875},
      {8, 8, -0.4860702388700115, 0.22430135840614765, 0.0668020849900586, 0.012649132823679611, 0.0043436415528760805, 0.01056739653722126, 0.00293416670693147, 0.007069106368157966, -0.01229173776191441, 0.011060343197218485},
      {9, 9, -0.4709609297908569, 0.23976855569626918, 0.06334265049337513, 0.013671655039387227, 0.007688614092546333, 0.010228282516735326, 0.007034899695087071, 0.008605868325228184, 0.00036845735890838824, 0.004838024906616262},
      {10, 10, -0.47259883534480596, 0.23417287992117725, 0.06685084951024993, 0.013974615557471535, 0.009597879117845244, 0.01013223309526339, 0.009345578982796355, 0.00961511425345899, 0.007556924685417158, 0.001254792218742985},
      {11, 11, -0.46982119289941593, 0.23569376701820466, 0.06597879710109553, 0.014356098127283473, 0.0100267420382633, 0.010160570237181454, 0.00986560247918229, 0.009936142589819282, 0.009087908758384326, 0.0005148431398854285},
      {12, 14, -0.46210623827527975, 0.22920999779243478, 0.06376530516981485, 0.014826020622495065, 0.010808102015514581, 0.01029280119973554, 0.010792073844621079, 0.010657520734976332, 0.011577202852621255, -0.0006160078510708851},
      {13, 17, -0.4542710553221428, 0.22144737761362945, 0.058449658896804285, 0.01283119388594082, 0.009330833721127748, 0.010054380434182712, 0.009069665348981388, 0.00931845184522072, 0.006928801025313107, 0.001500087019174532},
      {14, 18, -0.4534286753092921, 0.2182962381308889, 0.05956189247520686, 0.01352757263289831, 0.010263088420967133, 0.010167565747354682, 0.010184810894692541, 0.010121541146584206, 0.010056963506184662, 3.8995741957694504e-05},
  };

  @Test
  void followsScipyIterateByIterate() {
    for (double[][] scipy : new double[][][] {SCIPY_2, SCIPY_10}) {
      int n = scipy[0].length - 2;
      for (int k = 1; k <= scipy.length; k++) {
        ChainedRosenbrock f = new ChainedRosenbrock(n, false);
        Result r = Minimizer.run(f, ChainedRosenbrock.start(n),
            Methods.create("newton_cg", Map.of()), RunOptions.defaults().withSteps(k).withGtol(0));
        double[] row = scipy[k - 1];
        assertThat(r.iterations()).isEqualTo(k);
        assertThat(r.evaluations()).as("n=" + n + " k=" + k).isEqualTo((long) row[0]);
        assertThat(r.hessianEvaluations()).as("n=" + n + " k=" + k).isEqualTo((long) row[1]);
        for (int i = 0; i < n; i++) {
          assertThat(r.x()[i]).as("n=" + n + " k=" + k + " x" + (i + 1))
              .isCloseTo(row[2 + i], within(1e-10));
        }
      }
    }
  }

  @Test
  void convergesOnChainedRosenbrockAndCountsHessianVectorProducts() {
    ChainedRosenbrock f = new ChainedRosenbrock(100, false);
    Result r = Minimizer.run(f, ChainedRosenbrock.start(100), Methods.create("newton_cg", Map.of()),
        RunOptions.defaults().withSteps(5000));
    assertThat(r.status()).as(r.message()).isEqualTo("converged");
    // after the run, the stop message's saddle check (Curvature, seeded Lanczos) makes products
    // the run does not count; the same check again tells how many
    long all = f.hessianVectors;
    Curvature.at(f, r.x());
    long diagnostic = f.hessianVectors - all;
    assertThat(diagnostic).isBetween(1L, (long) Curvature.STEPS);
    assertThat(r.hessianEvaluations()).isEqualTo(all - diagnostic);
  }

  @Test
  void usesTheSparseOrDenseHessianWithoutProducts() {
    Objective dense = new SparseNewtonTest.DenseOnly(new ChainedRosenbrock(10, true));
    Result r = Minimizer.run(dense, ChainedRosenbrock.start(10), Methods.create("newton_cg", Map.of()),
        RunOptions.defaults().withSteps(12).withGtol(0));
    for (int i = 0; i < 10; i++) assertThat(r.x()[i]).isCloseTo(SCIPY_10[11][2 + i], within(1e-10));
    assertThat(r.hessianEvaluations()).isEqualTo(12); // one Hessian per iteration
  }

  @Test
  void negativeCurvatureEndsTheInnerIterations() {
    // x² - y² from (1, 0.5): the second CG direction has negative curvature, so p is the first
    // CG iterate, (-5/3, 5/6), a descent direction
    OneStep s = new OneStep(new SecondOrderTest.Saddle(), "newton_cg", 1, 0.5);
    assertThat(s.step()).isEqualTo(Driver.Outcome.OK);
    assertThat(s.next.f).isLessThan(s.cur.f);
    assertThat((s.next.x[0] - 1) / (s.next.x[1] - 0.5)).isCloseTo(-2, within(1e-12));
    assertThat(s.ev.hessians).isEqualTo(1); // a dense Hessian, once
  }

  @Test
  void validatesAndNeedsSecondDerivatives() {
    assertThatThrownBy(() -> Methods.create("newton_cg", Map.of("maxiter", -1)))
        .hasMessage("maxiter must be >= 0, got -1");
    assertThatThrownBy(() -> Minimizer.run(new RunsTest.Slope(), new double[2],
        Methods.create("newton_cg", Map.of()), RunOptions.defaults()))
        .hasMessageContaining("newton_cg needs Hessian-vector products");
  }

  @Test
  void ctrlCStopsTheInnerIterations() {
    AtomicBoolean flag = new AtomicBoolean();
    ChainedRosenbrock f = new ChainedRosenbrock(1000, false) {
      @Override
      public void hessianVector(double[] x, double[] v, double[] out) {
        super.hessianVector(x, v, out);
        if (hessianVectors == 1) flag.set(true); // Ctrl-C during the first CG loop
      }
    };
    Result r = Minimizer.run(f, ChainedRosenbrock.start(1000),
        Methods.create("newton_cg", Map.of()), RunOptions.defaults().withInterrupt(flag));
    // CG stops after its first product; the step along that direction is the only one
    assertThat(r.status()).isEqualTo("interrupted");
    assertThat(f.hessianVectors).isEqualTo(1);
    assertThat(r.iterations()).isEqualTo(1);
  }
}
