package gradus.interp;

import gradus.lang.Ast;
import gradus.lang.GradusError;
import gradus.sym.ScalarFunction;
import gradus.sym.Signature;
import gradus.sym.Sym;
import gradus.sym.SymException;
import gradus.sym.VarRef;
import gradus.sym.VarSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Declarations and {@code diff}: where the language meets the symbolic engine. */
final class SymBridge {
  private SymBridge() {}

  static FunctionValue declare(Interpreter interp, Ast.Declare d) {
    Set<String> seen = new HashSet<>();
    List<VarSpec> vars = specs(interp, d.vars(), seen, d.name());
    List<VarSpec> fields = specs(interp, d.fields(), seen, d.name());
    try {
      Signature sig = new Signature(vars, fields);
      var body = new BodyBuilder(interp, sig, d.name()).build(d.body());
      if (body instanceof gradus.sym.Expr.Array) return FunctionValue.model(d.name(), Sym.declareVector(d.name(), sig, body));
      ScalarFunction f = Sym.declare(d.name(), sig, body);
      return FunctionValue.declared(d.name(), f);
    } catch (SymException e) {
      throw new GradusError(d.body().span(), e.getMessage());
    }
  }

  private static List<VarSpec> specs(Interpreter interp, List<Ast.Param> params, Set<String> seen, String fname) {
    List<VarSpec> out = new ArrayList<>();
    for (Ast.Param p : params) {
      if (!seen.add(p.name())) throw new GradusError(p.span(), "'" + p.name() + "' appears twice in the declaration of " + fname);
      int size = p.size() == null ? 0 : extent(interp, p.size(), p.name());
      int cols = p.cols() == null ? 0 : extent(interp, p.cols(), p.name());
      if ((long) size * Math.max(1, cols) > 100_000_000) {
        throw new GradusError(p.span(), "the size of " + p.name() + " is too large: " + ((long) size * Math.max(1, cols)) + " numbers");
      }
      out.add(cols == 0 ? new VarSpec(p.name(), size) : VarSpec.matrix(p.name(), size, cols));
    }
    return out;
  }

  /** A declared extent: a whole number >= 1. */
  private static int extent(Interpreter interp, Ast.Expr e, String name) {
    Value v = interp.eval(e);
    if (!(v instanceof Value.Num n) || n.v() != Math.rint(n.v()) || n.v() < 1) {
      throw new GradusError(e.span(), "the size of " + name + "[...] must be a whole number >= 1, got "
          + (v instanceof Value.Num ? Printer.print(v) : "a " + v.kind()));
    }
    if (n.v() > 100_000_000) throw new GradusError(e.span(), "the size of " + name + " is too large: " + Printer.print(v));
    return (int) n.v();
  }

  /** {@code diff(f, x)}, {@code diff(f, x, y)}, {@code diff(g, x[2])}: variable names unevaluated. */
  static Value diff(Interpreter interp, Ast.Call c) {
    if (c.args().size() < 2) throw new GradusError(c.span(), "diff(f, x, ...) needs a function and at least one variable");
    if (!(c.args().get(0) instanceof Ast.Positional first)) throw new GradusError(c.span(), "diff's first argument is the function");
    Value target = interp.eval(first.value());
    if (!(target instanceof FunctionValue f) || !f.isDeclared()) {
      throw new GradusError(first.span(), "diff(f, x) needs a declared scalar function, got a " + target.kind());
    }
    List<VarRef> refs = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    for (Ast.Arg a : c.args().subList(1, c.args().size())) {
      if (!(a instanceof Ast.Positional p)) throw new GradusError(a.span(), "diff takes variable names, like diff(f, x, y)");
      VarRef ref = ref(interp, p.value(), f);
      refs.add(ref);
      labels.add(ref.toString());
    }
    try {
      return f.diff(refs, "diff(" + f.name() + ", " + String.join(", ", labels) + ")");
    } catch (SymException e) {
      throw new GradusError(c.span(), e.getMessage());
    }
  }

  private static VarRef ref(Interpreter interp, Ast.Expr e, FunctionValue f) {
    Signature sig = f.signature();
    List<String> names = sig.vars().stream().map(VarSpec::name).toList();
    if (e instanceof Ast.Name n) {
      if (!sig.isVariable(n.name())) {
        throw new GradusError(n.span(), f.name() + " has no variable '" + n.name() + "'" + Suggest.hint(n.name(), names)
            + "; its variables are " + String.join(", ", names));
      }
      return VarRef.of(n.name());
    }
    if (e instanceof Ast.Index ix && ix.target() instanceof Ast.Name n) {
      VarSpec v = sig.find(n.name());
      if (v == null || !sig.isVariable(n.name())) {
        throw new GradusError(n.span(), f.name() + " has no variable '" + n.name() + "'" + Suggest.hint(n.name(), names));
      }
      if (v.size() == 0) throw new GradusError(ix.span(), "'" + n.name() + "' is a scalar and cannot be indexed");
      if (ix.indices().size() != v.rank()) {
        throw new GradusError(ix.span(), "'" + v.shapeText() + "' takes " + (v.rank() == 1 ? "one index" : "two indices"));
      }
      List<Integer> at = new ArrayList<>();
      for (int d = 0; d < v.rank(); d++) {
        Ast.Expr ie = ix.indices().get(d);
        long k = Values.integer(interp.eval(ie), "an index", ie.span());
        int size = v.dims().get(d);
        if (k < 1 || k > size) {
          throw new GradusError(ie.span(), "index " + k + " is out of range for " + v.shapeText() + " (valid: 1.." + size + ")");
        }
        at.add((int) k);
      }
      return new VarRef(n.name(), at);
    }
    throw new GradusError(e.span(), "diff takes variable names, like diff(f, x) or diff(g, x[2])");
  }
}
