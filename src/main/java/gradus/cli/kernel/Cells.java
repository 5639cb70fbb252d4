package gradus.cli.kernel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gradus.cli.Repl;
import gradus.interp.Interpreter;
import gradus.interp.PlotSinks;
import gradus.interp.Printer;
import gradus.interp.Session;
import gradus.interp.Value;
import gradus.lang.Ast;
import gradus.lang.GradusError;
import gradus.lang.Parse;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Runs execute requests in the kernel's one {@link Session} (one environment, as in the REPL)
 * and publishes what a cell shows: printed text as {@code stream}, each bare expression's value
 * as an {@code execute_result}, each plot without {@code out=} as a {@code display_data} image,
 * and an error as an {@code error} whose traceback is the SPEC §1 lines, with {@code In[N]} as
 * the file name.
 */
final class Cells {
  private final Wire wire;
  private final Iopub iopub;
  private final Session session;
  private final PrintStream out;
  private final PrintStream err;
  private final Repl.Commands commands;
  private final List<Session.Report> errors = new ArrayList<>();
  private int executionCount;
  /** The request being run: what the streams and displays answer. */
  private volatile Message current;
  private volatile boolean silent;
  private volatile boolean interrupted;

  Cells(Wire wire, Iopub iopub) {
    this.wire = wire;
    this.iopub = iopub;
    this.out = new PrintStream(new StdStream(text -> stream("stdout", text)), true, StandardCharsets.UTF_8);
    this.err = new PrintStream(new StdStream(text -> stream("stderr", text)), true, StandardCharsets.UTF_8);
    this.session = new Session(out, err);
    this.commands = new Repl.Commands(session, out);
    session.setErrorSink(errors::add);
    Interpreter interp = session.interpreter();
    interp.setEcho(this::result);
    Interpreter.PlotSink images = PlotSinks.images(this::display);
    interp.setPlotSink(v -> {
      if (!silent) images.show(v);
    });
  }

  Interpreter interpreter() {
    return session.interpreter();
  }

  /** Stops the running cell as Ctrl-C does in the REPL: loops, optimizations and compiled code. */
  void interrupt() {
    interrupted = true;
    session.interpreter().requestInterrupt();
  }

  /** Runs one execute_request; returns the content of its execute_reply. */
  ObjectNode execute(Message request) {
    ObjectNode content = request.content();
    String code = content.path("code").asText("");
    silent = content.path("silent").asBoolean(false);
    if (!silent && content.path("store_history").asBoolean(true)) executionCount++;
    current = request;
    if (!silent) iopub.publish(request, "execute_input", wire.object().put("code", code).put("execution_count", executionCount));
    interrupted = false;
    session.interpreter().clearInterrupt();
    errors.clear();
    boolean ok = run(code);
    out.flush();
    err.flush();
    if (ok) {
      ObjectNode reply = wire.object().put("status", "ok").put("execution_count", executionCount);
      reply.set("user_expressions", userExpressions(content.path("user_expressions")));
      reply.putArray("payload");
      return reply;
    }
    ObjectNode error = error();
    if (!silent) iopub.publish(request, "error", error.deepCopy());
    return error.put("status", "error").put("execution_count", executionCount);
  }

  /** A cell that starts with ':' holds REPL commands, one a line; anything else is Gradus code. */
  private boolean run(String code) {
    if (!code.strip().startsWith(":")) return session.run(code, "In[" + executionCount + "]");
    for (String line : code.strip().split("\\R")) {
      if (line.isBlank()) continue;
      if (!commands.run(line.strip())) {
        out.println("the notebook's kernel keeps running: stop it with Kernel > Shut Down in Jupyter");
      }
    }
    return errors.isEmpty();
  }

  /** ename is SyntaxError (nothing ran), KeyboardInterrupt (an interrupt stopped it) or Error. */
  private ObjectNode error() {
    ObjectNode e = wire.object();
    String ename = interrupted ? "KeyboardInterrupt" : !errors.isEmpty() && errors.get(0).syntax() ? "SyntaxError" : "Error";
    e.put("ename", ename).put("evalue", errors.isEmpty() ? "the cell failed" : errors.get(0).message());
    ArrayNode traceback = e.putArray("traceback");
    for (Session.Report r : errors) {
      for (String line : r.text().split("\n", -1)) traceback.add(line);
    }
    return e;
  }

  private void stream(String name, String text) {
    iopub.publish(current, "stream", wire.object().put("name", name).put("text", text));
  }

  private void result(Value v) {
    if (silent) return;
    out.flush();
    ObjectNode content = wire.object().put("execution_count", executionCount);
    content.putObject("data").put("text/plain", Printer.print(v));
    content.putObject("metadata");
    iopub.publish(current, "execute_result", content);
  }

  private void display(PlotSinks.Image image) {
    out.flush();
    ObjectNode content = wire.object();
    content.putObject("data").put(image.mimeType(), Base64.getEncoder().encodeToString(image.bytes()))
        .put("text/plain", image.text());
    content.putObject("metadata").putObject(image.mimeType()).put("width", image.width()).put("height", image.height());
    content.putObject("transient");
    iopub.publish(current, "display_data", content);
  }

  /** Each user expression's printed value, or its error, as IPython answers them. */
  private ObjectNode userExpressions(JsonNode expressions) {
    ObjectNode answers = wire.object();
    for (Iterator<Map.Entry<String, JsonNode>> it = expressions.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      ObjectNode answer = answers.putObject(e.getKey());
      try {
        Value v = evaluate(e.getValue().asText(""));
        answer.put("status", "ok").putObject("data").put("text/plain", Printer.print(v));
        answer.putObject("metadata");
      } catch (GradusError g) {
        answer.put("status", "error").put("ename", "Error").put("evalue", g.getMessage()).putArray("traceback");
      }
    }
    return answers;
  }

  private Value evaluate(String expression) {
    Parse.Result parsed = Parse.program(expression);
    if (!parsed.errors().isEmpty()) throw parsed.errors().get(0);
    if (parsed.statements().size() != 1 || !(parsed.statements().get(0) instanceof Ast.ExprStmt s)) {
      throw new GradusError(null, "a user expression must be one expression");
    }
    return session.interpreter().eval(s.expr());
  }
}
