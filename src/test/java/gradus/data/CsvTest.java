package gradus.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvTest {
  @TempDir Path dir;

  private Path file(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return p;
  }

  private DataException fails(ThrowingCallable call) {
    Throwable[] caught = new Throwable[1];
    assertThatThrownBy(() -> {
      try {
        call.call();
      } catch (Throwable t) {
        caught[0] = t;
        throw t;
      }
    }).isInstanceOf(DataException.class);
    return (DataException) caught[0];
  }

  @Test
  void readsNumbersInEveryAcceptedForm() throws IOException {
    Path p = file("data.csv", "x1, x2 ,y\n1,2.5,-3\n 4 ,+.5,1e-3\n-0.25,2.5E+02,7.\n");
    Dataset d = Csv.read(p);
    assertThat(d.columns()).containsExactly("x1", "x2", "y");
    assertThat(d.rows()).isEqualTo(3);
    assertThat(d.column("x1")).containsExactly(1, 4, -0.25);
    assertThat(d.column("x2")).containsExactly(2.5, 0.5, 250);
    assertThat(d.column("y")).containsExactly(-3, 1e-3, 7);
  }

  @Test
  void acceptsCrlfQuotesBlankLinesAndByteOrderMark() throws IOException {
    Path p = file("w.csv", "\uFEFFa,\"b\"\r\n1,\"2\"\r\n\r\n3,4\r\n\r\n");
    Dataset d = Csv.read(p);
    assertThat(d.columns()).containsExactly("a", "b");
    assertThat(d.column("a")).containsExactly(1, 3);
    assertThat(d.column("b")).containsExactly(2, 4);
  }

  @Test
  void lastLineWithoutNewline() throws IOException {
    assertThat(Csv.read(file("n.csv", "a\n1\n2")).column("a")).containsExactly(1, 2);
  }

  @Test
  void roundTripsThroughWrite() throws IOException {
    Dataset d = new Dataset(List.of("x1", "x,2", "y"), new double[][] {
        {0.1, -0.0, 1e300, 4.9e-324}, {1.0 / 3, 2, -7, 123456789.125}, {Math.PI, -1e-20, 0, 1e15 + 1}});
    Path p = dir.resolve("rt.csv");
    Csv.write(d, p);
    assertThat(Csv.read(p)).isEqualTo(d);
  }

  @Test
  void roundTripsGeneratedData() throws IOException {
    Dataset d = Generators.moons(50, 0.1, 3);
    Path p = dir.resolve("moons.csv");
    Csv.write(d, p);
    assertThat(Csv.read(p)).isEqualTo(d);
  }

  @Test
  void nonNumericCell() throws IOException {
    Path p = file("data.csv", "x1,x2,y\n1,2,3\n4,5,6\n7,abc,9\n");
    DataException e = fails(() -> Csv.read(p));
    assertThat(e.file()).isEqualTo(p.toString());
    assertThat(e.row()).isEqualTo(4);
    assertThat(e.column()).isEqualTo("x2");
    assertThat(e.getMessage()).isEqualTo(p + ": row 4, column \"x2\": \"abc\" is not a number");
  }

  @Test
  void rowNumbersCountBlankAndMultiLineRecords() throws IOException {
    Path p = file("d.csv", "a,b\n\n1,\"2\"\n\n3,x\n");
    DataException e = fails(() -> Csv.read(p));
    assertThat(e.row()).isEqualTo(5);
    assertThat(e.column()).isEqualTo("b");
  }

  @Test
  void hexAndJavaSuffixesAreNotNumbers() throws IOException {
    for (String bad : List.of("0x10", "1d", "2f", "1,5", "1e", "--1", "1 2")) {
      Path p = file("h.csv", "a\n\"" + bad + "\"\n");
      DataException e = fails(() -> Csv.read(p));
      assertThat(e.getMessage()).as(bad).endsWith("\"" + bad + "\" is not a number");
      assertThat(e.row()).isEqualTo(2);
    }
  }

  @Test
  void raggedRow() throws IOException {
    Path p = file("r.csv", "x1,x2,y\n1,2,3\n1,2,3\n1,2,3\n1,2\n");
    DataException e = fails(() -> Csv.read(p));
    assertThat(e.row()).isEqualTo(5);
    assertThat(e.column()).isNull();
    assertThat(e.getMessage()).isEqualTo(p + ": row 5 has 2 cells, but the header has 3 (x1, x2, y)");
  }

  @Test
  void tooManyCells() throws IOException {
    Path p = file("r.csv", "x1,x2\n1,2,3\n");
    assertThat(fails(() -> Csv.read(p)).getMessage()).contains("row 2 has 3 cells, but the header has 2");
  }

  @Test
  void emptyCell() throws IOException {
    Path p = file("e.csv", "a,b\n1,\n");
    DataException e = fails(() -> Csv.read(p));
    assertThat(e.row()).isEqualTo(2);
    assertThat(e.column()).isEqualTo("b");
    assertThat(e.getMessage()).contains("the cell is empty");
  }

  @Test
  void nanIsRejectedWithAReason() throws IOException {
    for (String nan : List.of("nan", "NaN", "-nan")) {
      Path p = file("nan.csv", "a,b\n1,2\n3," + nan + "\n");
      DataException e = fails(() -> Csv.read(p));
      assertThat(e.row()).isEqualTo(3);
      assertThat(e.column()).isEqualTo("b");
      assertThat(e.getMessage()).contains("\"" + nan + "\" is not allowed").contains("NaN");
    }
  }

  @Test
  void infinityIsRejected() throws IOException {
    for (String inf : List.of("inf", "-Infinity", "1e400")) {
      Path p = file("inf.csv", "a\n" + inf + "\n");
      DataException e = fails(() -> Csv.read(p));
      assertThat(e.row()).isEqualTo(2);
      assertThat(e.column()).isEqualTo("a");
    }
  }

  @Test
  void missingFile() {
    Path p = dir.resolve("nope.csv");
    DataException e = fails(() -> Csv.read(p));
    assertThat(e.file()).isEqualTo(p.toString());
    assertThat(e.row()).isZero();
    assertThat(e.column()).isNull();
    assertThat(e.getMessage()).isEqualTo(p + ": no such file");
  }

  @Test
  void directory() {
    assertThat(fails(() -> Csv.read(dir)).getMessage()).endsWith(": is a folder, not a CSV file");
  }

  @Test
  void emptyFile() throws IOException {
    for (String text : List.of("", "\n\n")) {
      Path p = file("empty.csv", text);
      DataException e = fails(() -> Csv.read(p));
      assertThat(e.file()).isEqualTo(p.toString());
      assertThat(e.getMessage()).contains("the file is empty");
    }
  }

  @Test
  void headerOnly() throws IOException {
    Path p = file("h.csv", "x1,x2,y\n");
    DataException e = fails(() -> Csv.read(p));
    assertThat(e.file()).isEqualTo(p.toString());
    assertThat(e.getMessage()).contains("no rows of data");
  }

  @Test
  void duplicateHeader() throws IOException {
    Path p = file("d.csv", "x1,x2,x1\n1,2,3\n");
    DataException e = fails(() -> Csv.read(p));
    assertThat(e.row()).isEqualTo(1);
    assertThat(e.column()).isEqualTo("x1");
    assertThat(e.getMessage()).contains("used twice").contains("cells 1 and 3");
  }

  @Test
  void blankHeaderName() throws IOException {
    Path p = file("b.csv", "x1, ,y\n1,2,3\n");
    DataException e = fails(() -> Csv.read(p));
    assertThat(e.row()).isEqualTo(1);
    assertThat(e.getMessage()).contains("header cell 2 is blank");
  }

  @Test
  void unterminatedQuote() throws IOException {
    Path p = file("q.csv", "a\n1\n\"2\n");
    DataException e = fails(() -> Csv.read(p));
    assertThat(e.row()).isEqualTo(3);
    assertThat(e.getMessage()).contains("malformed CSV");
  }

  @Test
  void notUtf8() throws IOException {
    Path p = dir.resolve("latin.csv");
    Files.write(p, new byte[] {'a', '\n', (byte) 0xE9, '\n'});
    assertThat(fails(() -> Csv.read(p)).getMessage()).contains("not UTF-8");
  }

  @Test
  void exampleHousingFileReads() {
    Path p = Path.of("scripts/data/housing.csv");
    Dataset d = Csv.read(p);
    assertThat(d.columns()).containsExactly("x1", "x2", "y");
    assertThat(d.rows()).isBetween(20, 100);
  }
}
