package io.vigil.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A TCP server that {@link NetworkNamespace#startListener} runs inside a network namespace, in
 * its own JVM. It takes its sockets in one of two argument forms:
 *
 * <ul>
 *   <li>{@code ADDRESS PORT [STALLED_PORT]}: PORT sends an SSH identification string to every
 *       client, and the optional STALLED_PORT listens with a backlog of 1 and never accepts.
 *       Once a test has filled that port's accept queue, Linux drops further SYNs to it without
 *       a reply, so the port looks filtered, as behind a firewall.
 *   <li>{@code MODE=ADDRESS:PORT ...}, one argument per socket, where MODE is {@code banner}
 *       (sends the SSH identification string), {@code silent} (accepts and never sends a byte,
 *       so every read of the client waits for its timeout) or {@code stalled} (never accepts).
 * </ul>
 *
 * <p>It prints "listening on ..." once every socket listens, then "accepted ADDRESS:PORT from
 * CLIENT" for each connection it accepts, so a test can tell which host a scan has reached.
 */
public final class NamespaceListener {
  /** Identification string that the SSH-like port sends. */
  public static final String BANNER = "SSH-2.0-VigilNamespace_1.0";

  /** Line prefix of each accepted connection in the output. */
  public static final String ACCEPTED = "accepted ";

  private static final PrintStream OUT = System.out;

  /**
   * Every socket, kept reachable for the life of the process, because no thread uses a stalled
   * socket and an unreachable socket may be closed when it is garbage collected.
   */
  private static final List<Listener> LISTENERS = new ArrayList<>();

  private NamespaceListener() {}

  /** What a socket does with the connections it accepts. */
  private enum Mode {
    BANNER,
    SILENT,
    STALLED
  }

  private record Listener(Mode mode, ServerSocket socket) {}

  public static void main(String[] args) throws IOException {
    LISTENERS.addAll(args[0].contains("=") ? parseSpecs(args) : parsePositional(args));
    synchronized (OUT) {
      OUT.println("listening on " + String.join(" ", args));
      OUT.flush();
    }
    List<Thread> acceptors = new ArrayList<>();
    for (Listener listener : LISTENERS) {
      if (listener.mode() == Mode.STALLED) {
        continue;
      }
      Thread acceptor = new Thread(() -> accept(listener), "namespace-accept");
      acceptor.start();
      acceptors.add(acceptor);
    }
    // The process runs until the test destroys it.
    for (Thread acceptor : acceptors) {
      try {
        acceptor.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private static List<Listener> parsePositional(String[] args) throws IOException {
    InetAddress address = InetAddress.getByName(args[0]);
    List<Listener> listeners = new ArrayList<>();
    listeners.add(new Listener(Mode.BANNER,
        new ServerSocket(Integer.parseInt(args[1]), 50, address)));
    if (args.length > 2) {
      listeners.add(new Listener(Mode.STALLED,
          new ServerSocket(Integer.parseInt(args[2]), 1, address)));
    }
    return listeners;
  }

  private static List<Listener> parseSpecs(String[] args) throws IOException {
    List<Listener> listeners = new ArrayList<>();
    for (String spec : args) {
      int equals = spec.indexOf('=');
      int colon = spec.lastIndexOf(':');
      if (equals < 0 || colon < equals) {
        throw new IllegalArgumentException("Invalid socket " + spec + "; expected"
            + " MODE=ADDRESS:PORT with MODE one of " + Arrays.toString(Mode.values()));
      }
      Mode mode = Mode.valueOf(spec.substring(0, equals).toUpperCase(Locale.ROOT));
      InetAddress address = InetAddress.getByName(spec.substring(equals + 1, colon));
      int port = Integer.parseInt(spec.substring(colon + 1));
      int backlog = mode == Mode.STALLED ? 1 : 50;
      listeners.add(new Listener(mode, new ServerSocket(port, backlog, address)));
    }
    return listeners;
  }

  private static void accept(Listener listener) {
    ServerSocket server = listener.socket();
    String local = server.getInetAddress().getHostAddress() + ":" + server.getLocalPort();
    while (true) {
      Socket socket;
      try {
        socket = server.accept();
      } catch (IOException e) {
        return;
      }
      synchronized (OUT) {
        OUT.println(ACCEPTED + local + " from " + socket.getInetAddress().getHostAddress() + ":"
            + socket.getPort());
        OUT.flush();
      }
      byte[] greeting = listener.mode() == Mode.BANNER
          ? (BANNER + "\r\n").getBytes(StandardCharsets.US_ASCII) : new byte[0];
      Thread worker = new Thread(() -> serve(socket, greeting), "namespace-client");
      worker.setDaemon(true);
      worker.start();
    }
  }

  private static void serve(Socket socket, byte[] greeting) {
    try (socket) {
      OutputStream out = socket.getOutputStream();
      out.write(greeting);
      out.flush();
      InputStream in = socket.getInputStream();
      byte[] buffer = new byte[1024];
      while (in.read(buffer) >= 0) {
        // Discard what the scanner sends until it closes the connection.
      }
    } catch (IOException e) {
      // The scanner closed or reset the connection, which ends this exchange.
    }
  }
}
