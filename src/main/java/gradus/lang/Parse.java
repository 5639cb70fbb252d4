package gradus.lang;

import gradus.lang.parser.GradusLexer;
import gradus.lang.parser.GradusParser;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.InputMismatchException;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.RuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * Parses a whole source into statements, collecting every syntax error (one per line) first.
 *
 * <p>Error reporting takes time linear in the source: SLL prediction never walks the rule stack,
 * and an error more than {@link #DEEP} rules down ends the parse there (ANTLR's recovery walks
 * the whole stack at every level it unwinds, which is quadratic for 10^5 open brackets). A
 * bracket still open at the end is reported where it was opened, and the errors it causes later
 * (everything after it is inside it) are dropped.
 */
public final class Parse {
  private Parse() {}

  /** Rule depth past which the first syntax error ends the parse. */
  static final int DEEP = 200;

  /** A parsed program: statements when {@code errors} is empty. */
  public record Result(List<Ast.Stmt> statements, List<GradusError> errors) {}

  public static Result program(String source) {
    Brackets brackets = Brackets.scan(source);
    GradusLexer lexer = new GradusLexer(CharStreams.fromString(source));
    lexer.removeErrorListeners();
    CommonTokenStream tokens = new CommonTokenStream(lexer);
    GradusParser parser = new GradusParser(tokens);
    parser.removeErrorListeners();
    Collector errors = new Collector(tokens, brackets);
    parser.addErrorListener(errors);
    parser.setErrorHandler(new BoundedRecovery());
    parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
    try {
      GradusParser.ProgramContext tree = parser.program();
      if (errors.any()) return new Result(List.of(), errors.all());
      return new Result(new AstBuilder().program(tree), List.of());
    } catch (StackOverflowError e) {
      return new Result(List.of(), List.of(new GradusError(new Span(1, 1, 1, 2),
          "the program is nested too deeply to parse")));
    } catch (ParseCancellationException e) {
      return new Result(List.of(), errors.all());
    }
  }

  /** True when a bracket or brace is still open at the end: the REPL then reads another line. */
  public static boolean isIncomplete(String source) {
    return !Brackets.scan(source).unclosed.isEmpty();
  }

  /** The brackets of a source as the lexer sees them: those never closed, and stray closers. */
  static final class Brackets {
    /** Opening brackets still open at the end, outermost first. */
    final List<Token> unclosed;
    /** Start indices of closing brackets with nothing open before them. */
    final Set<Integer> unmatched;

    private Brackets(List<Token> unclosed, Set<Integer> unmatched) {
      this.unclosed = unclosed;
      this.unmatched = unmatched;
    }

    static Brackets scan(String source) {
      GradusLexer lexer = new GradusLexer(CharStreams.fromString(source));
      lexer.removeErrorListeners();
      ArrayDeque<Token> open = new ArrayDeque<>();
      Set<Integer> unmatched = new HashSet<>();
      for (Token t = lexer.nextToken(); t.getType() != Token.EOF; t = lexer.nextToken()) {
        switch (t.getType()) {
          case GradusLexer.LPAREN, GradusLexer.LBRACK, GradusLexer.LBRACE -> open.push(t);
          case GradusLexer.RPAREN, GradusLexer.RBRACK, GradusLexer.RBRACE -> {
            if (open.isEmpty()) unmatched.add(t.getStartIndex());
            else open.pop();
          }
          default -> { }
        }
      }
      List<Token> unclosed = new ArrayList<>(open);
      java.util.Collections.reverse(unclosed);
      return new Brackets(unclosed, unmatched);
    }
  }

  /** ANTLR's recovery, but deep in the rule stack the first error ends the parse. */
  private static final class BoundedRecovery extends DefaultErrorStrategy {
    @Override
    public void recover(Parser p, RecognitionException e) {
      if (deep(p)) throw new ParseCancellationException(e);
      super.recover(p, e);
    }

    @Override
    public Token recoverInline(Parser p) {
      if (deep(p)) {
        InputMismatchException e = new InputMismatchException(p);
        reportError(p, e);
        throw new ParseCancellationException(e);
      }
      return super.recoverInline(p);
    }

    private static boolean deep(Parser p) {
      int depth = 0;
      for (RuleContext c = p.getContext(); c != null; c = c.parent) {
        if (++depth > DEEP) return true;
      }
      return false;
    }
  }

  private static final class Collector extends BaseErrorListener {
    private final TreeMap<Integer, GradusError> byLine = new TreeMap<>();
    private final CommonTokenStream tokens;
    private final Brackets brackets;
    /** Where the outermost bracket that is never closed opens; errors from there on are its doing. */
    private final Token firstUnclosed;
    private boolean sawLexerError;

    Collector(CommonTokenStream tokens, Brackets brackets) {
      this.tokens = tokens;
      this.brackets = brackets;
      this.firstUnclosed = brackets.unclosed.isEmpty() ? null : brackets.unclosed.get(0);
    }

    boolean any() {
      return !byLine.isEmpty() || firstUnclosed != null || sawLexerError;
    }

