package gradus.cli.kernel;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.zeromq.ZMQ;

/**
 * The IOPub channel. Every thread publishes through a queue, and one thread owns the socket
 * (ZeroMQ sockets are not thread-safe). Consecutive stream messages of one cell are merged
 * there, so a loop that prints ten thousand lines sends a few messages, not ten thousand.
 */
final class Iopub implements Runnable {
  private final ZMQ.Socket socket;
  private final Wire wire;
  private final BlockingQueue<Message> queue = new LinkedBlockingQueue<>();
  private volatile boolean closing;

  Iopub(ZMQ.Socket socket, Wire wire) {
    this.socket = socket;
    this.wire = wire;
  }

  void publish(Message parent, String type, ObjectNode content) {
    byte[] topic = ("kernel." + wire.session + "." + type).getBytes(StandardCharsets.UTF_8);
    queue.add(wire.message(List.of(topic), parent, type, content));
  }

  void status(Message parent, String state) {
    publish(parent, "status", wire.object().put("execution_state", state));
  }

  /** Sends what is queued, then ends the thread. */
  void close() {
    closing = true;
  }

  @Override
  public void run() {
    while (true) {
      Message m;
      try {
        m = queue.poll(50, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      if (m == null) {
        if (closing) return;
        continue;
      }
      if (m.type().equals("stream")) m = mergeFollowingStreams(m);
      send(m);
    }
  }

  private Message mergeFollowingStreams(Message first) {
    StringBuilder text = null;
    Message next;
    while ((next = queue.peek()) != null && sameStream(first, next)) {
      queue.poll();
      if (text == null) text = new StringBuilder(first.content().path("text").asText());
      text.append(next.content().path("text").asText());
    }
    if (text != null) first.content().put("text", text.toString());
    return first;
  }

  private static boolean sameStream(Message a, Message b) {
    return b.type().equals("stream")
        && a.content().path("name").equals(b.content().path("name"))
        && a.parent().path("msg_id").equals(b.parent().path("msg_id"));
  }

  private void send(Message m) {
    Frames.send(socket, wire.frames(m));
  }
}
