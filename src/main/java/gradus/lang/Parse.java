package gradus.lang;

import gradus.lang.parser.GradusLexer;
import gradus.lang.parser.GradusParser;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/** Parses a whole source into statements, collecting every syntax error (one per line) first. */
public final class Parse {
  private Parse() {}

  /** A parsed program: statements when {@code errors} is empty. */
  public record Result(List<Ast.Stmt> statements, List<GradusError> errors) {}

  public static Result program(String source) {
    GradusLexer lexer = new GradusLexer(CharStreams.fromString(source));
    lexer.removeErrorListeners();
    CommonTokenStream tokens = new CommonTokenStream(lexer);
    GradusParser parser = new GradusParser(tokens);
    parser.removeErrorListeners();
    Collector errors = new Collector(unclosedBracket(source));
    parser.addErrorListener(errors);
    parser.getInterpreter().setPredictionMode(PredictionMode.LL);
    try {
      GradusParser.ProgramContext tree = parser.program();
      if (!errors.byLine.isEmpty()) return new Result(List.of(), new ArrayList<>(errors.byLine.values()));
      return new Result(new AstBuilder().program(tree), List.of());
    } catch (StackOverflowError e) {
      return new Result(List.of(), List.of(new GradusError(new Span(1, 1, 1, 2),
          "the program is nested too deeply to parse")));
    } catch (ParseCancellationException e) {
      return new Result(List.of(), new ArrayList<>(errors.byLine.values()));
    }
  }

  /** The innermost bracket left open at the end of the source, or null. */
  static Token unclosedBracket(String source) {
    GradusLexer lexer = new GradusLexer(CharStreams.fromString(source));
    lexer.removeErrorListeners();
    java.util.ArrayDeque<Token> open = new java.util.ArrayDeque<>();
    for (Token t = lexer.nextToken(); t.getType() != Token.EOF; t = lexer.nextToken()) {
      switch (t.getType()) {
        case GradusLexer.LPAREN, GradusLexer.LBRACK, GradusLexer.LBRACE -> open.push(t);
        case GradusLexer.RPAREN, GradusLexer.RBRACK, GradusLexer.RBRACE -> {
          if (!open.isEmpty()) open.pop();
        }
        default -> { }
      }
    }
    return open.peek();
  }

  /** True when a bracket or brace is still open at the end: the REPL then reads another line. */
  public static boolean isIncomplete(String source) {
    return unclosedBracket(source) != null;
  }

  private static final class Collector extends BaseErrorListener {
    final TreeMap<Integer, GradusError> byLine = new TreeMap<>();
    final Token unclosed;

    Collector(Token unclosed) {
      this.unclosed = unclosed;
    }

    @Override
    public void syntaxError(Recognizer<?, ?> recognizer, Object offending, int line, int col,
        String msg, RecognitionException e) {
      Token t = offending instanceof Token tok ? tok : null;
      if (t != null && t.getType() == Token.EOF && unclosed != null) {
        byLine.putIfAbsent(unclosed.getLine(), new GradusError(AstBuilder.span(unclosed),
            "this '" + unclosed.getText() + "' is never closed"));
        return;
      }
      if (byLine.containsKey(line)) return;
      Span span = t == null || t.getType() == Token.EOF
          ? new Span(line, col + 1, line, col + 2)
          : AstBuilder.span(t);
      byLine.put(line, new GradusError(span, describe(t)));
    }

    private static String describe(Token t) {
      if (t == null) return "syntax error";
      return switch (t.getType()) {
        case Token.EOF -> "unexpected end of input (is a bracket or a block left open?)";
        case GradusLexer.ERROR_CHAR -> "unexpected character '" + t.getText() + "'";
        case GradusLexer.UNTERMINATED_STRING ->
            "unterminated string (or an escape other than \\\", \\\\, \\n)";
        case GradusLexer.NEWLINE -> "unexpected end of line";
        case GradusLexer.SEMI -> "unexpected ';'";
        default -> "unexpected '" + t.getText() + "'";
      };
    }
  }
}
