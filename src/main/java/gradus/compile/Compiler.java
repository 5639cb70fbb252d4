package gradus.compile;

import gradus.compile.Program.Target;
import gradus.sym.Expr;
import gradus.sym.Normalize;
import gradus.sym.ScalarFunction;
import gradus.sym.Stmt;
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
    return s == null || s.index() == null ? s : new Stmt.Slot(s.var(), f.apply(s.index()));
  }
}
