package gradus.interp;

import gradus.lang.Ast;
import gradus.lang.Parse;
import gradus.optim.MethodSpec;
import gradus.optim.Methods;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code describe(m)} and {@code latex(m)} of every optimizer, each from one source: a
 * declaration's own lines; for the built-in first-order methods their rules written in Gradus
 * ({@code optimizers.opt} beside this class, checked bit for bit against gradus.optim by
 * BuiltinRulesTest); for the line-search methods the entries of {@link SearchRules}.
 */
final class OptimizerDocs {
  private OptimizerDocs() {}

  private static Map<String, OptimizerDecl> builtins;

  /** The built-in first-order rules by name, parsed once. */
  static synchronized Map<String, OptimizerDecl> builtinRules() {
    if (builtins != null) return builtins;
    String source;
    try (InputStream in = OptimizerDocs.class.getResourceAsStream("optimizers.opt")) {
      if (in == null) throw new IllegalStateException("optimizers.opt is missing from the jar");
      source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Parse.Result parsed = Parse.program(source);
    if (!parsed.errors().isEmpty()) throw new IllegalStateException("optimizers.opt: " + parsed.errors().get(0).getMessage());
    Interpreter quiet = new Interpreter(new PrintStream(PrintStream.nullOutputStream()));
    Map<String, OptimizerDecl> out = new LinkedHashMap<>();
    for (Ast.Stmt s : parsed.statements()) {
      Ast.Optimizer o = (Ast.Optimizer) s;
      out.put(o.name(), OptimizerDecl.declare(quiet, o));
    }
    builtins = out;
    return out;
  }

  /** The optimizer a value names: a declaration, a configured method, or a built-in's maker. */
  static boolean isOptimizer(Value v) {
    return v instanceof OptimizerDecl || v instanceof OptimBuiltins.MethodValue
        || v instanceof Builtin b && Methods.specs().containsKey(b.name());
  }

  static String describe(Value v) {
    String call = v instanceof OptimBuiltins.MethodValue m && !m.given().isEmpty() ? "# " + m.method().describe() + "\n" : "";
    OptimizerDecl d = decl(v);
    if (d != null) return call + d.text();
    return call + SearchRules.text(spec(v));
  }

  static String latex(Value v) {
    OptimizerDecl d = decl(v);
    if (d != null) return d.latex();
    return SearchRules.latex(spec(v));
  }

  /** The declaration that is v's rule, or null for a line-search method. */
  private static OptimizerDecl decl(Value v) {
    if (v instanceof OptimizerDecl d) return d;
    if (v instanceof OptimBuiltins.MethodValue m && m.rule() != null) return m.rule();
    return builtinRules().get(spec(v).name());
  }

  private static MethodSpec spec(Value v) {
    String name = v instanceof OptimBuiltins.MethodValue m ? m.method().name() : ((Builtin) v).name();
    return Methods.specs().get(name);
  }
}
