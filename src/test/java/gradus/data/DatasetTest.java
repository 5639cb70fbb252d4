package gradus.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class DatasetTest {
  private static Dataset sample() {
    return new Dataset(List.of("u1", "u2", "v", "w"), new double[][] {
        {1, 2, 3}, {10, 20, 30}, {-1, -2, -3}, {0.5, 0.25, 0.125}});
  }

  @Test
  void basicAccessors() {
    Dataset d = sample();
    assertThat(d.rows()).isEqualTo(3);
    assertThat(d.columns()).containsExactly("u1", "u2", "v", "w");
    assertThat(d.get(1, 2)).isEqualTo(-2);
    assertThat(d.get(2, "w")).isEqualTo(0.125);
    assertThat(d.hasColumn("v")).isTrue();
    assertThat(d.hasColumn("x")).isFalse();
    assertThat(d).hasToString("Dataset(3 rows: u1, u2, v, w)");
  }

  @Test
  void columnIsACopyAndConstructorCopies() {
    double[] col = {1, 2};
    Dataset d = new Dataset(List.of("a"), new double[][] {col});
    col[0] = 99;
    assertThat(d.get(0, 0)).isEqualTo(1);
    d.column("a")[1] = 99;
    assertThat(d.get(1, 0)).isEqualTo(2);
    assertThatThrownBy(() -> d.columns().add("b")).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void constructorValidates() {
    assertThatThrownBy(() -> new Dataset(List.of("a", "b"), new double[][] {{1, 2}, {3}}))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("column \"b\" has 1 rows, column \"a\" has 2");
    assertThatThrownBy(() -> new Dataset(List.of("a", "a"), new double[][] {{1}, {2}}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("duplicate column \"a\"");
    assertThatThrownBy(() -> new Dataset(List.of("a"), new double[][] {{1}, {2}}))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Dataset(List.of(" "), new double[][] {{1}}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("blank");
  }

  @Test
  void fromRowsTransposes() {
    Dataset d = Dataset.fromRows(List.of("a", "b"), new double[][] {{1, 2}, {3, 4}, {5, 6}});
    assertThat(d.column("a")).containsExactly(1, 3, 5);
    assertThat(d.column("b")).containsExactly(2, 4, 6);
  }

  @Test
  void unknownColumnListsTheAvailableOnes() {
    assertThatThrownBy(() -> sample().column("z")).isInstanceOf(DataException.class)
        .hasMessage("no column \"z\" in the data; the columns are u1, u2, v, w");
  }

  @Test
  void rowSelectAndWithColumn() {
    Dataset d = sample();
    assertThat(d.row(1)).containsExactly(2, 20, -2, 0.25);
    Dataset s = d.select(List.of("w", "u1"));
    assertThat(s.columns()).containsExactly("w", "u1");
    assertThat(s.row(0)).containsExactly(0.5, 1);
    assertThatThrownBy(() -> d.select(List.of("q"))).isInstanceOf(DataException.class);
    Dataset added = d.withColumn("p", new double[] {7, 8, 9});
    assertThat(added.columns()).containsExactly("u1", "u2", "v", "w", "p");
    assertThat(added.column("p")).containsExactly(7, 8, 9);
    Dataset replaced = d.withColumn("v", new double[] {0, 0, 0});
    assertThat(replaced.columns()).isEqualTo(d.columns());
    assertThat(replaced.column("v")).containsExactly(0, 0, 0);
    assertThat(d.column("v")).containsExactly(-1, -2, -3);
    assertThatThrownBy(() -> d.withColumn("p", new double[2]))
        .hasMessage("column \"p\" has 2 values, the data has 3 rows");
  }

  @Test
  void head() {
    Dataset h = sample().head(2);
    assertThat(h.rows()).isEqualTo(2);
    assertThat(h.column("u2")).containsExactly(10, 20);
    assertThat(sample().head(10)).isEqualTo(sample());
    assertThat(sample().head(0).rows()).isZero();
    assertThatThrownBy(() -> sample().head(-1)).hasMessage("n must be >= 0, got -1");
  }

  @Test
  void takeGathersRowsInTheGivenOrder() {
    Dataset t = sample().take(new int[] {2, 0, 2});
    assertThat(t.columns()).isEqualTo(sample().columns());
    assertThat(t.row(0)).containsExactly(sample().row(2));
    assertThat(t.row(1)).containsExactly(sample().row(0));
    assertThat(t.row(2)).containsExactly(sample().row(2));
    assertThat(sample().take(new int[0]).rows()).isZero();
    assertThatThrownBy(() -> sample().take(new int[] {3})).hasMessage("row 3 of a data set with 3 rows");
    assertThatThrownBy(() -> sample().take(new int[] {-1})).hasMessage("row -1 of a data set with 3 rows");
  }

  @Test
  void tableIsRightAlignedWithHeader() {
    Dataset d = new Dataset(List.of("x", "long_name"), new double[][] {{1, -2.5, 100}, {0.125, 3, 4}});
    assertThat(d.toTable(5)).isEqualTo(
        "   x  long_name\n"
            + "   1      0.125\n"
            + "-2.5          3\n"
            + " 100          4\n");
    assertThat(d.toTable(2, v -> "<" + v.intValue() + ">")).isEqualTo(
        "   x  long_name\n"
            + " <1>        <0>\n"
            + "<-2>        <3>\n"
            + "[3 rows x 2 columns]\n");
    assertThat(d.toTable(0)).isEqualTo("x  long_name\n[3 rows x 2 columns]\n");
  }

  @Test
  void tableUsesTheInstalledNumberFormat() {
    var old = Dataset.numberFormat();
    try {
      Dataset.setNumberFormat(v -> "n");
      assertThat(new Dataset(List.of("a"), new double[][] {{1}}).toTable(1)).isEqualTo("a\nn\n");
    } finally {
      Dataset.setNumberFormat(old);
    }
  }

  @Test
  void packIsRowMajorInTheGivenOrder() {
    assertThat(sample().pack(List.of("v", "u1"))).containsExactly(-1, 1, -2, 2, -3, 3);
    assertThat(sample().pack(List.of())).isEmpty();
  }

  @Test
  void packUnknownColumn() {
    assertThatThrownBy(() -> sample().pack(List.of("v", "x")))
        .isInstanceOf(DataException.class)
        .hasMessage("no column \"x\" in the data; the columns are u1, u2, v, w")
        .satisfies(e -> assertThat(((DataException) e).file()).isNull());
  }

  @Test
  void resolveScalarAndVectorFields() {
    Dataset d = sample();
    List<String> cols = d.resolveFields(List.of("u", "v"), List.of(2, 0));
    assertThat(cols).containsExactly("u1", "u2", "v");
    assertThat(d.pack(cols)).containsExactly(1, 10, -1, 2, 20, -2, 3, 30, -3);
    assertThat(d.resolveFields(List.of(), List.of())).isEmpty();
  }

  @Test
  void resolveMissingVectorColumn() {
    assertThatThrownBy(() -> sample().resolveFields(List.of("u"), List.of(3)))
        .isInstanceOf(DataException.class)
        .hasMessage("the field u[3] needs the columns u1..u3, but the data has no column \"u3\"; "
            + "the columns are u1, u2, v, w");
  }

  @Test
  void resolveMissingScalarColumnHintsAtVector() {
    assertThatThrownBy(() -> sample().resolveFields(List.of("u"), List.of(0)))
        .isInstanceOf(DataException.class)
        .hasMessageContaining("the field u needs a column \"u\"")
        .hasMessageContaining("declare the field as u[k]")
        .hasMessageEndingWith("the columns are u1, u2, v, w");
    assertThatThrownBy(() -> sample().resolveFields(List.of("y"), List.of(0)))
        .hasMessage("the field y needs a column \"y\", which the data does not have; the columns are u1, u2, v, w");
  }

  @Property(tries = 60)
  void packMatchesGet(@ForAll @IntRange(min = 1, max = 30) int rows, @ForAll @IntRange(min = 1, max = 6) int cols,
      @ForAll @LongRange(min = 0, max = 1000) long seed) {
    var rnd = new java.util.Random(seed);
    List<String> names = new ArrayList<>();
    double[][] data = new double[cols][rows];
    for (int c = 0; c < cols; c++) {
      names.add("c" + c);
      for (int r = 0; r < rows; r++) data[c][r] = rnd.nextGaussian();
    }
    Dataset d = new Dataset(names, data);
    List<String> pick = new ArrayList<>();
    int k = 1 + rnd.nextInt(cols + 2);
    for (int i = 0; i < k; i++) pick.add(names.get(rnd.nextInt(cols)));
    double[] packed = d.pack(pick);
    assertThat(packed).hasSize(rows * k);
    for (int r = 0; r < rows; r++) {
      for (int i = 0; i < k; i++) assertThat(packed[r * k + i]).isEqualTo(d.get(r, pick.get(i)));
    }
  }
}
