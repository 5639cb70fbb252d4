package gradus.interp;

import gradus.compile.Interrupt;
import gradus.lang.Ast;
import gradus.lang.GradusError;
import gradus.lang.Span;
import gradus.optim.Progress;
import gradus.optim.Result;
import java.io.PrintStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;

/** Runs statements: one global scope (blocks and {@code for} bind in it, as in Python). */
public final class Interpreter {
  final Map<String, Value> globals = new LinkedHashMap<>();
  final Map<String, Builtin> builtins;
  final PrintStream out;
  final AtomicBoolean interrupt = new AtomicBoolean();
  private final Deque<Map<String, Value>> locals = new ArrayDeque<>();
  /** Receives the value of each bare expression statement (the REPL echoes it); null in scripts. */
  Consumer<Value> echo;
  /** Where plots go without out=: a window when possible, else plot-N.png. */
  PlotSink plotSink;
  /** The value of the last bare expression statement: {@code _}, as in Python's interactive mode. */
  private Value last;
  /** Makes the progress display of one run, given its label; null when runs are not shown. */
  Function<String, Progress> progress;
  /** The last run Ctrl-C stopped, until {@link #takeInterruptNote} reports it. */
  private Result interrupted;

  public Interpreter(PrintStream out) {
    this.out = out;
    this.builtins = Builtins.all();
    reset();
  }

  /** Names bound before the user binds anything; they may be rebound. */
  public static final java.util.List<String> PREDEFINED = java.util.List.of("pi", "e", "inf", "nan", "true", "false");
  private static final Map<String, Value> PREDEFINED_VALUES = Map.of(
      "pi", new Value.Num(Math.PI), "e", new Value.Num(Math.E), "inf", new Value.Num(Double.POSITIVE_INFINITY),
      "nan", new Value.Num(Double.NaN), "true", Value.Bool.TRUE, "false", Value.Bool.FALSE);

  public static Value predefined(String name) {
    return PREDEFINED_VALUES.get(name);
  }

  public void reset() {
    globals.clear();
    last = null;
    for (String name : PREDEFINED) globals.put(name, PREDEFINED_VALUES.get(name));
  }

  public void setEcho(Consumer<Value> echo) {
    this.echo = echo;
  }

  public void setPlotSink(PlotSink sink) {
    this.plotSink = sink;
  }

  /** Shows long runs as they go (the REPL and scripts on a terminal); null shows nothing. */
  public void setProgress(Function<String, Progress> progress) {
    this.progress = progress;
  }

  /** Keeps the first run stopped since the last note: in compare(...), the later runs stop at once. */
  void noteInterrupted(Result r) {
    if (interrupted == null) interrupted = r;
  }

  /**
   * After Ctrl-C stopped a run: one line saying how far it got and which name holds its result
   * ({@code interrupted after 1234 iterations; r holds the result so far}); null otherwise.
   */
  public String takeInterruptNote() {
    Result r = interrupted;
    interrupted = null;
    if (r == null) return null;
    String note = "interrupted after " + r.iterations() + " iteration" + (r.iterations() == 1 ? "" : "s");
    for (Map.Entry<String, Value> e : globals.entrySet()) {
      if (e.getValue() instanceof ResultValue v && v.r() == r) return note + "; " + e.getKey() + " holds the result so far";
      if (e.getValue() instanceof Value.Lst l && l.items().stream().anyMatch(x -> x instanceof ResultValue v && v.r() == r)) {
        return note + " of " + r.label() + "; " + e.getKey() + " holds the results so far";
      }
    }
    if (last instanceof ResultValue v && v.r() == r) return note + "; _ holds the result so far";
    return note;
  }

  public Map<String, Value> globals() {
    return globals;
  }

  public Map<String, Builtin> builtins() {
    return builtins;
  }

  public AtomicBoolean interruptFlag() {
    return interrupt;
  }

  /**
   * Ctrl-C: stops loops and the statements after the one running, ends an optimization with
   * status "interrupted", and stops compiled code and the interpreter's long loops.
   */
  public void requestInterrupt() {
    interrupt.set(true);
    Interrupt.request();
  }

  /** Before new work (a REPL line, a :load): a Ctrl-C that came too late to stop anything is forgotten. */
  public void clearInterrupt() {
    interrupt.set(false);
    Interrupt.clear();
  }

  public boolean interruptRequested() {
    return interrupt.get() || Interrupt.requested();
  }

  /** Every name a user may refer to: bindings first, then built-ins and special forms. */
  public Set<String> knownNames() {
    Set<String> names = new TreeSet<>(globals.keySet());
    names.addAll(builtins.keySet());
    names.addAll(HelpTopics.SPECIAL_FORMS.keySet());
    return names;
  }

  public void execute(List<Ast.Stmt> statements) {
    for (Ast.Stmt s : statements) exec(s);
  }

