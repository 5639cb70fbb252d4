package gradus.interp;

import gradus.compile.CompiledFunction;
import gradus.compile.CompiledVector;
import gradus.compile.Compiler;
import gradus.lang.GradusError;
import gradus.lang.Span;
import gradus.sym.Derivatives;
import gradus.sym.ScalarFunction;
import gradus.sym.Signature;
import gradus.sym.SymFunction;
import gradus.sym.VarRef;
import gradus.sym.VarSpec;
import gradus.sym.VectorFunction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A function value: a scalar function (declared, or a partial derivative {@code diff(f, x)}), or
 * one derived from a scalar function ({@code grad}, {@code hessian}, {@code hvp}). Every number it
 * gives comes from the one compiled form of its scalar function, shared by all values derived
 * from it, so {@code f(p)}, {@code grad(f)(p)} and {@code hessian(f)(p)} are the same code's
 * numbers. Scalar functions of any origin work alike: they can be called, minimized, plotted,
 * differentiated again and called inside other bodies.
 */
public final class FunctionValue implements Value.Obj {
  /** What the value computes from its scalar function. */
  enum Role { SCALAR, GRADIENT, HESSIAN, HVP, MODEL }

  /** Largest n for which hessian(f)(p) is a dense matrix value (SPEC §10.1). */
  static final int DENSE_HESSIAN = 1000;

  private final String name;
  private final SymFunction fn;
  private final ScalarFunction scalar;
  private final Role role;
  private final CompiledOnce compiled;
  /** A vector-valued model's function and compiled outputs (null for the other roles). */
  private final VectorFunction model;
  private CompiledVector outputs;

  /** Compiles the scalar function the first time a number is needed. */
  private static final class CompiledOnce {
    private final ScalarFunction f;
    private CompiledFunction value;

    CompiledOnce(ScalarFunction f) {
      this.f = f;
    }

    CompiledFunction get() {
      if (value == null) value = Compiler.compile(f);
      return value;
    }
  }

  private FunctionValue(String name, SymFunction fn, ScalarFunction scalar, Role role, CompiledOnce compiled) {
    this.name = name;
    this.fn = fn;
    this.scalar = scalar;
    this.role = role;
    this.compiled = compiled;
    this.model = fn instanceof VectorFunction v ? v : null;
  }

  static FunctionValue declared(String name, ScalarFunction f) {
    return new FunctionValue(name, f, f, Role.SCALAR, new CompiledOnce(f));
  }

  /** A vector-valued model (a block body whose value is a list). */
  static FunctionValue model(String name, VectorFunction f) {
    return new FunctionValue(name, f, null, Role.MODEL, null);
  }

  /** A vector-valued model: callable, inlined into other bodies, scored by accuracy; not minimized. */
  public boolean isModel() {
    return role == Role.MODEL;
  }

  VectorFunction model() {
    return model;
  }

  /** The compiled outputs of a model (shared; copy() it for a thread). */
  CompiledVector outputs() {
    if (outputs == null) outputs = Compiler.compile(model);
    return outputs;
  }

  public String name() {
    return name;
  }

  public String kind() {
    return "function";
  }

  /** A scalar-valued function (declared or a partial derivative): minimizable, differentiable. */
  public boolean isDeclared() {
    return role == Role.SCALAR;
  }

  /** The scalar function this value computes (or is derived from). */
  ScalarFunction declared() {
    return scalar;
  }

  public Signature signature() {
    return fn.signature();
  }

  public SymFunction symbolic() {
    return fn;
  }

  String describeShape() {
    if (fn.cols() > 1) return "matrix-valued (" + fn.rows() + "x" + fn.cols() + ")";
    if (role == Role.MODEL) return "vector-valued (" + fn.rows() + " outputs)";
    if (role != Role.SCALAR) return "vector-valued (" + fn.rows() + " entries)";
    return "scalar-valued";
  }

  /** The compiled form of the scalar function (shared; not thread-safe: copy() it for a thread). */
  CompiledFunction compiled() {
    return compiled.get();
  }

  FunctionValue gradient() {
    return new FunctionValue("grad(" + name + ")", Derivatives.grad(scalar), scalar, Role.GRADIENT, compiled);
  }

  FunctionValue hessian() {
    return new FunctionValue("hessian(" + name + ")", Derivatives.hessian(scalar), scalar, Role.HESSIAN, compiled);
  }

