package gradus.lang;

import java.util.List;

/** The abstract syntax tree: records with source spans. Built by {@link AstBuilder}, never evaluated here. */
public sealed interface Ast {
  Span span();

  sealed interface Stmt extends Ast {}

  sealed interface Expr extends Ast {}

  sealed interface Arg extends Ast {}

  /**
   * A variable or field of a declaration: {@code x}, {@code x[n]} ({@code size} given) or a
   * matrix {@code W[m, k]} ({@code cols} given too).
   */
  record Param(String name, Expr size, Expr cols, Span span) implements Ast {}

  /**
   * A block body {@code { locals...; value }}: each local is {@code NAME = expr} (no ranges) or
   * {@code NAME[i in a..b(, j in c..d)] = expr}; the value is the last line.
   */
  record Block(List<Local> locals, Expr value, Span span) implements Expr {}

  record Local(String name, List<IndexBinding> ranges, Expr value, Span span) implements Ast {}

  record Declare(String name, List<Param> vars, List<Param> fields, Expr body, Span span) implements Stmt {}

  record Bind(String name, Expr value, Span span) implements Stmt {}

  record For(String var, Span varSpan, Expr iterable, List<Stmt> body, Span span) implements Stmt {}

  /** {@code otherwise} is null when there is no else branch. */
  record If(Expr cond, List<Stmt> then, List<Stmt> otherwise, Span span) implements Stmt {}

  record ExprStmt(Expr expr, Span span) implements Stmt {}

  /**
   * {@code optimizer NAME(hyper=default, ...) { require ...; state s = v; statements }}: the
   * hyperparameters as written (keyword arguments), then the body's lines in order —
   * {@link Require}, {@link State} and the update's statements.
   */
  record Optimizer(String name, Span nameSpan, List<Arg> params, List<Stmt> body, Span span) implements Stmt {}

  /** {@code require COND}, a line of an optimizer's body. */
  record Require(Expr cond, Span span) implements Stmt {}

  /** {@code state NAME = START}, a line of an optimizer's body. */
  record State(String name, Span nameSpan, Expr start, Span span) implements Stmt {}

  record Num(double value, Span span) implements Expr {}

  record Str(String value, Span span) implements Expr {}

  record Name(String name, Span span) implements Expr {}

  record ListLit(List<Expr> items, Span span) implements Expr {}

  /** {@code op} is one of {@code - + not}. */
  record Unary(String op, Expr operand, Span span) implements Expr {}

  /** {@code op} is one of {@code + - * / ^ < <= > >= == != and or}. */
  record Binary(String op, Expr left, Expr right, Span span) implements Expr {}

  record Range(Expr lo, Expr hi, Span span) implements Expr {}

  record Call(Expr fn, List<Arg> args, Span span) implements Expr {}

  /** {@code v[i]}, or {@code W[j, k]} with two (or more) indices. */
  record Index(Expr target, List<Expr> indices, Span span) implements Expr {
    public Index {
      indices = List.copyOf(indices);
    }

    /** The first index (the only one of {@code v[i]}). */
    public Expr index() {
      return indices.get(0);
    }
  }

  record Field(Expr target, String name, Span span) implements Expr {}

  record Positional(Expr value, Span span) implements Arg {}

  record Keyword(String name, Expr value, Span span) implements Arg {}

  /** {@code i in 1..n}, the index argument of {@code sum} and {@code prod}. */
  record IndexBinding(String name, Expr range, Span span) implements Arg {}
}
