package gradus.interp;

import gradus.lang.GradusError;
import gradus.lang.Span;
import gradus.optim.Result;
import gradus.sym.Numbers;
import java.util.ArrayList;
import java.util.List;

/**
 * The result of one run: fields as in SPEC §6, printed as one line; lists of them as a table. A
 * global search's result also holds every run it tried ({@code runs}, SPEC §10.5; empty otherwise).
 */
public record ResultValue(Result r, List<Result> tried, double[] testValues) implements Value.Obj, Interpreter.HasFields {
  static final List<String> FIELDS = List.of("x", "f", "grad", "gnorm", "iterations", "evaluations", "status", "message",
      "path", "values", "gnorms", "method", "label", "time", "batch_losses", "epochs", "runs", "test_values", "state");

  public ResultValue(Result r) {
    this(r, List.of(), null);
  }

  public ResultValue(Result r, List<Result> tried) {
    this(r, tried, null);
  }

  public String kind() {
    return "result";
  }

  @Override
  public Value field(String name, Span span) {
    return switch (name) {
      case "x" -> new Value.Vec(r.x().clone());
      case "f" -> new Value.Num(r.f());
      case "grad" -> new Value.Vec(r.grad().clone());
      case "gnorm" -> new Value.Num(r.gnorm());
      case "iterations" -> new Value.Num(r.iterations());
      case "evaluations" -> new Value.Num(r.evaluations());
      case "status" -> new Value.Str(r.status());
      case "message" -> new Value.Str(r.message());
      case "path" -> new Value.Mat(r.path());
      case "values" -> new Value.Vec(r.values());
      case "gnorms" -> new Value.Vec(r.gnorms());
      case "method" -> new Value.Str(r.method());
      case "label" -> new Value.Str(r.label());
      case "time" -> new Value.Num(r.time());
      case "batch_losses" -> new Value.Vec(r.batchLosses() == null ? new double[0] : r.batchLosses());
      case "epochs" -> new Value.Num(r.epochs());
      case "runs" -> new Value.Lst(tried.stream().map(t -> (Value) new ResultValue(t)).toList());
      case "test_values" -> new Value.Vec(testValues == null ? new double[0] : testValues.clone());
      case "state" -> StateValue.of(r, span);
      default -> throw new GradusError(span, "a result has no field '" + name + "'" + Suggest.hint(name, FIELDS)
          + "; its fields are " + String.join(", ", FIELDS));
    };
  }

  @Override
  public List<String> fieldNames() {
    return FIELDS;
  }

  @Override
  public String toString() {
    return r.label() + ": " + r.status() + ", f = " + Numbers.format(r.f()) + ", x = " + Printer.vector(r.x(), r.x().length > 8)
        + ", iterations = " + r.iterations();
  }

  /**
   * An aligned table with the columns label, status, f, x, gnorm, iterations, evaluations and
   * time (s). Numbers are compact (six significant digits; x four, its middle elided beyond five
   * entries): a table is for comparing runs at a glance, {@code r.f} keeps every digit.
   */
  static String table(List<ResultValue> results) {
    String[] head = {"label", "status", "f", "x", "gnorm", "iterations", "evaluations", "time (s)"};
    boolean[] right = {false, false, true, false, true, true, true, true};
    List<String[]> rows = new ArrayList<>();
    rows.add(head);
    for (ResultValue v : results) {
      Result r = v.r();
      rows.add(new String[] {r.label(), r.status(), Printer.compact(r.f(), 6), Printer.compactVector(r.x(), 4, 4),
          Printer.compact(r.gnorm(), 3), Long.toString(r.iterations()), Long.toString(r.evaluations()),
          Printer.compact(r.time(), 3)});
    }
    return align(rows, right);
  }

  /** Rows of cells as aligned columns two spaces apart; the first row is the header, never right-aligned. */
  static String align(List<String[]> rows, boolean[] right) {
    int[] width = new int[right.length];
    for (String[] row : rows) for (int i = 0; i < row.length; i++) width[i] = Math.max(width[i], row[i].codePointCount(0, row[i].length()));
    StringBuilder out = new StringBuilder();
    for (int k = 0; k < rows.size(); k++) {
      String[] row = rows.get(k);
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.length; i++) {
        if (i > 0) line.append("  ");
        String pad = " ".repeat(width[i] - row[i].codePointCount(0, row[i].length()));
        line.append(right[i] && k > 0 ? pad + row[i] : row[i] + pad);
      }
      out.append(line.toString().stripTrailing());
      if (k + 1 < rows.size()) out.append('\n');
    }
    return out.toString();
  }
}