    /**
     * One error per line. Each is, by priority: the lexer's (a stray character, an unterminated
     * string: wherever they are, they are real and usually the cause), a bracket that is never
     * closed (the outermost and the innermost; on one line, the innermost), the parser's first
     * (only those before the first unclosed bracket: everything after it is inside it).
     */
    List<GradusError> all() {
      TreeMap<Integer, GradusError> out = new TreeMap<>(byLine);
      Set<Integer> lexerLines = new HashSet<>();
      tokens.fill();
      for (Token t : tokens.getTokens()) {
        if (t.getType() != GradusLexer.ERROR_CHAR && t.getType() != GradusLexer.UNTERMINATED_STRING) continue;
        GradusError there = out.get(t.getLine());
        if (there == null || !lexerLines.contains(t.getLine()) || there.span().col() > t.getCharPositionInLine() + 1) {
          out.put(t.getLine(), new GradusError(AstBuilder.span(t), describe(t)));
          lexerLines.add(t.getLine());
        }
      }
      // the outermost bracket never closed (where the mistake begins) and the innermost (where
      // a missing closer most likely belongs); 10^4 lines of '(' need no 10^4 errors
      List<Token> shown = new ArrayList<>();
      if (!brackets.unclosed.isEmpty()) {
        shown.add(brackets.unclosed.get(0));
        Token inner = brackets.unclosed.get(brackets.unclosed.size() - 1);
        if (inner.getLine() != shown.get(0).getLine()) shown.add(inner);
        else shown.set(0, inner);
      }
      for (Token t : shown) {
        GradusError there = out.get(t.getLine());
        if (there == null || !lexerLines.contains(t.getLine())) {
          out.put(t.getLine(), new GradusError(AstBuilder.span(t), "this '" + t.getText() + "' is never closed"));
        }
      }
      return new ArrayList<>(out.values());
    }

    @Override
    public void syntaxError(Recognizer<?, ?> recognizer, Object offending, int line, int col,
        String msg, RecognitionException e) {
      Token t = offending instanceof Token tok ? tok : null;
      if (t != null && (t.getType() == GradusLexer.ERROR_CHAR || t.getType() == GradusLexer.UNTERMINATED_STRING)) {
        sawLexerError = true; // all() reports it
        return;
      }
      if (firstUnclosed != null && (t == null || t.getType() == Token.EOF
          || t.getStartIndex() > firstUnclosed.getStartIndex())) {
        return; // inside a bracket that is never closed: all() reports the bracket instead
      }
      if (byLine.containsKey(line)) return;
      // the end of input after an error is almost always that error's echo (recovery left a rule open)
      if (t != null && t.getType() == Token.EOF && !byLine.isEmpty()) return;
      Span span = t == null || t.getType() == Token.EOF
          ? new Span(line, col + 1, line, col + 2)
          : AstBuilder.span(t);
      Token number = pointlessPoint(t);
      if (number != null) {
        Span at = AstBuilder.span(number);
        byLine.put(line, new GradusError(new Span(at.line(), at.col(), at.line(), at.endCol() + 1),
            "'" + number.getText() + ".' is not a number: write " + number.getText() + " or " + number.getText() + ".0"));
        return;
      }
      byLine.put(line, new GradusError(span, describe(t)));
    }

    /** The number before a '.' that nothing follows ({@code 5.}): SPEC §9 has no such literal. */
    private Token pointlessPoint(Token t) {
      if (t == null || t.getTokenIndex() < 2) return null;
      Token dot = tokens.get(t.getTokenIndex() - 1);
      Token number = tokens.get(t.getTokenIndex() - 2);
      boolean adjacent = dot.getType() == GradusLexer.DOT && number.getType() == GradusLexer.NUMBER
          && number.getStopIndex() + 1 == dot.getStartIndex() && !number.getText().contains(".");
      return adjacent ? number : null;
    }

    /** Whether the token before t, line breaks aside, is a '{'. */
    private boolean afterOpenBrace(Token t) {
      for (int i = t.getTokenIndex() - 1; i >= 0; i--) {
        int type = tokens.get(i).getType();
        if (type != GradusLexer.NEWLINE) return type == GradusLexer.LBRACE;
      }
      return false;
    }

    private String describe(Token t) {
      if (t == null) return "syntax error";
      return switch (t.getType()) {
        case Token.EOF -> "unexpected end of input (is a bracket or a block left open?)";
        case GradusLexer.ERROR_CHAR -> {
          int cp = t.getText().codePointAt(0);
          yield Visible.isInvisible(cp) ? "unexpected invisible character " + Visible.name(cp)
              : "unexpected character '" + t.getText() + "'";
        }
        case GradusLexer.UNTERMINATED_STRING ->
            "unterminated string (or an escape other than \\\", \\\\, \\n)";
        case GradusLexer.NEWLINE -> "unexpected end of line";
        case GradusLexer.SEMI -> "unexpected ';'";
        case GradusLexer.RBRACE -> brackets.unmatched.contains(t.getStartIndex())
            ? "unmatched '}': no bracket is open here"
            : afterOpenBrace(t) ? "an empty body: a block ends with the function's value, as in { a = x + 1; a*a }"
            : "unexpected '}'";
        case GradusLexer.RPAREN, GradusLexer.RBRACK -> brackets.unmatched.contains(t.getStartIndex())
            ? "unmatched '" + t.getText() + "': no bracket is open here" : "unexpected '" + t.getText() + "'";
        default -> "unexpected '" + t.getText() + "'";
      };
    }
  }
}
