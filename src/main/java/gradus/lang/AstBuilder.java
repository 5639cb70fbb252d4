package gradus.lang;

import gradus.lang.parser.GradusBaseVisitor;
import gradus.lang.parser.GradusParser.*;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;

/** Parse tree to AST: one short method per grammar label; it only builds. */
final class AstBuilder extends GradusBaseVisitor<Ast> {

  List<Ast.Stmt> program(ProgramContext ctx) {
    return statements(ctx.statement());
  }

  private List<Ast.Stmt> statements(List<StatementContext> list) {
    List<Ast.Stmt> out = new ArrayList<>(list.size());
    for (StatementContext s : list) out.add((Ast.Stmt) visit(s));
    return out;
  }

  private List<Ast.Stmt> block(BlockContext b) {
    return statements(b.statement());
  }

  private Ast.Expr expr(ExprContext e) {
    return (Ast.Expr) visit(e);
  }

  static Span span(ParserRuleContext ctx) {
    Token start = ctx.getStart();
    Token stop = ctx.getStop() == null ? start : ctx.getStop();
    return new Span(start.getLine(), start.getCharPositionInLine() + 1,
        stop.getLine(), stop.getCharPositionInLine() + 1 + codePoints(stop.getText()));
  }

  static Span span(Token t) {
    return new Span(t.getLine(), t.getCharPositionInLine() + 1, t.getLine(),
        t.getCharPositionInLine() + 1 + codePoints(t.getText()));
  }

  private static int codePoints(String s) {
    return s == null ? 1 : s.codePointCount(0, s.length());
  }

  @Override public Ast visitDeclare(DeclareContext ctx) {
    List<Ast.Param> vars = params(ctx.params(0));
    List<Ast.Param> fields = ctx.params().size() > 1 ? params(ctx.params(1)) : List.of();
    Ast.Expr body = ctx.expr() != null ? expr(ctx.expr()) : body(ctx.body());
    return new Ast.Declare(ctx.NAME().getText(), vars, fields, body, span(ctx));
  }

  private List<Ast.Param> params(ParamsContext ctx) {
    List<Ast.Param> out = new ArrayList<>();
    for (ParamContext p : ctx.param()) {
      Ast.Expr size = p.expr().isEmpty() ? null : expr(p.expr(0));
      Ast.Expr cols = p.expr().size() > 1 ? expr(p.expr(1)) : null;
      out.add(new Ast.Param(p.NAME().getText(), size, cols, span(p)));
    }
    return out;
  }

  /** A block body: its lines in order; the last must be the value, the others definitions. */
  private Ast.Block body(BodyContext ctx) {
    List<Ast.Local> locals = new ArrayList<>();
    List<BodyLineContext> lines = ctx.bodyLine();
    for (int k = 0; k < lines.size(); k++) {
      BodyLineContext line = lines.get(k);
      boolean last = k == lines.size() - 1;
      if (line instanceof BodyValueContext v) {
        if (!last) {
          throw new GradusError(span(line), "only the last line of a body is its value; the lines before it define locals, as in h = ... or h[j in 1..n] = ...");
        }
        return new Ast.Block(locals, expr(v.expr()), span(ctx));
      }
      if (last) {
        throw new GradusError(span(line), "a body ends with its value: add a last line with the expression the function returns");
      }
      if (line instanceof LocalValueContext lv) {
        locals.add(new Ast.Local(lv.NAME().getText(), List.of(), expr(lv.expr()), span(line)));
      } else {
        LocalArrayContext la = (LocalArrayContext) line;
        List<Ast.IndexBinding> ranges = new ArrayList<>();
        for (BindingContext b : la.binding()) ranges.add(new Ast.IndexBinding(b.NAME().getText(), expr(b.expr()), span(b)));
        locals.add(new Ast.Local(la.NAME().getText(), ranges, expr(la.expr()), span(line)));
      }
    }
    throw new GradusError(span(ctx), "an empty body");
  }

  @Override public Ast visitBind(BindContext ctx) {
    return new Ast.Bind(ctx.NAME().getText(), expr(ctx.expr()), span(ctx));
  }

  @Override public Ast visitOptimizer(OptimizerContext ctx) {
    List<Ast.Arg> params = new ArrayList<>();
    if (ctx.args() != null) for (ArgContext a : ctx.args().arg()) params.add((Ast.Arg) visit(a));
    List<Ast.Stmt> body = new ArrayList<>();
    for (OptimizerLineContext line : ctx.optimizerBody().optimizerLine()) body.add((Ast.Stmt) visit(line));
    return new Ast.Optimizer(ctx.NAME(1).getText(), span(ctx.NAME(1).getSymbol()), params, body, span(ctx));
  }

  @Override public Ast visitRequire(RequireContext ctx) {
    return new Ast.Require(expr(ctx.expr()), span(ctx));
  }

  @Override public Ast visitState(StateContext ctx) {
    return new Ast.State(ctx.NAME(1).getText(), span(ctx.NAME(1).getSymbol()), expr(ctx.expr()), span(ctx));
  }

