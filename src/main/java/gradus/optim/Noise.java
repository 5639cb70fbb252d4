package gradus.optim;

import java.util.SplittableRandom;

/**
 * {@code noise=sigma}: seeded Gaussian noise of standard deviation sigma added to every coordinate
 * of each gradient a first-order method sees (the run's values and gradient norms stay exact).
 * The stream is seeded by the run's {@code seed}, apart from the one that shuffles minibatches.
 */
final class Noise {
  /** Keeps the noise's stream apart from the shuffling stream of the same seed. */
  private static final long SALT = 0x9E3779B97F4A7C15L;

  private final double sigma;
  private final SplittableRandom rng;

  private Noise(double sigma, long seed) {
    this.sigma = sigma;
    this.rng = new SplittableRandom(seed ^ SALT);
  }

  /** The run's noise, or null without noise=. */
  static Noise of(RunOptions o) {
    return o.noise() > 0 ? new Noise(o.noise(), o.seed()) : null;
  }

  /** Adds the noise to g in place (a minibatch gradient, which nothing else reads). */
  void add(double[] g) {
    for (int i = 0; i < g.length; i++) g[i] += sigma * rng.nextGaussian();
  }

  /** {@code into = g + noise}, leaving g (the exact gradient a run reports) as it is. */
  double[] added(double[] g, double[] into) {
    for (int i = 0; i < g.length; i++) into[i] = g[i] + sigma * rng.nextGaussian();
    return into;
  }
}
