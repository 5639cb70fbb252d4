package gradus.interp;

import gradus.compile.CompiledFunction;
import gradus.compile.Compiler;
import gradus.lang.GradusError;
import gradus.lang.Span;
import gradus.sym.Derivatives;
import gradus.sym.ScalarFunction;
import gradus.sym.Signature;
import gradus.sym.SymFunction;
import gradus.sym.VarRef;
import gradus.sym.VarSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A function value: a declared objective, or one derived from it ({@code grad}, {@code hessian},
 * {@code diff}). Declared functions and their gradients and Hessians evaluate through the compiled
 * form; other derived functions through the symbolic evaluator.
 */
public final class FunctionValue implements Value.Obj {
  /** How this value relates to the declared function it came from. */
  enum Role { DECLARED, GRADIENT, HESSIAN, OTHER }

  private final String name;
  private final SymFunction fn;
  private final ScalarFunction declared;
  private final Role role;
  /** One compiled form of the declared function, shared with its gradient and Hessian values. */
  private final CompiledOnce compiled;

  /** Compiles the declared function the first time it is needed. */
  private static final class CompiledOnce {
    private final ScalarFunction declared;
    private CompiledFunction value;

    CompiledOnce(ScalarFunction declared) {
      this.declared = declared;
    }

    CompiledFunction get() {
      if (value == null) value = Compiler.compile(declared.signature(), declared.body());
      return value;
    }
  }

  private FunctionValue(String name, SymFunction fn, ScalarFunction declared, Role role, CompiledOnce compiled) {
    this.name = name;
    this.fn = fn;
    this.declared = declared;
    this.role = role;
    this.compiled = compiled;
  }

  static FunctionValue declared(String name, ScalarFunction f) {
    return new FunctionValue(name, f, f, Role.DECLARED, new CompiledOnce(f));
  }

  public String name() {
    return name;
  }

  public String kind() {
    return "function";
  }

  public boolean isDeclared() {
    return role == Role.DECLARED;
  }

  ScalarFunction declared() {
    return declared;
  }

  /** The declared function this one was derived from (itself when declared). */
  ScalarFunction base() {
    return declared;
  }

  public Signature signature() {
    return fn.signature();
  }

  public SymFunction symbolic() {
    return fn;
  }

  String describeShape() {
    if (fn.cols() > 1) return "matrix-valued (" + fn.rows() + "x" + fn.cols() + ")";
    if (fn.rows() > 1 || role == Role.GRADIENT) return "vector-valued (" + fn.rows() + " entries)";
    return "scalar-valued";
  }

  CompiledFunction compiled() {
    return compiled.get();
  }

  FunctionValue gradient() {
    return new FunctionValue("grad(" + name + ")", Derivatives.grad(declared), declared, Role.GRADIENT, compiled);
  }

  FunctionValue hessian() {
    return new FunctionValue("hessian(" + name + ")", Derivatives.hessian(declared), declared, Role.HESSIAN, compiled);
  }

  FunctionValue diff(List<VarRef> refs, String label) {
    return new FunctionValue(label, Derivatives.diff(declared, refs), declared, Role.OTHER, compiled);
  }

  String latex() {
    return fn.latex();
  }

  @Override
  public String toString() {
    return fn.text();
  }

  /** {@code f(1, 2)}, {@code f([1, 2])}, {@code rosen([1, 1, 1])}; fields follow the variables. */
  Value call(Interpreter interp, List<Value> positional, List<Span> spans, Map<String, Value> keywords,
      Map<String, Span> keywordSpans, Span span) {
    if (keywords.containsKey("data")) return DataSupport.meanLoss(this, positional, spans, keywords, keywordSpans, span);
    if (!keywords.isEmpty()) {
      String k = keywords.keySet().iterator().next();
      throw new GradusError(keywordSpans.get(k), name + "(...) takes no argument '" + k + "' (only data=)");
    }
    Signature sig = signature();
    int n = sig.dimension();
    int m = sig.fieldCount();
    double[] flat = flatten(positional, spans);
    if (flat.length != n && flat.length != n + m) {
      throw new GradusError(span, name + " takes " + describeArity(sig) + ", got " + flat.length + " number"
          + (flat.length == 1 ? "" : "s"));
    }
    if (m > 0 && flat.length == n) {
      throw new GradusError(span, name + " also needs its data fields (" + names(sig.fields())
          + "): pass them after the variables, or give data=");
    }
    double[] x = java.util.Arrays.copyOf(flat, n);
    double[] fields = java.util.Arrays.copyOfRange(flat, n, flat.length);
    return evaluate(x, fields);
  }

  Value evaluate(double[] x, double[] fields) {
    int n = x.length;
    try {
      switch (role) {
        case DECLARED -> {
          return new Value.Num(compiled().value(x, fields, 0));
        }
        case GRADIENT -> {
          double[] g = new double[n];
          compiled().valueAndGradient(x, fields, 0, g);
          return new Value.Vec(g);
        }
        case HESSIAN -> {
          double[] h = new double[n * n];
          compiled().hessian(x, fields, 0, h);
          return new Value.Mat(reshape(h, n, n));
        }
        default -> {
          double[] v = fn.evaluate(x, fields);
          if (fn.rows() == 1 && fn.cols() == 1) return new Value.Num(v[0]);
          if (fn.cols() == 1) return new Value.Vec(v);
          return new Value.Mat(reshape(v, fn.rows(), fn.cols()));
        }
      }
    } catch (IllegalArgumentException | gradus.sym.SymException e) {
      String hint = e.getMessage() != null && e.getMessage().contains("out of range") && usesWhere()
          ? "; note that where(cond, a, b) evaluates both branches, so keep the indices of both in range" : "";
      throw new GradusError(null, e.getMessage() + hint);
    }
  }

  private boolean usesWhere() {
    boolean[] found = {false};
    gradus.sym.Exprs.visit(declared.body(), e -> found[0] |= e instanceof gradus.sym.Expr.Where);
    return found[0];
  }

  static double[][] reshape(double[] flat, int rows, int cols) {
    double[][] out = new double[rows][cols];
    for (int i = 0; i < rows; i++) System.arraycopy(flat, i * cols, out[i], 0, cols);
    return out;
  }

  /** The numbers of all arguments, lists spliced in order: {@code f(1, [2, 3])} is {@code [1, 2, 3]}. */
  static double[] flatten(List<Value> positional, List<Span> spans) {
    List<double[]> parts = new ArrayList<>();
    int total = 0;
    for (int i = 0; i < positional.size(); i++) {
      double[] p = Values.vector(positional.get(i), "an argument", spans.get(i));
      parts.add(p);
      total += p.length;
    }
    double[] out = new double[total];
    int k = 0;
    for (double[] p : parts) {
      System.arraycopy(p, 0, out, k, p.length);
      k += p.length;
    }
    return out;
  }

  static String describeArity(Signature sig) {
    int n = sig.dimension();
    return n + " number" + (n == 1 ? "" : "s") + " (" + names(sig.vars()) + ")";
  }

  static String names(List<VarSpec> specs) {
    List<String> out = new ArrayList<>();
    for (VarSpec v : specs) out.add(v.size() > 0 ? v.name() + "[" + v.size() + "]" : v.name());
    return String.join(", ", out);
  }
}
