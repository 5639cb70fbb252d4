package gradus.interp;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import gradus.io.AtomicFile;
import gradus.io.IoErrors;
import gradus.optim.Result;
import gradus.sym.Numbers;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** save(value, "file.json" | "file.csv"): JSON through Jackson, CSV through Commons CSV. */
final class Save {
  private Save() {}

  private static final JsonFactory JSON = new JsonFactory();

  static void save(Value value, String file, Args a) {
    String lower = file.toLowerCase(Locale.ROOT);
    boolean json = lower.endsWith(".json");
    if (!json && !lower.endsWith(".csv")) {
      throw a.error("path", "save writes .json or .csv files, got \"" + file + "\"");
    }
    Path path;
    try {
      path = Path.of(file).toAbsolutePath();
    } catch (InvalidPathException e) {
      throw a.error("path", "cannot write \"" + file + "\": not a valid file name");
    }
    Path dir = path.getParent();
    if (Files.isDirectory(path)) throw a.error("path", "cannot write " + file + ": it is a folder");
    if (!Files.isDirectory(dir)) throw a.error("path", "cannot write " + file + ": no such folder " + dir);
    try {
      AtomicFile.write(path, tmp -> {
        if (json) {
          try (OutputStream out = Files.newOutputStream(tmp); JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            g.useDefaultPrettyPrinter();
            json(g, value);
          }
        } else {
          try (Writer w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(tmp), StandardCharsets.UTF_8), 1 << 16)) {
            csv(w, value, a);
          }
        }
      });
    } catch (IOException e) {
      throw a.error("path", "cannot write " + file + ": " + IoErrors.reason(e));
    }
  }

  static void json(JsonGenerator g, Value v) throws IOException {
    if (v instanceof Value.Num n) {
      number(g, n.v());
    } else if (v instanceof Value.Bool b) {
      g.writeBoolean(b.v());
    } else if (v instanceof Value.Str s) {
      g.writeString(s.s());
    } else if (v instanceof Value.Vec vec) {
      array(g, vec.v());
    } else if (v instanceof Value.Mat m) {
      g.writeStartArray();
      for (double[] row : m.m()) array(g, row);
      g.writeEndArray();
    } else if (v instanceof Value.Lst l) {
      g.writeStartArray();
      for (Value x : l.items()) {
        Interrupts.check();
        json(g, x);
      }
      g.writeEndArray();
    } else if (v instanceof Value.Range r) {
      json(g, Values.numericOrSelf(r));
    } else if (v instanceof Value.None) {
      g.writeNull();
    } else if (v instanceof ResultValue rv) {
      result(g, rv.r());
    } else if (v instanceof SparseMatrix h) {
      sparse(g, h);
    } else if (v instanceof DataValue d) {
      g.writeStartObject();
      for (String c : d.data().columns()) {
        g.writeFieldName(c);
        array(g, d.data().column(c));
      }
      g.writeEndObject();
    } else {
      g.writeString(v.toString());
    }
  }

  /** {"rows", "cols", "i", "j", "v"}, 1-based, as a coordinate list. */
  private static void sparse(JsonGenerator g, SparseMatrix h) throws IOException {
    int nnz = h.nnz();
    double[] is = new double[nnz];
    double[] js = new double[nnz];
    double[] vs = new double[nnz];
    int[] k = {0};
    h.forEach((r, c, x) -> {
      is[k[0]] = r;
      js[k[0]] = c;
      vs[k[0]++] = x;
    });
    g.writeStartObject();
    g.writeNumberField("rows", h.n());
    g.writeNumberField("cols", h.n());
    g.writeFieldName("i");
    array(g, is);
    g.writeFieldName("j");
    array(g, js);
    g.writeFieldName("v");
    array(g, vs);
    g.writeEndObject();
  }

  private static void number(JsonGenerator g, double d) throws IOException {
    if (!Double.isFinite(d)) g.writeNull();
    else if (d == Math.rint(d) && Math.abs(d) < 1e15) g.writeNumber((long) d);
    else g.writeNumber(d);
  }

  private static void array(JsonGenerator g, double[] v) throws IOException {
    g.writeStartArray();
    for (int i = 0; i < v.length; i++) {
      Interrupts.every(i);
      number(g, v[i]);
    }
    g.writeEndArray();
  }

  private static void result(JsonGenerator g, Result r) throws IOException {
    g.writeStartObject();
    g.writeStringField("method", r.method());
    g.writeStringField("label", r.label());
    g.writeStringField("status", r.status());
    g.writeStringField("message", r.message());
    g.writeFieldName("x");
    array(g, r.x());
    g.writeFieldName("f");
    number(g, r.f());
    g.writeFieldName("gnorm");
    number(g, r.gnorm());
    g.writeNumberField("iterations", r.iterations());
    g.writeNumberField("evaluations", r.evaluations());
    g.writeFieldName("time");
    number(g, r.time());
    g.writeFieldName("path");
    g.writeStartArray();
    for (double[] row : r.path()) array(g, row);
    g.writeEndArray();
    g.writeFieldName("values");
    array(g, r.values());
    g.writeEndObject();
  }

  /**
   * f at path row k. A data run keeps its full-data loss per epoch, not per update, so only the
   * start, the epoch ends and the final iterate have a value there; the other rows get nan.
   */
  private static double valueAt(Result r, int k) {
    return r.pathValues()[k];
  }

  /** Results: one row per kept iterate (label, iteration, x1..xn, f); numbers: one column "value". */
  private static void csv(Writer w, Value v, Args a) throws IOException {
    List<Result> results = new ArrayList<>();
    if (v instanceof ResultValue rv) results.add(rv.r());
    else if (v instanceof Value.Lst l && l.items().stream().allMatch(x -> x instanceof ResultValue)) {
      for (Value x : l.items()) results.add(((ResultValue) x).r());
    }
    try (CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').build())) {
      if (!results.isEmpty()) {
        int n = results.get(0).x().length;
        List<String> head = new ArrayList<>(List.of("label", "iteration"));
        for (int i = 1; i <= n; i++) head.add("x" + i);
        head.add("f");
        p.printRecord(head);
        for (Result r : results) {
          for (int k = 0; k < r.path().length; k++) {
            Interrupts.every(k);
            List<Object> row = new ArrayList<>();
            row.add(r.label());
            row.add(r.pathIterations() == null ? k : r.pathIterations()[k]);
            for (double x : r.path()[k]) row.add(Numbers.format(x));
            row.add(Numbers.format(valueAt(r, k)));
            p.printRecord(row);
          }
        }
        return;
      }
      Value n = Values.numericOrSelf(v);
      if (n instanceof Value.Vec vec) {
        p.printRecord("value");
        double[] values = vec.v();
        // a formatted number never needs CSV quoting, so it goes straight to the writer
        for (int i = 0; i < values.length; i++) {
          Interrupts.every(i);
          w.append(Numbers.format(values[i])).append('\n');
        }
      } else if (n instanceof Value.Mat m) {
        int cols = m.m().length == 0 ? 0 : m.m()[0].length;
        List<String> head = new ArrayList<>();
        for (int i = 1; i <= cols; i++) head.add("c" + i);
        p.printRecord(head);
        for (double[] row : m.m()) {
          Interrupts.check();
          for (int j = 0; j < row.length; j++) w.append(j == 0 ? "" : ",").append(Numbers.format(row[j]));
          w.append('\n');
        }
      } else if (n instanceof DataValue d) {
        d.writeCsv(p);
      } else {
        throw a.error("value", "save(..., \".csv\") writes results, lists, matrices and data sets; got a " + v.kind()
            + " (use .json for any value)");
      }
    }
  }
}
