package gradus.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * An immutable table of named numeric columns, all of the same length.
 *
 * <p>Stored column-major ({@code double[column][row]}): generators and the CSV reader fill columns,
 * {@link #column} is one array copy, and a run reads the data through {@link #pack} once, so rows
 * never need to be contiguous here. Rows and column positions are 0-based.
 */
public final class Dataset {
  private static volatile Function<Double, String> numberFormat = Dataset::plainFormat;

  private final List<String> names;
  private final double[][] cols;
  private final int rows;
  private final Map<String, Integer> index;

  /**
   * A data set from column arrays, copied. Every array must have the same length; names must be
   * unique and non-blank.
   */
  public Dataset(List<String> names, double[][] columns) {
    this(names, deepCopy(columns), true);
  }

  private Dataset(List<String> names, double[][] columns, boolean owned) {
    Objects.requireNonNull(names, "names");
    Objects.requireNonNull(columns, "columns");
    if (names.size() != columns.length) {
      throw new IllegalArgumentException(
          names.size() + " column names for " + columns.length + " columns");
    }
    this.names = List.copyOf(names);
    this.cols = columns;
    this.index = new HashMap<>();
    for (int c = 0; c < columns.length; c++) {
      String name = this.names.get(c);
      if (name.isBlank()) throw new IllegalArgumentException("column " + (c + 1) + " has a blank name");
      if (index.put(name, c) != null) throw new IllegalArgumentException("duplicate column \"" + name + "\"");
    }
    this.rows = columns.length == 0 ? 0 : columns[0].length;
    for (int c = 1; c < columns.length; c++) {
      if (columns[c].length != rows) {
        throw new IllegalArgumentException("column \"" + this.names.get(c) + "\" has " + columns[c].length
            + " rows, column \"" + this.names.get(0) + "\" has " + rows);
      }
    }
  }

  /** Takes ownership of {@code columns} without copying; for this package's builders. */
  static Dataset wrap(List<String> names, double[][] columns) {
    return new Dataset(names, columns, true);
  }

  /** A data set from row arrays ({@code rows[r][c]}), each as long as {@code names}. */
  public static Dataset fromRows(List<String> names, double[][] rows) {
    double[][] c = new double[names.size()][rows.length];
    for (int r = 0; r < rows.length; r++) {
      if (rows[r].length != names.size()) {
        throw new IllegalArgumentException("row " + r + " has " + rows[r].length + " values, expected " + names.size());
      }
      for (int j = 0; j < c.length; j++) c[j][r] = rows[r][j];
    }
    return wrap(names, c);
  }

  /** The hook every {@link #toTable(int)} uses to print numbers; the interpreter installs its own. */
  public static void setNumberFormat(Function<Double, String> format) {
    numberFormat = Objects.requireNonNull(format, "format");
  }

  public static Function<Double, String> numberFormat() {
    return numberFormat;
  }

  private static String plainFormat(Double v) {
    double d = v;
    if (Double.isNaN(d)) return "nan";
    if (Double.isInfinite(d)) return d > 0 ? "inf" : "-inf";
    if (d == Math.rint(d) && Math.abs(d) < 1e16) return Long.toString((long) d);
    return Double.toString(d);
  }

  public int rows() {
    return rows;
  }

  /** The column names in order (unmodifiable). */
  public List<String> columns() {
    return names;
  }

  public boolean hasColumn(String name) {
    return index.containsKey(name);
  }

  /** A copy of the named column's values; throws {@link DataException} for an unknown name. */
  public double[] column(String name) {
    return cols[indexOf(name)].clone();
  }

  /** The value at {@code row} in column position {@code col} (both 0-based). */
  public double get(int row, int col) {
    return cols[col][row];
  }

  /** The value at {@code row} (0-based) in the named column. */
  public double get(int row, String column) {
    return cols[indexOf(column)][row];
  }

  /** A copy of row {@code row} (0-based), one value per column in column order. */
  public double[] row(int row) {
    double[] out = new double[cols.length];
    for (int j = 0; j < cols.length; j++) out[j] = cols[j][row];
    return out;
  }

  /** Only the named columns, in the given order (unknown names → {@link DataException}). */
  public Dataset select(List<String> columnNames) {
    double[][] c = new double[columnNames.size()][];
    for (int k = 0; k < c.length; k++) c[k] = cols[indexOf(columnNames.get(k))];
    return wrap(columnNames, c); // columns are never mutated, so sharing them is safe
  }

  /**
   * This data set with column {@code name} set to a copy of {@code values} (one per row): replaced
   * in place if it exists, else appended — e.g. predictions next to the data.
   */
  public Dataset withColumn(String name, double[] values) {
    if (values.length != rows) {
      throw new IllegalArgumentException("column \"" + name + "\" has " + values.length + " values, the data has " + rows + " rows");
    }
    List<String> n = new ArrayList<>(names);
    double[][] c;
    Integer at = index.get(name);
    if (at != null) {
      c = cols.clone();
      c[at] = values.clone();
    } else {
      n.add(name);
      c = Arrays.copyOf(cols, cols.length + 1);
      c[cols.length] = values.clone();
    }
    return wrap(n, c);
  }

  /**
   * The rows at the given 0-based positions, in that order (a position may repeat), like NumPy's
   * {@code d[rows]}: a shuffle, a train or test split, a bootstrap sample.
   */
  public Dataset take(int[] rowPositions) {
    for (int r : rowPositions) {
      if (r < 0 || r >= rows) throw new IndexOutOfBoundsException("row " + r + " of a data set with " + rows + " rows");
    }
    double[][] c = new double[cols.length][rowPositions.length];
    for (int j = 0; j < cols.length; j++) {
      double[] src = cols[j];
      double[] dst = c[j];
      for (int i = 0; i < rowPositions.length; i++) dst[i] = src[rowPositions[i]];
    }
    return wrap(names, c);
  }

  /** The first {@code min(n, rows())} rows. */
  public Dataset head(int n) {
    if (n < 0) throw new IllegalArgumentException("n must be >= 0, got " + n);
    int k = Math.min(n, rows);
    double[][] c = new double[cols.length][];
    for (int j = 0; j < cols.length; j++) c[j] = Arrays.copyOf(cols[j], k);
    return wrap(names, c);
  }

  /** {@link #toTable(int, Function)} with the number format installed by {@link #setNumberFormat}. */
  public String toTable(int maxRows) {
    return toTable(maxRows, numberFormat);
  }

  /**
   * A short text table: a header row, then up to {@code maxRows} rows, each column right-aligned
   * to its widest cell and separated by two spaces; when rows are left out, a last line
   * {@code [R rows x C columns]}. Lines end with {@code \n}.
   */
  public String toTable(int maxRows, Function<Double, String> format) {
    if (maxRows < 0) throw new IllegalArgumentException("maxRows must be >= 0, got " + maxRows);
    int shown = Math.min(maxRows, rows);
    String[][] cells = new String[cols.length][shown];
    int[] width = new int[cols.length];
    for (int j = 0; j < cols.length; j++) {
      width[j] = names.get(j).length();
      for (int r = 0; r < shown; r++) {
        cells[j][r] = format.apply(cols[j][r]);
        width[j] = Math.max(width[j], cells[j][r].length());
      }
    }
    StringBuilder b = new StringBuilder();
    for (int r = -1; r < shown; r++) {
      for (int j = 0; j < cols.length; j++) {
        String s = r < 0 ? names.get(j) : cells[j][r];
        if (j > 0) b.append("  ");
        b.append(" ".repeat(width[j] - s.length())).append(s);
      }
      b.append('\n');
    }
    if (shown < rows) b.append('[').append(rows).append(" rows x ").append(cols.length).append(" columns]\n");
    return b.toString();
  }

  /**
   * The named columns packed row-major: element {@code r * names.size() + k} is row {@code r} of
   * column {@code names.get(k)}. This is the {@code fields} array of a compiled loss.
   *
   * @throws DataException naming the unknown column and listing the available ones
   */
  public double[] pack(List<String> columnNames) {
    int stride = columnNames.size();
    double[][] src = new double[stride][];
    for (int k = 0; k < stride; k++) src[k] = cols[indexOf(columnNames.get(k))];
    double[] out = new double[rows * stride];
    for (int k = 0; k < stride; k++) {
      double[] s = src[k];
      for (int r = 0, i = k; r < rows; r++, i += stride) out[i] = s[r];
    }
    return out;
  }

  /**
   * The columns bound to a loss's fields, in field order: a scalar field {@code u} (size 0) takes
   * column {@code u}; a vector field {@code u} of size k takes {@code u1..uk}. The result goes
   * straight to {@link #pack}.
   *
   * @throws DataException naming the field and the missing column and listing the available ones
   */
  public List<String> resolveFields(List<String> fieldNames, List<Integer> fieldSizes) {
    if (fieldNames.size() != fieldSizes.size()) {
      throw new IllegalArgumentException(fieldNames.size() + " field names but " + fieldSizes.size() + " sizes");
    }
    List<String> out = new ArrayList<>();
    for (int f = 0; f < fieldNames.size(); f++) {
      String name = fieldNames.get(f);
      int size = fieldSizes.get(f);
      if (size < 0) throw new IllegalArgumentException("field " + name + " has size " + size);
      if (size == 0) {
        if (!index.containsKey(name)) {
          String hint = hasColumn(name + "1") ? " (there is a column \"" + name + "1\": for columns "
              + name + "1.." + name + "k declare the field as " + name + "[k])" : "";
          throw new DataException("the field " + name + " needs a column \"" + name
              + "\", which the data does not have" + hint + "; the columns are " + available());
        }
        out.add(name);
      } else {
        for (int i = 1; i <= size; i++) {
          String col = name + i;
          if (!index.containsKey(col)) {
            throw new DataException("the field " + name + "[" + size + "] needs the columns " + name + "1.."
                + name + size + ", but the data has no column \"" + col + "\"; the columns are " + available());
          }
          out.add(col);
        }
      }
    }
    return Collections.unmodifiableList(out);
  }

  private int indexOf(String name) {
    Integer c = index.get(name);
    if (c == null) throw new DataException("no column \"" + name + "\" in the data; the columns are " + available());
    return c;
  }

  private String available() {
    return names.isEmpty() ? "(none)" : String.join(", ", names);
  }

  private static double[][] deepCopy(double[][] a) {
    double[][] c = new double[a.length][];
    for (int i = 0; i < a.length; i++) c[i] = a[i].clone();
    return c;
  }

  /** Same names in the same order and bit-identical values. */
  @Override
  public boolean equals(Object o) {
    return o instanceof Dataset d && names.equals(d.names) && Arrays.deepEquals(cols, d.cols);
  }

  @Override
  public int hashCode() {
    return 31 * names.hashCode() + Arrays.deepHashCode(cols);
  }

  @Override
  public String toString() {
    return "Dataset(" + rows + (rows == 1 ? " row: " : " rows: ") + String.join(", ", names) + ")";
  }
}