  /** The statement running now: errors from deep inside a library point here. */
  Ast.Stmt current;

  void exec(Ast.Stmt s) {
    Ast.Stmt outer = current;
    current = s;
    // an optimization returns its result when interrupted; the statements after it do not run
    checkInterrupt(s.span());
    run(s);
    // not in a finally: after an error, current is the innermost statement, where the error
    // is reported when it carries no position of its own
    current = outer;
  }

  private void run(Ast.Stmt s) {
    if (s instanceof Ast.Declare d) {
      globals.put(d.name(), SymBridge.declare(this, d));
    } else if (s instanceof Ast.Optimizer o) {
      globals.put(o.name(), OptimizerDecl.declare(this, o));
    } else if (s instanceof Ast.Bind b) {
      globals.put(b.name(), eval(b.value()));
    } else if (s instanceof Ast.For f) {
      execFor(f);
    } else if (s instanceof Ast.If i) {
      if (Ops.truth(eval(i.cond()), i.cond().span())) execute(i.then());
      else if (i.otherwise() != null) execute(i.otherwise());
    } else if (s instanceof Ast.ExprStmt e) {
      Value v = eval(e.expr());
      if (!(v instanceof Value.None)) last = v;
      if (v instanceof PlotBuiltins.PlotValue p && !p.written() && plotSink != null) {
        plotSink.show(p);
        return;
      }
      if (echo != null && !(v instanceof Value.None)) echo.accept(v);
    }
  }

  private void execFor(Ast.For f) {
    Value iterable = eval(f.iterable());
    if (iterable instanceof Value.Range r) {
      for (long i = r.lo(); i <= r.hi(); i++) {
        checkInterrupt(f.span());
        globals.put(f.var(), new Value.Num(i));
        execute(f.body());
      }
      return;
    }
    for (Value item : Values.items(iterable, "the thing a for loop runs over", f.iterable().span())) {
      checkInterrupt(f.span());
      globals.put(f.var(), item);
      execute(f.body());
    }
  }

  /** Ctrl-C in the REPL stops loops too (optimizations stop themselves with status "interrupted"). */
  void checkInterrupt(Span span) {
    if (interruptRequested()) throw new GradusError(span, "interrupted");
  }

  public Value eval(Ast.Expr e) {
    if (e instanceof Ast.Num n) return new Value.Num(n.value());
    if (e instanceof Ast.Str s) return new Value.Str(s.value());
    if (e instanceof Ast.Name n) return lookup(n.name(), n.span());
    if (e instanceof Ast.ListLit l) {
      List<Value> items = new ArrayList<>(l.items().size());
      for (Ast.Expr x : l.items()) items.add(eval(x));
      return Values.list(items);
    }
    if (e instanceof Ast.Unary u) return unary(u);
    if (e instanceof Ast.Binary b) return binary(b);
    if (e instanceof Ast.Range r) {
      return new Value.Range(Values.integer(eval(r.lo()), "the start of a range", r.lo().span()),
          Values.integer(eval(r.hi()), "the end of a range", r.hi().span()));
    }
    if (e instanceof Ast.Call c) return call(c);
    if (e instanceof Ast.Index i) {
      Value target = eval(i.target());
      if (i.indices().size() > 1) return matrixEntry(target, i);
      return index(target, eval(i.index()), i);
    }
    Ast.Field f = (Ast.Field) e;
    return field(eval(f.target()), f);
  }

  /** What a call of {@code name} runs when it is built-in-like: a built-in, or a declared optimizer's maker. */
  public Builtin callableNamed(String name) {
    Value v = globals.get(name);
    if (v instanceof OptimizerDecl o) return o.maker();
    return v == null ? builtins.get(name) : null;
  }

  /** e with the names of {@code scope} bound over everything else (an optimizer's hyperparameters). */
  Value evalIn(Map<String, Value> scope, Ast.Expr e) {
    locals.push(scope);
    try {
      return eval(e);
    } finally {
      locals.pop();
    }
  }

  Value lookup(String name, Span span) {
    for (Map<String, Value> scope : locals) {
      Value v = scope.get(name);
      if (v != null) return v;
    }
    Value v = globals.get(name);
    if (v != null) return v;
    Builtin b = builtins.get(name);
    if (b != null) return b;
    if (name.equals("_") && last != null) return last;
    throw unknownName(name, span);
  }

  GradusError unknownName(String name, Span span) {
    String habit = Habits.pointer(name);
    if (habit != null) return new GradusError(span, "unknown name '" + name + "': " + habit);
    if (HelpTopics.SPECIAL_FORMS.containsKey(name)) {
      return new GradusError(span, name + " is not a value: call it, as in " + HelpTopics.SPECIAL_FORMS.get(name).split(":")[0]);
    }
    Set<String> known = knownNames();
    for (Map<String, Value> scope : locals) known.addAll(scope.keySet());
    return new GradusError(span, "unknown name '" + name + "'" + Suggest.hint(name, known));
  }

