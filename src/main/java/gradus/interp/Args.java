package gradus.interp;

import gradus.lang.GradusError;
import gradus.lang.Span;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The arguments of one call of a built-in, bound to its parameter names. */
public final class Args {
  final Interpreter interp;
  final String fn;
  final Span span;
  private final Map<String, Value> values = new LinkedHashMap<>();
  private final Map<String, Span> spans = new LinkedHashMap<>();
  private final List<Value> rest = new ArrayList<>();
  private final Map<String, Value> extraKeywords = new LinkedHashMap<>();

  Args(Interpreter interp, Builtin b, Span span, List<Value> positional, List<Span> positionalSpans,
      Map<String, Value> keywords, Map<String, Span> keywordSpans) {
    this.interp = interp;
    this.fn = b.name();
    this.span = span;
    List<String> params = b.params();
    boolean anyKeyword = params.contains("**");
    int i = 0;
    for (String p : params) {
      if (p.equals("**")) continue;
      String name = p.replace("?", "").replace("*", "");
      if (p.endsWith("*") ) {
        for (; i < positional.size(); i++) rest.add(positional.get(i));
        continue;
      }
      if (i < positional.size()) {
        values.put(name, positional.get(i));
        spans.put(name, positionalSpans.get(i));
        i++;
      }
    }
    if (i < positional.size()) {
      long max = params.stream().filter(p -> !p.equals("**") && !p.endsWith("*")).count();
      throw new GradusError(positionalSpans.get(i), fn + "() takes at most " + max + " positional argument"
          + (max == 1 ? "" : "s") + ", got " + positional.size());
    }
    List<String> names = b.paramNames();
    for (Map.Entry<String, Value> kw : keywords.entrySet()) {
      String k = kw.getKey();
      Span ks = keywordSpans.get(k);
      if (names.contains(k)) {
        if (values.containsKey(k)) throw new GradusError(ks, fn + "() got '" + k + "' twice");
        values.put(k, kw.getValue());
        spans.put(k, ks);
      } else if (anyKeyword) {
        extraKeywords.put(k, kw.getValue());
        spans.put(k, ks);
      } else {
        throw new GradusError(ks, fn + "() has no argument '" + k + "'" + Suggest.hint(k, names)
            + (names.isEmpty() ? "" : "; it takes " + String.join(", ", names)));
      }
    }
    for (String p : params) {
      if (p.equals("**") || p.endsWith("?") || p.endsWith("*")) continue;
      if (!values.containsKey(p)) throw new GradusError(span, fn + "() is missing its argument '" + p + "'");
    }
  }

  public boolean has(String name) {
    return values.containsKey(name);
  }

  public Value get(String name) {
    return values.get(name);
  }

  public Span spanOf(String name) {
    return spans.getOrDefault(name, span);
  }

  public List<Value> rest() {
    return rest;
  }

  public Map<String, Value> extraKeywords() {
    return extraKeywords;
  }

  public Value get(String name, Value fallback) {
    return values.getOrDefault(name, fallback);
  }

  public double number(String name) {
    return Values.number(get(name), what(name), spanOf(name));
  }

  public double number(String name, double fallback) {
    return has(name) ? number(name) : fallback;
  }

  public long integer(String name) {
    return Values.integer(get(name), what(name), spanOf(name));
  }

  public long integer(String name, long fallback) {
    return has(name) ? integer(name) : fallback;
  }

  public double[] vector(String name) {
    return Values.vector(get(name), what(name), spanOf(name));
  }

  public double[][] matrix(String name) {
    return Values.matrix(get(name), what(name), spanOf(name));
  }

  public String string(String name) {
    return Values.string(get(name), what(name), spanOf(name));
  }

  public String string(String name, String fallback) {
    return has(name) ? string(name) : fallback;
  }

  public boolean bool(String name, boolean fallback) {
    return has(name) ? Values.bool(get(name), what(name), spanOf(name)) : fallback;
  }

  public List<Value> items(String name) {
    return Values.items(get(name), what(name), spanOf(name));
  }

  public GradusError error(String name, String message) {
    return new GradusError(spanOf(name), message);
  }

  public GradusError error(String message) {
    return new GradusError(span, message);
  }

  private String what(String name) {
    return fn + "'s argument '" + name + "'";
  }
}
