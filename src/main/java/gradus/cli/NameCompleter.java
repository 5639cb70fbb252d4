package gradus.cli;

import gradus.interp.Interpreter;
import java.util.List;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/**
 * Tab completion in the REPL: JLine shows what {@link Completion} offers, in its groups
 * (keyword arguments of the enclosing call apart from the names, fields after {@code r.}, files
 * after {@code :load}). {@link BracketParser} splits words as {@link Completion#wordStart} does.
 */
final class NameCompleter implements Completer {
  private final Interpreter interp;

  NameCompleter(Interpreter interp) {
    this.interp = interp;
  }

  @Override
  public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
    for (Completion.Offer o : Completion.offers(interp, line.line().substring(0, line.cursor()))) {
      candidates.add(candidate(o));
    }
  }

  private static Candidate candidate(Completion.Offer o) {
    // a finished file name takes a space after it; a name may go on with '(' or '.', a folder with more path
    boolean complete = o.group().equals("files") && !o.text().endsWith("/");
    return new Candidate(o.text(), o.text(), o.group(), o.description(), null, null, complete);
  }
}
