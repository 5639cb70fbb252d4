package gradus.cli;

import gradus.lang.parser.GradusLexer;
import java.util.Set;
import java.util.regex.Pattern;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;
import org.jline.reader.Highlighter;
import org.jline.reader.LineReader;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/** Colours REPL input with the language's own lexer: keywords, numbers, strings, comments, names. */
final class SyntaxHighlighter implements Highlighter {
  private static final Set<Integer> KEYWORDS = Set.of(GradusLexer.FOR, GradusLexer.IN, GradusLexer.IF, GradusLexer.ELSE,
      GradusLexer.AND, GradusLexer.OR, GradusLexer.NOT);
  private static final AttributedStyle KEYWORD = AttributedStyle.BOLD.foreground(AttributedStyle.MAGENTA);
  private static final AttributedStyle NUMBER = AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN);
  private static final AttributedStyle STRING = AttributedStyle.DEFAULT.foreground(AttributedStyle.GREEN);
  private static final AttributedStyle COMMENT = AttributedStyle.DEFAULT.foreground(AttributedStyle.BRIGHT).italic();
  private static final AttributedStyle NAME = AttributedStyle.DEFAULT.foreground(AttributedStyle.YELLOW);
  private static final AttributedStyle ERROR = AttributedStyle.DEFAULT.foreground(AttributedStyle.RED);

  @Override
  public AttributedString highlight(LineReader reader, String buffer) {
    AttributedStringBuilder out = new AttributedStringBuilder();
    if (buffer.strip().startsWith(":")) return new AttributedString(buffer, KEYWORD);
    GradusLexer lexer = new GradusLexer(CharStreams.fromString(buffer));
    lexer.removeErrorListeners();
    int written = 0;
    for (Token t = lexer.nextToken(); t.getType() != Token.EOF; t = lexer.nextToken()) {
      int start = buffer.offsetByCodePoints(0, t.getStartIndex());
      int stop = buffer.offsetByCodePoints(0, t.getStopIndex() + 1);
      if (start > written) out.append(gapText(buffer, written, start));
      out.styled(style(t.getType()), buffer.substring(start, stop));
      written = stop;
    }
    if (written < buffer.length()) out.append(gapText(buffer, written, buffer.length()));
    return out.toAttributedString();
  }

  /** Skipped text between tokens: whitespace, or a comment, which gets its colour. */
  private static AttributedString gapText(String buffer, int from, int to) {
    String gap = buffer.substring(from, to);
    int hash = gap.indexOf('#');
    if (hash < 0) return new AttributedString(gap);
    AttributedStringBuilder b = new AttributedStringBuilder();
    b.append(gap.substring(0, hash));
    b.styled(COMMENT, gap.substring(hash));
    return b.toAttributedString();
  }

  private static AttributedStyle style(int type) {
    if (KEYWORDS.contains(type)) return KEYWORD;
    return switch (type) {
      case GradusLexer.NUMBER -> NUMBER;
      case GradusLexer.STRING, GradusLexer.UNTERMINATED_STRING -> STRING;
      case GradusLexer.NAME -> NAME;
      case GradusLexer.ERROR_CHAR -> ERROR;
      default -> AttributedStyle.DEFAULT;
    };
  }

  @Override
  public void setErrorPattern(Pattern errorPattern) {}

  @Override
  public void setErrorIndex(int errorIndex) {}
}