  @Override public Ast visitUpdateLine(UpdateLineContext ctx) {
    return visit(ctx.statement());
  }

  @Override public Ast visitFor(ForContext ctx) {
    return new Ast.For(ctx.NAME().getText(), span(ctx.NAME().getSymbol()), expr(ctx.expr()),
        block(ctx.block()), span(ctx));
  }

  @Override public Ast visitIf(IfContext ctx) {
    return ifStatement(ctx.ifStatement());
  }

  private Ast.If ifStatement(IfStatementContext ctx) {
    List<Ast.Stmt> otherwise = null;
    if (ctx.ifStatement() != null) otherwise = List.of(ifStatement(ctx.ifStatement()));
    else if (ctx.block().size() > 1) otherwise = block(ctx.block(1));
    return new Ast.If(expr(ctx.expr()), block(ctx.block(0)), otherwise, span(ctx));
  }

  @Override public Ast visitExprStatement(ExprStatementContext ctx) {
    return new Ast.ExprStmt(expr(ctx.expr()), span(ctx));
  }

  @Override public Ast visitCall(CallContext ctx) {
    List<Ast.Arg> args = new ArrayList<>();
    if (ctx.args() != null) for (ArgContext a : ctx.args().arg()) args.add((Ast.Arg) visit(a));
    return new Ast.Call(expr(ctx.expr()), args, span(ctx));
  }

  @Override public Ast visitIndexArg(IndexArgContext ctx) {
    return new Ast.IndexBinding(ctx.NAME().getText(), expr(ctx.expr()), span(ctx));
  }

  @Override public Ast visitKeywordArg(KeywordArgContext ctx) {
    return new Ast.Keyword(ctx.NAME().getText(), expr(ctx.expr()), span(ctx));
  }

  @Override public Ast visitPositionalArg(PositionalArgContext ctx) {
    return new Ast.Positional(expr(ctx.expr()), span(ctx));
  }

  @Override public Ast visitIndex(IndexContext ctx) {
    List<Ast.Expr> indices = new ArrayList<>();
    for (int k = 1; k < ctx.expr().size(); k++) indices.add(expr(ctx.expr(k)));
    return new Ast.Index(expr(ctx.expr(0)), indices, span(ctx));
  }

  @Override public Ast visitField(FieldContext ctx) {
    return new Ast.Field(expr(ctx.expr()), ctx.NAME().getText(), span(ctx.NAME().getSymbol()));
  }

  @Override public Ast visitPower(PowerContext ctx) {
    return binary("^", ctx.expr(0), ctx.expr(1), ctx);
  }

  @Override public Ast visitNegate(NegateContext ctx) {
    return new Ast.Unary("-", expr(ctx.expr()), span(ctx));
  }

  @Override public Ast visitPlus(PlusContext ctx) {
    return new Ast.Unary("+", expr(ctx.expr()), span(ctx));
  }

  @Override public Ast visitMultiply(MultiplyContext ctx) {
    return binary(ctx.op.getText(), ctx.expr(0), ctx.expr(1), ctx);
  }

  @Override public Ast visitAdd(AddContext ctx) {
    return binary(ctx.op.getText(), ctx.expr(0), ctx.expr(1), ctx);
  }

  @Override public Ast visitRange(RangeContext ctx) {
    return new Ast.Range(expr(ctx.expr(0)), expr(ctx.expr(1)), span(ctx));
  }

  @Override public Ast visitCompare(CompareContext ctx) {
    return binary(ctx.op.getText(), ctx.expr(0), ctx.expr(1), ctx);
  }

  @Override public Ast visitNot(NotContext ctx) {
    return new Ast.Unary("not", expr(ctx.expr()), span(ctx));
  }

  @Override public Ast visitAnd(AndContext ctx) {
    return binary("and", ctx.expr(0), ctx.expr(1), ctx);
  }

  @Override public Ast visitOr(OrContext ctx) {
    return binary("or", ctx.expr(0), ctx.expr(1), ctx);
  }

  private Ast.Binary binary(String op, ExprContext l, ExprContext r, ParserRuleContext ctx) {
    return new Ast.Binary(op, expr(l), expr(r), span(ctx));
  }

  @Override public Ast visitNumber(NumberContext ctx) {
    return new Ast.Num(Double.parseDouble(ctx.getText()), span(ctx));
  }

  @Override public Ast visitString(StringContext ctx) {
    return new Ast.Str(unescape(ctx.getText()), span(ctx));
  }

  private static String unescape(String quoted) {
    String s = quoted.substring(1, quoted.length() - 1);
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        char n = s.charAt(++i);
        out.append(n == 'n' ? '\n' : n);
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  @Override public Ast visitName(NameContext ctx) {
    return new Ast.Name(ctx.getText(), span(ctx));
  }

  @Override public Ast visitParens(ParensContext ctx) {
    return expr(ctx.expr());
  }

  @Override public Ast visitList(ListContext ctx) {
    List<Ast.Expr> items = new ArrayList<>();
    for (ExprContext e : ctx.expr()) items.add(expr(e));
    return new Ast.ListLit(items, span(ctx));
  }
}