  FunctionValue hessianVector() {
    return new FunctionValue("hvp(" + name + ")", Derivatives.hvp(scalar), scalar, Role.HVP, compiled);
  }

  FunctionValue diff(List<VarRef> refs, String label) {
    ScalarFunction d = Derivatives.diff(scalar, refs);
    return new FunctionValue(label, d, d, Role.SCALAR, new CompiledOnce(d));
  }

  /**
   * The same function as a scalar one when it has one entry — the gradient or the Hessian of a
   * function of one variable is its derivative — so it can be plotted or minimized; else null.
   */
  FunctionValue scalarView() {
    if (role == Role.SCALAR) return this;
    if (role == Role.HVP || signature().dimension() != 1) return null;
    VarRef v = signature().ref(0);
    List<VarRef> refs = role == Role.GRADIENT ? List.of(v) : List.of(v, v);
    return diff(refs, name);
  }

  String latex() {
    return fn.latex();
  }

  @Override
  public String toString() {
    return fn.text();
  }

  /**
   * {@code f(1, 2)}, {@code f([1, 2])}, {@code f(x=1, y=2)}, {@code rosen([1, 1, 1])}; fields
   * follow the variables; {@code hvp(f)(p, v)} takes the point, then the direction.
   */
  Value call(Interpreter interp, List<Value> positional, List<Span> spans, Map<String, Value> keywords,
      Map<String, Span> keywordSpans, Span span) {
    if (keywords.containsKey("data")) {
      if (role != Role.SCALAR) throw new GradusError(keywordSpans.get("data"), "data= works with scalar functions, not " + name);
      return DataSupport.meanLoss(this, positional, spans, keywords, keywordSpans, span);
    }
    double[] flat = CallArgs.flatten(this, positional, spans, keywords, keywordSpans, span);
    Signature sig = signature();
    int n = sig.dimension();
    int m = sig.fieldCount();
    int want = role == Role.HVP ? 2 * n : n;
    if (flat.length != want && flat.length != want + m) {
      throw new GradusError(span, name + " takes " + (role == Role.HVP ? "a point and a direction of " + n
          + " numbers each (" + names(sig.vars()) + ")" : describeArity(sig)) + ", got " + flat.length + " number"
          + (flat.length == 1 ? "" : "s"));
    }
    if (m > 0 && flat.length == want) {
      throw new GradusError(span, name + " also needs its data fields (" + names(sig.fields())
          + "): pass them after the variables, or give data=");
    }
    double[] x = java.util.Arrays.copyOf(flat, n);
    double[] dir = role == Role.HVP ? java.util.Arrays.copyOfRange(flat, n, 2 * n) : null;
    double[] fields = java.util.Arrays.copyOfRange(flat, want, flat.length);
    return evaluate(x, fields, dir);
  }

  Value evaluate(double[] x, double[] fields) {
    return evaluate(x, fields, null);
  }

  private Value evaluate(double[] x, double[] fields, double[] dir) {
    int n = x.length;
    try {
      if (role == Role.MODEL) {
        double[] out = new double[model.length()];
        outputs().values(x, fields, 0, out);
        return new Value.Vec(out);
      }
      CompiledFunction c = compiled();
      return switch (role) {
        case MODEL -> throw new IllegalStateException();
        case SCALAR -> new Value.Num(c.value(x, fields, 0));
        case GRADIENT -> {
          double[] g = new double[n];
          c.valueAndGradient(x, fields, 0, g);
          yield new Value.Vec(g);
        }
        case HESSIAN -> n <= DENSE_HESSIAN ? denseHessian(c, x, fields) : SparseMatrix.hessian(c, x, fields);
        case HVP -> {
          double[] out = new double[n];
          c.accumulateHessianVector(x, fields, 0, dir, out);
          yield new Value.Vec(out);
        }
      };
    } catch (gradus.compile.EvaluationError e) {
      // a direct call is one point, not a row of data
      throw new GradusError(null, e.plainMessage());
    } catch (IllegalArgumentException | gradus.sym.SymException | gradus.compile.CompileError e) {
      throw new GradusError(null, e.getMessage());
    }
  }

  private static Value denseHessian(CompiledFunction c, double[] x, double[] fields) {
    int n = x.length;
    double[] h = new double[n * n];
    c.hessian(x, fields, 0, h);
    return new Value.Mat(reshape(h, n, n));
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
    for (VarSpec v : specs) out.add(v.shapeText());
    return String.join(", ", out);
  }
}
