package gradus.cli.kernel;

import java.util.ArrayList;
import java.util.List;
import org.zeromq.ZMQ;

/** Multipart ZeroMQ messages as lists of frames. */
final class Frames {
  private Frames() {}

  /** The next whole message, or null when none arrives within the socket's receive timeout. */
  static List<byte[]> receive(ZMQ.Socket socket, int flags) {
    byte[] first = socket.recv(flags);
    if (first == null) return null;
    List<byte[]> frames = new ArrayList<>();
    frames.add(first);
    while (socket.hasReceiveMore()) frames.add(socket.recv(0));
    return frames;
  }

  static void send(ZMQ.Socket socket, List<byte[]> frames) {
    for (int i = 0; i < frames.size() - 1; i++) socket.sendMore(frames.get(i));
    socket.send(frames.get(frames.size() - 1));
  }
}
