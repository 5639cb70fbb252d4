package gradus.compile;

import gradus.compile.Program.Target;
import gradus.sym.Expr;
import gradus.sym.Normalize;
import gradus.sym.ScalarFunction;
import gradus.sym.Stmt;
import gradus.sym.Sym;
import gradus.sym.VectorFunction;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Turns the programs {@code gradus.sym} builds for a scalar function into JVM bytecode: the one
 * evaluator of Gradus. Each program goes through three passes — {@link Schedule} (which node is
 * computed where and when; loop fusion), {@link Layout} (locals or scratch array; methods) and
 * {@link Codegen}/{@link Emitter} (the class file) — and is loaded as a hidden class.
 */
public final class Compiler {
  private Compiler() {}

  /** The compiled form of f; each of its programs is generated on first use. */
  public static CompiledFunction compile(ScalarFunction f) {
    return new Compiled(new Programs(f));
  }

  /** The compiled outputs of a vector-valued model. */
  public static CompiledVector compile(VectorFunction f) {
    return new CompiledOutputs(f, load(outputs(f)));
  }

  /** For k over the outputs' range: {@code #out[k - lo + 1] += z[k]} into a zeroed vector. */
  static Program outputs(VectorFunction f) {
    Expr.Array a = f.evaluationBody();
    Expr k = Sym.index(a.indices().get(0));
    Expr lo = a.lo().get(0);
    Expr slot = lo == Sym.ONE ? k : Sym.add(k, Sym.sub(Sym.ONE, lo));
    Stmt put = new Stmt.Acc(null, new Stmt.Slot(Program.OUT, slot), Sym.at(a, List.of(k)));
    List<Stmt> stmts = List.of(new Stmt.For(a.indices().get(0), lo, a.hi().get(0), List.of(put)));
    return new Program(f.signature(), null, stmts, Target.VECTOR);
  }

  /** The value program of f. */
  static Program value(ScalarFunction f) {
    return normalized(new Program(f.signature(), f.evaluationBody(), List.of(), Target.VALUE));
  }

  /** The value and the gradient scatter, in one program (one pass over a sum). */
  static Program gradient(ScalarFunction f) {
    return normalized(new Program(f.signature(), f.evaluationBody(), f.gradientProgram(), Target.VECTOR));
  }

  static Program hessian(ScalarFunction f) {
    return normalized(new Program(f.signature(), null, f.hessianProgram(), Target.PAIRS));
  }

  static Program hessianVector(ScalarFunction f) {
    return normalized(new Program(f.signature(), null, f.hvpProgram(), Target.VECTOR));
  }

  /** A program's class file, the scratch size its instances need, and its pooled numbers. */
  record Built(byte[] bytes, int scratch, double[] constants) {}

  /** The class of a program, loaded. Deep expressions are compiled on a thread with a large stack. */
  static Programs.Kind load(Program p) {
    Built b;
    try {
      b = build(p);
    } catch (StackOverflowError e) {
      b = BigStack.run(() -> build(p));
    }
    return new Programs.Kind(new Loader(b.bytes()), b.scratch(), b.constants());
  }

  static Built build(Program p) {
    Schedule s = Schedule.of(p.value(), p.stmts());
    Layout l = Layout.of(s);
    Constants k = Constants.of(p);
    try {
      return new Built(new Codegen(p, s, l, Reads.of(p, s), k).generate(), l.scratch, k.table());
    } catch (org.objectweb.asm.ClassTooLargeException e) {
      throw new CompileError("the function is too large to compile (" + e.getConstantPoolCount()
          + " constants in one class); split it into smaller functions", e);
    } catch (org.objectweb.asm.MethodTooLargeException e) {
      throw new CompileError("the function is too large to compile (a method of " + e.getCodeSize()
          + " bytes); split it into smaller functions", e);
    }
  }

  /** The class file of a program (tests inspect method sizes). */
  static byte[] bytecode(Program p) {
    return build(p).bytes();
  }

  /** Wide sums and products regrouped (one memo for the whole program, so sharing survives). */
  private static Program normalized(Program p) {
    Normalize n = new Normalize();
    Expr v = p.value() == null ? null : n.apply(p.value());
    return new Program(p.sig(), v, mapAll(p.stmts(), n::apply), p.target());
  }

  private static List<Stmt> mapAll(List<Stmt> stmts, UnaryOperator<Expr> f) {
    List<Stmt> out = new ArrayList<>();
    for (Stmt s : stmts) {
      if (s instanceof Stmt.Acc a) out.add(new Stmt.Acc(slot(a.row(), f), slot(a.col(), f), f.apply(a.value())));
      else if (s instanceof Stmt.For fo) {
        out.add(new Stmt.For(fo.index(), f.apply(fo.lo()), f.apply(fo.hi()), mapAll(fo.body(), f)));
      }
    }
    return out;
  }

  private static Stmt.Slot slot(Stmt.Slot s, UnaryOperator<Expr> f) {
    if (s == null || s.scalar()) return s;
    List<Expr> ix = new ArrayList<>();
    for (Expr i : s.indices()) ix.add(f.apply(i));
    return new Stmt.Slot(s.var(), ix);
  }
}
