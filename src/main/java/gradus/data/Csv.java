package gradus.data;

import gradus.io.IoErrors;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads numeric CSV files (UTF-8, comma-separated, RFC 4180 quoting, via Apache Commons CSV).
 *
 * <p>The first line is the header and names the columns: names must be non-blank and distinct.
 * Every later line is one row with as many cells as the header; every cell is a finite decimal
 * number: an optional sign, digits with an optional point, an optional exponent ({@code 3},
 * {@code -0.5}, {@code .5}, {@code 1e-3}, {@code 2.5E+04}); spaces around names and cells are
 * ignored. Blank lines are skipped. Anything else is a {@link DataException} naming the file, the
 * line (header = 1) and the column; no partial data is ever returned.
 */
public final class Csv {
  private Csv() {}

  private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
  private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
      .setIgnoreEmptyLines(false) // keep one record per line so record lines match file lines
      .setIgnoreSurroundingSpaces(true)
      .setTrim(true)
      .build();

  /** Reads {@code file}; see the class comment for the format and the errors. */
  public static Dataset read(Path file) {
    return read(file, () -> { });
  }

  /**
   * Reads {@code file}, calling {@code checkpoint} every few thousand rows: it may throw (an
   * unchecked exception, e.g. on Ctrl-C) to stop reading a large file; the file is closed then.
   */
  public static Dataset read(Path file, Runnable checkpoint) {
    String name = file.toString();
    if (name.isEmpty()) throw new DataException("csv() needs a file name, got \"\"");
    if (Files.isDirectory(file)) throw new DataException(name, 0, null, "is a folder, not a CSV file");
    if (Files.exists(file) && !Files.isRegularFile(file)) {
      throw new DataException(name, 0, null, "is not a regular file (a device or a pipe); csv() reads files");
    }
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser parser = CSVParser.parse(in, FORMAT)) {
      return parse(name, parser, checkpoint);
    } catch (NoSuchFileException e) {
      throw new DataException(name, 0, null, file.isAbsolute() ? "no such file"
          : "no such file here (a relative path is read from the folder gradus runs in, as Python's open() does)");
    } catch (CharacterCodingException e) {
      throw new DataException(name, 0, null, "the file is not UTF-8 text");
    } catch (IOException e) {
      throw new DataException(name, 0, null, "cannot read the file: " + IoErrors.reason(e));
    }
  }

  private static Dataset parse(String file, CSVParser parser, Runnable checkpoint) {
    Iterator<CSVRecord> it = parser.iterator();
    long[] line = new long[1];
    CSVRecord header = next(file, parser, it, line);
    while (header != null && isBlank(header)) header = next(file, parser, it, line);
    if (header == null) throw new DataException(file, 0, null, "the file is empty; it needs a header row naming the columns");
    long headerLine = line[0];
    List<String> names = headerNames(file, header, headerLine);
    int width = names.size();
    List<double[]> rows = new ArrayList<>();
    for (CSVRecord rec = next(file, parser, it, line); rec != null; rec = next(file, parser, it, line)) {
      if ((rows.size() & 4095) == 0) checkpoint.run();
      if (isBlank(rec)) continue;
      if (rec.size() != width) {
        throw DataException.worded(file, line[0], null, file + ": row " + line[0] + " has " + cells(rec.size())
            + ", but the header has " + width + " (" + String.join(", ", names) + ")");
      }
      double[] row = new double[width];
      for (int c = 0; c < width; c++) row[c] = number(file, line[0], names.get(c), rec.get(c));
      rows.add(row);
    }
    if (rows.isEmpty()) {
      throw new DataException(file, 0, null, "the file has a header (" + String.join(", ", names) + ") but no rows of data");
    }
    double[][] cols = new double[width][rows.size()];
    for (int r = 0; r < rows.size(); r++) {
      double[] row = rows.get(r);
      for (int c = 0; c < width; c++) cols[c][r] = row[c];
    }
    return Dataset.wrap(names, cols);
  }

  /** The next record, with {@code line[0]} set to the file line it starts on; null at the end. */
  private static CSVRecord next(String file, CSVParser parser, Iterator<CSVRecord> it, long[] line) {
    long before = parser.getCurrentLineNumber();
    try {
      if (!it.hasNext()) return null;
      CSVRecord rec = it.next();
      line[0] = before + 1;
      return rec;
    } catch (UncheckedIOException | IllegalStateException e) {
      if (e.getCause() instanceof CharacterCodingException) {
        throw new DataException(file, before + 1, null, "the file is not UTF-8 text");
      }
      if (e.getCause() instanceof IOException io && !(io instanceof CSVException)) {
        throw new DataException(file, before + 1, null, "cannot read the file: " + IoErrors.reason(io));
      }
      // Commons CSV's own complaints (an unterminated quote, text after a closing quote)
      throw new DataException(file, before + 1, null, "malformed CSV ("
          + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()) + ")");
    }
  }

  private static boolean isBlank(CSVRecord rec) {
    return rec.size() == 1 && rec.get(0).isEmpty();
  }

  private static List<String> headerNames(String file, CSVRecord header, long line) {
    List<String> names = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    for (int c = 0; c < header.size(); c++) {
      String n = header.get(c);
      if (c == 0 && n.startsWith("\uFEFF")) n = n.substring(1).strip(); // byte-order mark
      if (n.isBlank()) {
        throw new DataException(file, line, null, "header cell " + (c + 1) + " is blank; every column needs a name");
      }
      Integer prev = seen.put(n, c);
      if (prev != null) {
        throw new DataException(file, line, n, "the name is used twice in the header (cells " + (prev + 1)
            + " and " + (c + 1) + "); column names must be distinct");
      }
      names.add(n);
    }
    return names;
  }

  private static double number(String file, long line, String column, String cell) {
    if (cell.isEmpty()) {
      throw new DataException(file, line, column, "the cell is empty; every cell must be a number");
    }
    if (NUMBER.matcher(cell).matches()) {
      double v = Double.parseDouble(cell);
      if (Double.isInfinite(v)) {
        throw new DataException(file, line, column, "\"" + cell + "\" is too large for a double");
      }
      return v;
    }
    String lower = cell.toLowerCase(Locale.ROOT);
    if (lower.equals("nan") || lower.equals("+nan") || lower.equals("-nan")) {
      throw new DataException(file, line, column, "\"" + cell + "\" is not allowed: a missing value (NaN) would"
          + " make every mean loss over the data NaN; remove the row or fill in a number");
    }
    if (lower.matches("[+-]?(inf|infinity)")) {
      throw new DataException(file, line, column, "\"" + cell + "\" is not allowed: values must be finite");
    }
    throw new DataException(file, line, column, "\"" + cell + "\" is not a number");
  }

  private static String cells(int n) {
    return n == 1 ? "1 cell" : n + " cells";
  }

  /**
   * Writes {@code data} as CSV (header, then one line per row; integral values as integers, others
   * in {@link Double#toString}'s round-trip form) so that {@link #read} gives back an equal data set.
   */
  public static void write(Dataset data, Path file) throws IOException {
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').build())) {
      printer.printRecord(data.columns());
      int k = data.columns().size();
      String[] cells = new String[k];
      for (int r = 0; r < data.rows(); r++) {
        for (int c = 0; c < k; c++) cells[c] = cell(data.get(r, c));
        printer.printRecord((Object[]) cells);
      }
    }
  }

  private static String cell(double v) {
    boolean integral = v == Math.rint(v) && Math.abs(v) < 1e15 && !(v == 0 && 1 / v < 0);
    return integral ? Long.toString((long) v) : Double.toString(v);
  }
}
