package gradus.cli;

import gradus.interp.HelpTopics;
import gradus.interp.Interpreter;
import gradus.interp.Value;
import java.util.Map;
import java.util.TreeMap;

/** The text of {@code :help} and {@code :vars}. */
public final class Help {
  private Help() {}

  /** The text of {@code :help TOPIC} ({@code ""} for the overview), also the kernel's inspection. */
  public static String topic(String topic, Interpreter interp) {
    return HelpTopics.topic(topic, interp);
  }

  static String vars(Interpreter interp) {
    Map<String, Value> shown = new TreeMap<>();
    for (Map.Entry<String, Value> e : interp.globals().entrySet()) {
      if (!Interpreter.PREDEFINED.contains(e.getKey()) || e.getValue() != Interpreter.predefined(e.getKey())) {
        shown.put(e.getKey(), e.getValue());
      }
    }
    if (shown.isEmpty()) return "no bindings yet";
    int width = shown.keySet().stream().mapToInt(String::length).max().orElse(0);
    StringBuilder out = new StringBuilder();
    for (Map.Entry<String, Value> e : shown.entrySet()) {
      String text = gradus.interp.Printer.print(e.getValue()).replace('\n', ' ');
      if (text.length() > 60) text = text.substring(0, 57) + "...";
      out.append(String.format("%-" + width + "s  %-10s  %s%n", e.getKey(), e.getValue().kind(), text));
    }
    return out.toString().stripTrailing();
  }

  /** The topics of {@code :help TOPIC} (the notebook kernel inspects them too). */
  public static final java.util.List<String> TOPICS = java.util.List.of("language", "models", "optimizers", "plots", "data", "minima", "repl");
}