  boolean isBound(String name) {
    for (Map<String, Value> scope : locals) if (scope.containsKey(name)) return true;
    return globals.containsKey(name);
  }

  private Value unary(Ast.Unary u) {
    Value v = eval(u.operand());
    return switch (u.op()) {
      case "-", "+" -> Ops.sign(u.op(), v, u.span());
      default -> Value.Bool.of(!Ops.truth(v, u.operand().span()));
    };
  }

  private Value binary(Ast.Binary b) {
    if (b.op().equals("and")) {
      return Value.Bool.of(Ops.truth(eval(b.left()), b.left().span()) && Ops.truth(eval(b.right()), b.right().span()));
    }
    if (b.op().equals("or")) {
      return Value.Bool.of(Ops.truth(eval(b.left()), b.left().span()) || Ops.truth(eval(b.right()), b.right().span()));
    }
    Value l = eval(b.left());
    Value r = eval(b.right());
    if (l instanceof FunctionValue || r instanceof FunctionValue) {
      throw new GradusError(b.span(), "functions cannot be combined with '" + b.op()
          + "'; declare a new function instead, e.g. h(x) = f(x) " + b.op() + " g(x)");
    }
    return Ops.binary(b.op(), l, r, b.span());
  }

  private Value call(Ast.Call c) {
    if (c.fn() instanceof Ast.Name n && !isBound(n.name())) {
      switch (n.name()) {
        case "sum", "prod", "max", "logsumexp" -> {
          if (c.args().size() == 2 && c.args().get(0) instanceof Ast.IndexBinding ib) {
            return indexedLoop(n.name(), ib, c.args().get(1), c);
          }
          if (n.name().equals("logsumexp")) {
            throw new GradusError(c.span(), "logsumexp takes an index range and a body: logsumexp(i in 1..n, z[i])");
          }
        }
        case "diff" -> {
          return SymBridge.diff(this, c);
        }
        case "where" -> {
          return where(c);
        }
        case "help" -> {
          out.println(Habits.help(this, c));
          out.flush();
          return Value.None.NONE;
        }
        default -> { }
      }
    }
    Value target = eval(c.fn());
    List<Value> positional = new ArrayList<>();
    List<Span> positionalSpans = new ArrayList<>();
    Map<String, Value> keywords = new LinkedHashMap<>();
    Map<String, Span> keywordSpans = new HashMap<>();
    for (Ast.Arg a : c.args()) {
      if (a instanceof Ast.Positional p) {
        if (!keywords.isEmpty()) throw new GradusError(p.span(), "a positional argument cannot follow a keyword argument");
        positional.add(eval(p.value()));
        positionalSpans.add(p.span());
      } else if (a instanceof Ast.Keyword k) {
        if (keywords.containsKey(k.name())) throw new GradusError(k.span(), "the argument '" + k.name() + "' is given twice");
        keywords.put(k.name(), eval(k.value()));
        keywordSpans.put(k.name(), k.span());
      } else {
        Ast.IndexBinding ib = (Ast.IndexBinding) a;
        throw new GradusError(ib.span(), "'" + ib.name() + " in ...' is only allowed as the first argument of sum, prod, max or logsumexp");
      }
    }
    if (target instanceof OptimizerDecl o) target = o.maker();
    if (target instanceof Builtin b) {
      return b.invoke(new Args(this, b, c.span(), positional, positionalSpans, keywords, keywordSpans));
    }
    if (target instanceof FunctionValue f) {
      return f.call(this, positional, positionalSpans, keywords, keywordSpans, c.span());
    }
    if (target instanceof OptimBuiltins.ScheduleValue s) return s.call(positional, positionalSpans, keywordSpans, c.span());
    if (target instanceof SliceValue s) return s.call(positional, positionalSpans, keywords, keywordSpans, c.span());
    throw new GradusError(c.fn().span(), "a " + target.kind() + " cannot be called like a function");
  }

  /**
   * sum, prod, max or logsumexp over {@code i in range}: sums and products of any values Ops adds
   * or multiplies; max and logsumexp of numbers, by the same Fns steps as compiled loops.
   */
  private Value indexedLoop(String kind, Ast.IndexBinding ib, Ast.Arg bodyArg, Ast.Call c) {
    if (!(bodyArg instanceof Ast.Positional body)) {
      throw new GradusError(bodyArg.span(), kind + "(i in a..b, body) needs a body expression");
    }
    Value range = eval(ib.range());
    List<Value> items = range instanceof Value.Range ? null : Values.items(range, "the range of " + kind, ib.range().span());
    Map<String, Value> scope = new HashMap<>();
    locals.push(scope);
    try {
      LoopFold fold = new LoopFold(kind, body.span());
      if (range instanceof Value.Range r) {
        for (long i = r.lo(); i <= r.hi(); i++) {
          checkInterrupt(c.span());
          scope.put(ib.name(), new Value.Num(i));
          fold.add(eval(body.value()));
        }
      } else {
        for (Value item : items) {
          checkInterrupt(c.span());
          scope.put(ib.name(), item);
          fold.add(eval(body.value()));
        }
      }
      return fold.result();
    } finally {
      locals.pop();
    }
  }

