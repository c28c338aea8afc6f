package io.vigil.scan.engine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A TCP server on 127.0.0.1 and a free port that runs a handler for each connection on its own
 * daemon thread. Scan tests use it as a target with a known behavior.
 */
final class LoopbackService implements AutoCloseable {
  /** What the service does with one accepted connection. */
  interface Handler {
    void handle(Socket socket) throws IOException;
  }

  private final ServerSocket server;
  private final List<Socket> connections = new ArrayList<>();

  private LoopbackService(ServerSocket server, Handler handler) {
    this.server = server;
    Thread acceptor = new Thread(() -> acceptLoop(handler), "loopback-" + server.getLocalPort());
    acceptor.setDaemon(true);
    acceptor.start();
  }

  static LoopbackService start(Handler handler) throws IOException {
    return new LoopbackService(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), handler);
  }

  /** Sends {@code greeting} on connect, then keeps the connection open until the client leaves. */
  static LoopbackService greeting(byte[] greeting) throws IOException {
    return start(socket -> {
      socket.getOutputStream().write(greeting);
      socket.getOutputStream().flush();
      drain(socket.getInputStream());
    });
  }

  static LoopbackService greeting(String greeting) throws IOException {
    return greeting(greeting.getBytes(StandardCharsets.UTF_8));
  }

  /** Accepts connections and never sends a byte. */
  static LoopbackService silent() throws IOException {
    return start(socket -> drain(socket.getInputStream()));
  }

  /**
   * Waits for a line; replies {@code reply} when the line equals {@code request}, else closes.
   * Binary requests without a line break wait until the client gives up.
   */
  static LoopbackService lineReply(String request, String reply) throws IOException {
    return start(socket -> {
      String line = readLine(socket.getInputStream());
      if (request.equals(line)) {
        OutputStream out = socket.getOutputStream();
        out.write(reply.getBytes(StandardCharsets.UTF_8));
        out.flush();
        drain(socket.getInputStream());
      }
    });
  }

  int port() {
    return server.getLocalPort();
  }

  /** Returns a port on 127.0.0.1 that was free a moment ago: bound, read and closed again. */
  static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  static String readLine(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    int b;
    while ((b = in.read()) >= 0 && b != '\n') {
      if (b != '\r') {
        line.append((char) b);
      }
    }
    return line.toString();
  }

  static void drain(InputStream in) throws IOException {
    byte[] buffer = new byte[1024];
    while (in.read(buffer) >= 0) {
      // Discard what the scanner sends until it closes the connection.
    }
  }

  private void acceptLoop(Handler handler) {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        synchronized (connections) {
          connections.add(socket);
        }
        Thread worker = new Thread(() -> serve(handler, socket), "loopback-conn-" + port());
        worker.setDaemon(true);
        worker.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private static void serve(Handler handler, Socket socket) {
    try (socket) {
      handler.handle(socket);
    } catch (IOException e) {
      // The scanner closed or reset the connection, which ends this exchange.
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
    synchronized (connections) {
      for (Socket socket : connections) {
        socket.close();
      }
    }
  }

  /** Returns a POP3-like greeting with NUL, BEL, an escape sequence, "]]>" and invalid UTF-8. */
  static byte[] hostileGreeting() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.writeBytes("+OK hostile\u0000\u0007 ]]> \u001b[31m".getBytes(StandardCharsets.UTF_8));
    bytes.write(0xff);
    bytes.write(0xfe);
    bytes.writeBytes(" <end>\r\n".getBytes(StandardCharsets.UTF_8));
    return bytes.toByteArray();
  }

  /** A MySQL protocol-10 handshake packet, cut after the version string and a few bytes. */
  static byte[] mysqlHandshake(String version) {
    byte[] versionBytes = version.getBytes(StandardCharsets.US_ASCII);
    int payload = 1 + versionBytes.length + 1 + 4;
    ByteArrayOutputStream packet = new ByteArrayOutputStream();
    packet.write(payload);
    packet.write(0);
    packet.write(0);
    packet.write(0);
    packet.write(10);
    packet.writeBytes(versionBytes);
    packet.write(0);
    packet.writeBytes(new byte[] {1, 0, 0, 0});
    return packet.toByteArray();
  }

  /** Replies 'N' (no TLS) to a PostgreSQL SSLRequest and closes on anything else. */
  static void answerSslRequest(Socket socket) throws IOException {
    byte[] request = socket.getInputStream().readNBytes(8);
    byte[] sslRequest = {0, 0, 0, 8, 0x04, (byte) 0xd2, 0x16, 0x2f};
    if (Arrays.equals(request, sslRequest)) {
      socket.getOutputStream().write('N');
      socket.getOutputStream().flush();
      drain(socket.getInputStream());
    }
  }
}
