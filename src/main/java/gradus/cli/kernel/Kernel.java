package gradus.cli.kernel;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;

/**
 * A Jupyter kernel (messaging protocol 5.3) over ZeroMQ: {@code gradus --kernel CONNECTION_FILE}.
 * Shell requests run one at a time on this thread (which has the interpreter's large stack);
 * the control channel, heartbeat and IOPub each have a thread of their own, so an
 * {@code interrupt_request} or {@code shutdown_request} arrives while a cell is running.
 * {@code interrupt_mode} is "message": the Interrupt button sends an interrupt_request on the
 * control channel, which works the same on every platform and needs no signal handler.
 */
public final class Kernel {
  /** How long a loop waits on its socket before it looks at {@link #stopping} again. */
  private static final int POLL_MS = 100;

  private final Connection connection;
  private final PrintStream log;
  private final Wire wire;
  private volatile boolean stopping;
  private Iopub iopub;
  private Cells cells;
  private Replies replies;

  private Kernel(Connection connection, PrintStream log) {
    this.connection = connection;
    this.log = log;
    this.wire = new Wire(connection.key(), connection.signatureScheme());
  }

  /** Serves until a shutdown_request; returns the exit status. */
  public static int run(Path connectionFile, PrintStream log) {
    return new Kernel(Connection.read(connectionFile), log).serve();
  }

  private int serve() {
    try (ZContext context = new ZContext()) {
      context.setLinger(1000);
      ZMQ.Socket shell = bind(context, SocketType.ROUTER, connection.shellPort());
      ZMQ.Socket control = bind(context, SocketType.ROUTER, connection.controlPort());
      bind(context, SocketType.ROUTER, connection.stdinPort());
      ZMQ.Socket iopubSocket = bind(context, SocketType.PUB, connection.iopubPort());
      ZMQ.Socket heartbeat = bind(context, SocketType.REP, connection.hbPort());
      iopub = new Iopub(iopubSocket, wire);
      cells = new Cells(wire, iopub);
      replies = new Replies(wire, cells.interpreter());
      Thread publisher = start("gradus-iopub", iopub);
      Thread beat = start("gradus-heartbeat", () -> echo(heartbeat));
      Thread controller = start("gradus-control", () -> serve(control, false));
      exitWithParent();
      iopub.status(null, "starting");
      serve(shell, true);
      join(controller);
      join(beat);
      iopub.close();
      join(publisher);
    }
    return 0;
  }

  /**
   * A kernel whose Jupyter has gone (killed, crashed) would run for ever with nobody to shut it
   * down: like IPython's kernel, it ends when the process that started it ends.
   */
  private void exitWithParent() {
    // polled: onExit() does not fire for a process that is not our child
    ProcessHandle.current().parent().ifPresent(parent ->
        exitWhen("gradus-parent", () -> !parent.isAlive(), "the process that started it has ended"));
  }

  /** A daemon thread that ends the process, saying why, once {@code condition} holds. */
  private void exitWhen(String name, BooleanSupplier condition, String why) {
    start(name, () -> {
      while (!condition.getAsBoolean()) {
        try {
          Thread.sleep(250);
        } catch (InterruptedException e) {
          return;
        }
      }
      log.println("gradus kernel: " + why + "; exiting");
      System.exit(0);
    });
  }

  private ZMQ.Socket bind(ZContext context, SocketType type, int port) {
    ZMQ.Socket socket = context.createSocket(type);
    String address = connection.address(port);
    try {
      socket.bind(address);
    } catch (ZMQException e) {
      throw new KernelError("cannot listen on " + address + ": " + describe(e));
    }
    socket.setReceiveTimeOut(POLL_MS);
    return socket;
  }

  /** JeroMQ's own message is just "Errno 48". */
  private static String describe(ZMQException e) {
    try {
      return ZMQ.Error.findByCode(e.getErrorCode()).getMessage();
    } catch (IllegalArgumentException unknownCode) {
      return e.getMessage();
    }
  }

  private static Thread start(String name, Runnable body) {
    Thread t = new Thread(body, name);
    t.setDaemon(true);
    t.start();
    return t;
  }

