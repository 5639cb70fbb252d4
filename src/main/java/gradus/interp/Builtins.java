package gradus.interp;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The table of built-in functions, gathered from each topic's class. */
final class Builtins {
  private Builtins() {}

  static Map<String, Builtin> all() {
    Map<String, Builtin> table = new TreeMap<>();
    CoreBuiltins.register(table);
    SymBuiltins.register(table);
    OptimBuiltins.register(table);
    DataBuiltins.register(table);
    ModelBuiltins.register(table);
    PlotBuiltins.register(table);
    SearchBuiltins.register(table);
    StudyBuiltins.register(table);
    return table;
  }

  static void add(Map<String, Builtin> table, String name, List<String> params, String help, Builtin.Body body) {
    table.put(name, new Builtin(name, params, help, body));
  }
}
