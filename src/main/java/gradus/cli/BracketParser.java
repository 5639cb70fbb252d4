package gradus.cli;

import gradus.lang.Parse;
import java.util.List;
import org.jline.reader.CompletingParsedLine;
import org.jline.reader.EOFError;
import org.jline.reader.ParsedLine;
import org.jline.reader.impl.DefaultParser;

/**
 * Splits REPL input into words at every character that cannot be part of a name (so that
 * {@code f(ros<Tab>} completes), and asks for more lines while a bracket, brace or string is open.
 * After {@code :load} and {@code :save} a file name is one word.
 */
final class BracketParser extends DefaultParser {
  BracketParser() {
    setEscapeChars(null);
    setQuoteChars(new char[0]);
  }

  @Override
  public ParsedLine parse(String line, int cursor, ParseContext context) {
    if (context == ParseContext.ACCEPT_LINE && !line.strip().startsWith(":") && Parse.isIncomplete(line)) {
      throw new EOFError(-1, -1, "unbalanced", "bracket");
    }
    return new Verbatim(super.parse(line, cursor, context));
  }

  @Override
  public boolean isDelimiterChar(CharSequence buffer, int pos) {
    char c = buffer.charAt(pos);
    // a file name is one word: scripts/seed.opt, after :load or :save (and an opening quote)
    if (Completion.takesFileName(buffer)) return Character.isWhitespace(c) || c == '"';
    return !(Character.isLetterOrDigit(c) || c == '_' || c == ':' || Character.isSurrogate(c));
  }

  /**
   * A parsed line whose completions go in as offered: JLine would otherwise put {@code 'lr='} or
   * {@code 'scripts/'} in quotes, since '=' and '/' split words here.
   */
  private record Verbatim(ParsedLine parsed) implements CompletingParsedLine {
    @Override public String word() {
      return parsed.word();
    }

    @Override public int wordCursor() {
      return parsed.wordCursor();
    }

    @Override public int wordIndex() {
      return parsed.wordIndex();
    }

    @Override public List<String> words() {
      return parsed.words();
    }

    @Override public String line() {
      return parsed.line();
    }

    @Override public int cursor() {
      return parsed.cursor();
    }

    @Override public CharSequence escape(CharSequence candidate, boolean complete) {
      return candidate;
    }

    @Override public int rawWordCursor() {
      return parsed.wordCursor();
    }

    @Override public int rawWordLength() {
      return parsed.word().length();
    }
  }
}