  private void join(Thread t) {
    try {
      t.join(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The heartbeat: every ping comes straight back. */
  private void echo(ZMQ.Socket heartbeat) {
    while (!stopping) {
      List<byte[]> ping = Frames.receive(heartbeat, 0);
      if (ping != null) Frames.send(heartbeat, ping);
    }
  }

  private void serve(ZMQ.Socket socket, boolean isShell) {
    while (!stopping) {
      Message request = receive(socket, 0);
      if (request == null) continue;
      ObjectNode reply = handle(socket, request);
      boolean failed = reply != null && reply.path("status").asText().equals("error");
      if (isShell && failed && request.type().equals("execute_request")
          && request.content().path("stop_on_error").asBoolean(true)) {
        abortQueued(socket);
      }
    }
  }

  /** The next message that is well formed and rightly signed; others are logged and dropped. */
  private Message receive(ZMQ.Socket socket, int flags) {
    List<byte[]> frames = Frames.receive(socket, flags);
    if (frames == null) return null;
    try {
      return wire.parse(frames);
    } catch (Wire.Refused e) {
      log.println("gradus kernel: dropped " + e.getMessage());
      return null;
    }
  }

  /**
   * After an error, the execute requests already waiting (a "Run All") are answered "aborted"
   * without running, as IPython's kernel does; other requests are answered as usual.
   */
  private void abortQueued(ZMQ.Socket shell) {
    List<byte[]> frames;
    while ((frames = Frames.receive(shell, ZMQ.DONTWAIT)) != null) {
      Message request;
      try {
        request = wire.parse(frames);
      } catch (Wire.Refused e) {
        log.println("gradus kernel: dropped " + e.getMessage());
        continue;
      }
      if (request.type().equals("execute_request")) {
        iopub.status(request, "busy");
        send(shell, request, wire.object().put("status", "aborted"));
        iopub.status(request, "idle");
      } else {
        handle(shell, request);
      }
    }
  }

  /** Answers one request between busy and idle on IOPub; returns the reply's content (or null). */
  private ObjectNode handle(ZMQ.Socket socket, Message request) {
    iopub.status(request, "busy");
    ObjectNode reply;
    try {
      reply = answer(request);
    } catch (RuntimeException e) {
      log.println("gradus kernel: internal error on " + request.type() + ": " + e);
      reply = wire.object().put("status", "error").put("ename", "InternalError").put("evalue", String.valueOf(e.getMessage()));
      reply.putArray("traceback");
    }
    if (reply != null) send(socket, request, reply);
    iopub.status(request, "idle");
    return reply;
  }

  private void send(ZMQ.Socket socket, Message request, ObjectNode content) {
    String type = request.type().replaceFirst("_request$", "_reply");
    Frames.send(socket, wire.frames(wire.message(request.identities(), request, type, content)));
  }

  private ObjectNode answer(Message request) {
    ObjectNode c = request.content();
    return switch (request.type()) {
      case "kernel_info_request" -> replies.kernelInfo();
      case "execute_request" -> cells.execute(request);
      case "complete_request" -> replies.complete(c.path("code").asText(""), c.path("cursor_pos").asInt(0));
      case "inspect_request" -> replies.inspect(c.path("code").asText(""), c.path("cursor_pos").asInt(0));
      case "is_complete_request" -> replies.isComplete(c.path("code").asText(""));
      case "history_request" -> {
        ObjectNode r = wire.object().put("status", "ok");
        r.putArray("history");
        yield r;
      }
      case "comm_info_request" -> {
        ObjectNode r = wire.object().put("status", "ok");
        r.putObject("comms");
        yield r;
      }
      case "interrupt_request" -> {
        cells.interrupt();
        yield wire.object().put("status", "ok");
      }
      case "shutdown_request" -> {
        shutdown();
        yield wire.object().put("status", "ok").put("restart", c.path("restart").asBoolean(false));
      }
      // Gradus has no widgets: comm messages need no answer
      case "comm_open", "comm_msg", "comm_close" -> null;
      default -> {
        log.println("gradus kernel: ignored a message of unknown type '" + request.type() + "'");
        yield null;
      }
    };
  }

  /**
   * Stops the loops and the running cell. A cell that does not notice the interrupt (a long
   * computation outside any loop) cannot hold the process: it exits after three seconds anyway.
   */
  private void shutdown() {
    stopping = true;
    cells.interrupt();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
    exitWhen("gradus-shutdown", () -> System.nanoTime() > deadline, "the running cell did not stop after the shutdown request");
  }
}
