package io.vigil.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A TCP server that {@link NetworkNamespace#startListener} runs inside a network namespace, in
 * its own JVM. Arguments: the address to bind, the port that sends an SSH identification string
 * to every client, and optionally a second port that listens with a backlog of 1 and never
 * accepts. Once a test has filled that port's accept queue, Linux drops further SYNs to it
 * without a reply, so the port looks filtered, as behind a firewall.
 */
public final class NamespaceListener {
  /** Identification string that the SSH-like port sends. */
  public static final String BANNER = "SSH-2.0-VigilNamespace_1.0";

  private NamespaceListener() {}

  public static void main(String[] args) throws IOException {
    InetAddress address = InetAddress.getByName(args[0]);
    ServerSocket banner = new ServerSocket(Integer.parseInt(args[1]), 50, address);
    ServerSocket stalled = args.length > 2
        ? new ServerSocket(Integer.parseInt(args[2]), 1, address) : null;
    System.out.println("listening on " + address.getHostAddress() + " ports "
        + String.join(" ", Arrays.copyOfRange(args, 1, args.length)));
    System.out.flush();
    try (banner) {
      while (true) {
        Socket socket = banner.accept();
        Thread worker = new Thread(() -> serve(socket), "namespace-client");
        worker.setDaemon(true);
        worker.start();
      }
    } finally {
      if (stalled != null) {
        stalled.close();
      }
    }
  }

  private static void serve(Socket socket) {
    try (socket) {
      OutputStream out = socket.getOutputStream();
      out.write((BANNER + "\r\n").getBytes(StandardCharsets.US_ASCII));
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
