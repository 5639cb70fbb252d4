package gradus.interp;

import static gradus.interp.Builtins.add;

import gradus.data.Csv;
import gradus.data.DataException;
import gradus.data.Dataset;
import gradus.data.Generators;
import gradus.optim.Mt19937;
import gradus.sym.Numbers;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** Data sets: csv files, seeded generators, head, split, predict. */
final class DataBuiltins {
  private DataBuiltins() {}

  static void register(Map<String, Builtin> t) {
    Dataset.setNumberFormat(Numbers::format);
    add(t, "csv", List.of("path"), "csv(\"file.csv\"): a numeric data set with a header row", a -> {
      String file = a.string("path");
      return data(a, () -> Csv.read(path(a, file), Interrupts::check));
    });
    add(t, "head", List.of("data", "n?"), "head(d, n=5): the first n rows of a data set", a -> {
      DataValue d = dataset(a);
      long n = a.integer("n", 5);
      if (n < 0) throw a.error("n", "n must be >= 0, got " + n);
      return new DataValue(d.data().head((int) Math.min(n, d.data().rows())));
    });
    add(t, "moons", List.of("n?", "noise?", "seed?"), "moons(n=200, noise=0.1, seed=0): two interleaving half circles; columns x1, x2, label",
        a -> data(a, () -> Generators.moons(count(a), a.number("noise", 0.1), a.integer("seed", 0))));
    add(t, "xor_data", List.of("n?", "noise?", "seed?"), "xor_data(n=200, noise=0.1, seed=0): four quadrants, label 1 where x1*x2 < 0; columns x1, x2, label",
        a -> data(a, () -> Generators.xorData(count(a), a.number("noise", 0.1), a.integer("seed", 0))));
    add(t, "blobs", List.of("n?", "centers?", "std?", "seed?"), "blobs(n=200, centers=3, std=1, seed=0): Gaussian clusters; columns x1, x2, label",
        a -> data(a, () -> Generators.blobs(count(a), (int) a.integer("centers", 3), a.number("std", 1), a.integer("seed", 0))));
    add(t, "linear_data", List.of("n?", "w?", "b?", "noise?", "seed?"),
        "linear_data(n=100, w=[2], b=1, noise=0.1, seed=0): y = w.x + b + noise; columns x1..xk, y",
        a -> data(a, () -> Generators.linearData(count(a, 100), a.has("w") ? a.vector("w") : new double[] {2},
            a.number("b", 1), a.number("noise", 0.1), a.integer("seed", 0))));
    add(t, "split", List.of("data", "frac", "seed?"), "split(d, 0.8, seed=0): [train, test], the rows shuffled as"
        + " scikit-learn's train_test_split(d, train_size=0.8, random_state=0) does", DataBuiltins::split);
    add(t, "predict", List.of("model", "x", "data"), "predict(model, x, d): the model at parameters x on every row of d",
        DataSupport::predict);
  }

  /**
   * {@code split(d, frac, seed=0)}: exactly scikit-learn's {@code train_test_split(d,
   * train_size=frac, random_state=seed)} — p = {@code RandomState(seed).permutation(n)}, the test
   * set is the first n − floor(frac·n) rows of p and the train set the rest, each in p's order.
   */
  private static Value split(Args a) {
    Dataset d = dataset(a).data();
    double frac = a.number("frac");
    if (!(frac > 0 && frac < 1)) {
      throw a.error("frac", "frac is the share of the rows that goes to training, strictly between 0 and 1, got "
          + Numbers.format(frac));
    }
    long seed = a.integer("seed", 0);
    if (seed < 0 || seed > 0xFFFFFFFFL) {
      throw a.error("seed", "seed must be between 0 and 2^32 - 1 (as in NumPy's RandomState), got " + seed);
    }
    int n = d.rows();
    int train = (int) Math.floor(frac * n);
    int test = n - train;
    if (train == 0 || test == 0) {
      throw a.error("data", "the data set has " + n + (n == 1 ? " row" : " rows") + ", so the " + (train == 0 ? "train" : "test")
          + " set would be empty (train gets floor(" + Numbers.format(frac) + " * " + n + ") = " + train + " rows, test the rest)");
    }
    int[] p = new Mt19937(seed).permutation(n);
    Dataset testSet = d.take(Arrays.copyOfRange(p, 0, test));
    Dataset trainSet = d.take(Arrays.copyOfRange(p, test, n));
    return new Value.Lst(List.of(new DataValue(trainSet), new DataValue(testSet)));
  }

  private static Path path(Args a, String file) {
    try {
      return Path.of(file);
    } catch (java.nio.file.InvalidPathException e) {
      throw a.error("path", "\"" + file + "\" is not a valid file name");
    }
  }

  private static int count(Args a) {
    return count(a, 200);
  }

  private static int count(Args a, long fallback) {
    long n = a.integer("n", fallback);
    if (n < 1 || n > 100_000_000) throw a.error("n", "n must be between 1 and 1e8, got " + n);
    return (int) n;
  }

  private static DataValue dataset(Args a) {
    if (a.get("data") instanceof DataValue d) return d;
    throw a.error("data", a.fn + " needs a data set, got a " + a.get("data").kind());
  }

  private static Value data(Args a, Supplier<Dataset> make) {
    try {
      return new DataValue(make.get());
    } catch (DataException e) {
      throw a.error("path", e.getMessage());
    } catch (IllegalArgumentException e) {
      throw a.error(e.getMessage());
    }
  }
}
