package gradus.cli;

import gradus.lang.Parse;
import org.jline.reader.EOFError;
import org.jline.reader.ParsedLine;
import org.jline.reader.impl.DefaultParser;

/**
 * Splits REPL input into words at every character that cannot be part of a name (so that
 * {@code f(ros<Tab>} completes), and asks for more lines while a bracket, brace or string is open.
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
    return super.parse(line, cursor, context);
  }

  @Override
  public boolean isDelimiterChar(CharSequence buffer, int pos) {
    char c = buffer.charAt(pos);
    return !(Character.isLetterOrDigit(c) || c == '_' || c == ':' || Character.isSurrogate(c));
  }
}