  private Value where(Ast.Call c) {
    if (c.args().size() != 3 || !c.args().stream().allMatch(a -> a instanceof Ast.Positional)) {
      throw new GradusError(c.span(), "where(cond, a, b) takes three arguments");
    }
    Ast.Positional cond = (Ast.Positional) c.args().get(0);
    Value chosen = Ops.truth(eval(cond.value()), cond.span()) ? eval(((Ast.Positional) c.args().get(1)).value())
        : eval(((Ast.Positional) c.args().get(2)).value());
    return chosen;
  }

  private Value index(Value target, Value index, Ast.Index at) {
    if (target instanceof Value.Obj o && o instanceof Indexable ix) return ix.index(index, at.span());
    if (index instanceof Value.Str) {
      throw new GradusError(at.index().span(), "a " + target.kind() + " cannot be indexed by a string");
    }
    Value t = Values.numericOrSelf(target);
    Value given = index;
    if (index instanceof Value.Num big && big.v() == Math.rint(big.v()) && Math.abs(big.v()) > Values.MAX_INTEGER) {
      index = new Value.Num(Math.copySign(Values.MAX_INTEGER, big.v())); // out of range below, whatever the size
    }
    long i = Values.integer(index, "an index", at.index().span());
    int n;
    if (t instanceof Value.Vec v) n = v.v().length;
    else if (t instanceof Value.Mat m) n = m.m().length;
    else if (t instanceof Value.Lst l) n = l.items().size();
    else if (t instanceof Value.Str s) n = s.s().codePointCount(0, s.s().length());
    else throw new GradusError(at.target().span(), "a " + target.kind() + " cannot be indexed");
    if (i < 1 || i > n) {
      throw new GradusError(at.index().span(), "index " + Printer.print(given) + " is out of range 1.." + n
          + " (indexing starts at 1)");
    }
    int k = (int) i - 1;
    if (t instanceof Value.Vec v) return new Value.Num(v.v()[k]);
    if (t instanceof Value.Mat m) return new Value.Vec(m.m()[k]);
    if (t instanceof Value.Lst l) return l.items().get(k);
    String s = ((Value.Str) t).s();
    return new Value.Str(new String(Character.toChars(s.codePointAt(s.offsetByCodePoints(0, k)))));
  }

  /** {@code m[i, j]}: an entry of a matrix (dense or sparse), 1-based, as NumPy's {@code m[i, j]}. */
  private Value matrixEntry(Value target, Ast.Index at) {
    if (at.indices().size() != 2) {
      throw new GradusError(at.span(), "a matrix takes two indices [i, j], got " + at.indices().size());
    }
    long i = Values.integer(eval(at.indices().get(0)), "a row index", at.indices().get(0).span());
    long j = Values.integer(eval(at.indices().get(1)), "a column index", at.indices().get(1).span());
    if (target instanceof SparseMatrix h) return h.get(i, j, at.span());
    Value t = Values.numericOrSelf(target);
    if (!(t instanceof Value.Mat m)) {
      throw new GradusError(at.target().span(), "a " + target.kind() + " takes one index, not [i, j]");
    }
    if (i < 1 || i > m.m().length) {
      throw new GradusError(at.indices().get(0).span(), "row " + i + " is out of range 1.." + m.m().length);
    }
    double[] row = m.m()[(int) i - 1];
    if (j < 1 || j > row.length) {
      throw new GradusError(at.indices().get(1).span(), "column " + j + " is out of range 1.." + row.length);
    }
    return new Value.Num(row[(int) j - 1]);
  }

  private Value field(Value target, Ast.Field f) {
    if (target instanceof HasFields h) return h.field(f.name(), f.span());
    throw new GradusError(f.span(), "a " + target.kind() + " has no field '" + f.name() + "'");
  }

  /** Values with named fields ({@code r.x}, {@code d.rows}). */
  public interface HasFields {
    Value field(String name, Span span);

    /** The field names, for completion and help (empty when not listed). */
    default List<String> fieldNames() {
      return List.of();
    }
  }

  /** Values indexed by something other than a position ({@code d["col"]}). */
  interface Indexable {
    Value index(Value key, Span span);
  }

  /** Shows or writes a plot that was made without out=. */
  public interface PlotSink {
    void show(Value plot);
  }
}
