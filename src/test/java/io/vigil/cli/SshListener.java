package io.vigil.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A TCP listener on a loopback address that greets every connection with an SSH identification
 * string, or with nothing, and reads until the client closes, for the scan engine to find.
 */
final class SshListener implements AutoCloseable {
  private final ServerSocket server;

  SshListener(String ip, int port, String identification) throws IOException {
    this(ip, port, (identification + "\r\n").getBytes(StandardCharsets.UTF_8));
  }

  private SshListener(String ip, int port, byte[] banner) throws IOException {
    this.server = new ServerSocket(port, 50, InetAddress.getByName(ip));
    Thread acceptor = new Thread(() -> acceptLoop(banner), "ssh-listener-" + ip);
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** Starts a listener that never sends a byte, so each detection probe waits a timeout. */
  static SshListener silent(String ip, int port) throws IOException {
    return new SshListener(ip, port, new byte[0]);
  }

  /** Returns a free TCP port on 127.0.0.1, to use for every listener of a test. */
  static int freePort() throws IOException {
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return probe.getLocalPort();
    }
  }

  private void acceptLoop(byte[] banner) {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        Thread worker = new Thread(() -> serve(socket, banner), "ssh-listener-conn");
        worker.setDaemon(true);
        worker.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private static void serve(Socket socket, byte[] banner) {
    try (socket) {
      OutputStream out = socket.getOutputStream();
      out.write(banner);
      out.flush();
      InputStream in = socket.getInputStream();
      byte[] buffer = new byte[1024];
      while (in.read(buffer) >= 0) {
        // Discards what the scanner sends until it closes the connection.
      }
    } catch (IOException e) {
      // The scanner closed or reset the connection, which ends this exchange.
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
