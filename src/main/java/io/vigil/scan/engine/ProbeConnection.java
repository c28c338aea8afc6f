package io.vigil.scan.engine;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.function.Predicate;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * One blocking TCP connection to a service, with a connect timeout and a time limit on every
 * read. A probe opens a new connection for each protocol it tries, because a server may close
 * or misread a connection after an unexpected request. An interrupt of the probing thread closes
 * the connection.
 */
final class ProbeConnection implements Closeable {
  private final InetAddress address;
  private final int port;
  private final Duration readTimeout;
  private Socket socket;

  private ProbeConnection(InetAddress address, int port, Duration readTimeout, Socket socket) {
    this.address = address;
    this.port = port;
    this.readTimeout = readTimeout;
    this.socket = socket;
  }

  static ProbeConnection open(
      InetAddress address, int port, Duration connectTimeout, Duration readTimeout)
      throws IOException {
    // A socket from a SocketChannel closes when its thread is interrupted, so a cancel, pause or
    // shutdown ends a read at once. A plain Socket ignores the interrupt until the read timeout.
    Socket socket = SocketChannel.open().socket();
    try {
      socket.connect(new InetSocketAddress(address, port), timeoutMillis(connectTimeout));
      socket.setSoTimeout(timeoutMillis(readTimeout));
      return new ProbeConnection(address, port, readTimeout, socket);
    } catch (IOException e) {
      socket.close();
      throw e;
    }
  }

  /**
   * Runs a TLS handshake over this connection; later reads and writes go through TLS. The
   * handshake reads are bounded by the read timeout.
   */
  SSLSocket startTls(SSLSocketFactory factory) throws IOException {
    // The address literal as peer host makes the JDK send no SNI name, so no host name leaks.
    SSLSocket tls =
        (SSLSocket) factory.createSocket(socket, address.getHostAddress(), port, true);
    tls.setUseClientMode(true);
    tls.setSoTimeout(timeoutMillis(readTimeout));
    socket = tls;
    tls.startHandshake();
    return tls;
  }

  void write(byte[] bytes) throws IOException {
    socket.getOutputStream().write(bytes);
    socket.getOutputStream().flush();
  }

  /**
   * Reads until {@code complete} accepts the bytes so far, the peer closes the connection,
   * {@code maxBytes} arrived or the read timeout passed, whichever comes first. A reset or a
   * timeout ends the read quietly and returns what arrived.
   */
  byte[] read(int maxBytes, Predicate<byte[]> complete) {
    ByteArrayOutputStream received = new ByteArrayOutputStream();
    byte[] buffer = new byte[Math.min(maxBytes, 8192)];
    long end = System.nanoTime() + readTimeout.toNanos();
    try {
      InputStream in = socket.getInputStream();
      while (received.size() < maxBytes) {
        long remainingMillis = (end - System.nanoTime()) / 1_000_000;
        if (remainingMillis <= 0) {
          break;
        }
        socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, remainingMillis));
        int count = in.read(buffer, 0, Math.min(buffer.length, maxBytes - received.size()));
        if (count < 0) {
          break;
        }
        received.write(buffer, 0, count);
        if (complete.test(received.toByteArray())) {
          break;
        }
      }
    } catch (SocketTimeoutException e) {
      // The service sent nothing more within the read timeout.
    } catch (IOException e) {
      // A reset or a TLS alert ends the conversation; what arrived before still counts.
    }
    return received.toByteArray();
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException e) {
      // Nothing to do: the probe is over either way.
    }
  }

  private static int timeoutMillis(Duration timeout) {
    return (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
  }
}
