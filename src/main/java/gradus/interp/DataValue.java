package gradus.interp;

import gradus.data.Dataset;
import gradus.lang.GradusError;
import gradus.lang.Span;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVPrinter;

/** A data set value: prints as its first rows; {@code d.rows}, {@code d.columns}, {@code d["col"]}. */
public record DataValue(Dataset data) implements Value.Obj, Interpreter.HasFields, Interpreter.Indexable, CoreBuiltins.Sized {
  public String kind() {
    return "data set";
  }

  public int size() {
    return data.rows();
  }

  @Override
  public Value field(String name, Span span) {
    return switch (name) {
      case "rows" -> new Value.Num(data.rows());
      case "columns" -> {
        List<Value> names = new ArrayList<>();
        for (String c : data.columns()) names.add(new Value.Str(c));
        yield new Value.Lst(names);
      }
      default -> {
        if (data.hasColumn(name)) yield new Value.Vec(data.column(name));
        throw new GradusError(span, "a data set has no field '" + name + "'; use rows, columns, or a column name ("
            + String.join(", ", data.columns()) + ")");
      }
    };
  }

  @Override
  public List<String> fieldNames() {
    List<String> names = new ArrayList<>(List.of("rows", "columns"));
    names.addAll(data.columns());
    return names;
  }

  @Override
  public Value index(Value key, Span span) {
    if (key instanceof Value.Str s) {
      if (!data.hasColumn(s.s())) {
        throw new GradusError(span, "no column \"" + s.s() + "\"" + Suggest.hint(s.s(), data.columns()) + "; the columns are "
            + String.join(", ", data.columns()));
      }
      return new Value.Vec(data.column(s.s()));
    }
    long row = Values.integer(key, "a row index", span);
    if (row < 1 || row > data.rows()) throw new GradusError(span, "row " + row + " is out of range 1.." + data.rows());
    return new Value.Vec(data.row((int) row - 1));
  }

  /** One line for a data set inside a list, e.g. the two parts of a split. */
  String summary() {
    int k = data.columns().size();
    return "<data set: " + data.rows() + (data.rows() == 1 ? " row x " : " rows x ") + k + (k == 1 ? " column>" : " columns>");
  }

  @Override
  public String toString() {
    return data.toTable(5).stripTrailing();
  }

  void writeCsv(CSVPrinter p) throws IOException {
    p.printRecord(data.columns());
    for (int r = 0; r < data.rows(); r++) {
      Interrupts.every(r);
      List<String> cells = new ArrayList<>();
      for (double v : data.row(r)) cells.add(gradus.sym.Numbers.format(v));
      p.printRecord(cells);
    }
  }
}
