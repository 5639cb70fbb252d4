package gradus.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The generator draws what NumPy 2's legacy {@code np.random.RandomState(seed)} draws (values printed by NumPy). */
class Mt19937Test {
  @Test
  void doublesMatchRandomSample() {
    // np.random.RandomState(0).random_sample(), twice
    Mt19937 r = new Mt19937(0);
    assertThat(r.nextDouble()).isEqualTo(0.5488135039273248);
    assertThat(r.nextDouble()).isEqualTo(0.7151893663724195);
    // np.random.RandomState(0).uniform(-512, 512)
    assertThat(new Mt19937(0).uniform(-512, 512)).isEqualTo(49.98502802158055);
  }

  @Test
  void integersAndShufflesMatchRandintAndPermutation() {
    // [np.random.RandomState(7).randint(5) for _ in range(8)]
    Mt19937 r = new Mt19937(7);
    int[] got = new int[8];
    for (int i = 0; i < 8; i++) got[i] = r.below(5);
    assertThat(got).containsExactly(4, 1, 3, 3, 4, 1, 0, 1);
    // np.random.RandomState(0).permutation(range(10))
    int[] p = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
    new Mt19937(0).shuffle(p);
    assertThat(p).containsExactly(2, 8, 4, 9, 1, 6, 7, 3, 0, 5);
  }

  @Test
  void permutationsMatchNumpysOnDataSetSizes() {
    // p = np.random.RandomState(seed).permutation(n); p[:8] and sum(i*p[i]), which any swap changes
    record Case(int n, long seed, int[] head, long weighted) {}
    for (Case c : new Case[] {
        new Case(150, 0, new int[] {114, 62, 33, 107, 7, 100, 40, 86}, 831449),
        new Case(1797, 0, new int[] {1081, 1707, 927, 713, 262, 182, 303, 895}, 1458534993),
        new Case(1797, 42, new int[] {1245, 220, 1518, 438, 1270, 832, 692, 1309}, 1458914481)}) {
      int[] p = new Mt19937(c.seed()).permutation(c.n());
      long weighted = 0;
      for (int i = 0; i < p.length; i++) weighted += (long) i * p[i];
      assertThat(Arrays.copyOf(p, 8)).as("n=%d seed=%d", c.n(), c.seed()).containsExactly(c.head());
      assertThat(weighted).isEqualTo(c.weighted());
      assertThat(Arrays.stream(p).sorted().toArray()).isEqualTo(IntStream.range(0, c.n()).toArray());
    }
  }

  @Test
  void seedsOutsideNumpysRangeAreRefused() {
    assertThatThrownBy(() -> new Mt19937(-1)).isInstanceOf(BadArgument.class).hasMessageContaining("seed must be between 0");
    assertThat(new Mt19937(0xFFFFFFFFL).nextDouble()).isBetween(0.0, 1.0);
  }
}
