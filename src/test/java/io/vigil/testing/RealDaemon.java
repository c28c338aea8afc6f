package io.vigil.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real server program that a test started, such as sshd or nginx from the Debian packages,
 * listening on a 127.0.0.1 port. {@link #close()} stops the process and everything it forked.
 */
public final class RealDaemon implements AutoCloseable {
  /** Upper bound of the wait for a daemon to accept connections on its port. */
  static final Duration START_TIMEOUT = Duration.ofSeconds(20);

  private final String name;
  private final Process process;
  private final List<Integer> ports;
  private final Path log;
  private final Runnable beforeStop;

  private RealDaemon(String name, Process process, List<Integer> ports, Path log,
      Runnable beforeStop) {
    this.name = name;
    this.process = process;
    this.ports = List.copyOf(ports);
    this.log = log;
    this.beforeStop = beforeStop;
  }

  /**
   * Starts {@code command} with its output in {@code log} and waits until each of the ports on
   * 127.0.0.1 accepts a connection. Stops the process again when it exits or a port stays closed
   * until the timeout.
   *
   * @param beforeStop runs first in {@link #close()}, such as "postfix stop"
   */
  static RealDaemon start(String name, List<String> command, List<Integer> ports, Path log,
      Runnable beforeStop) {
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(log.toFile());
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("Starting " + name + " failed: " + command, e);
    }
    RealDaemon daemon = new RealDaemon(name, process, ports, log, beforeStop);
    try {
      for (int port : ports) {
        daemon.awaitListening(command, port);
      }
      return daemon;
    } catch (RuntimeException e) {
      daemon.close();
      throw e;
    }
  }

  public String name() {
    return name;
  }

  /** Returns the first port the daemon listens on. */
  public int port() {
    return ports.get(0);
  }

  public List<Integer> ports() {
    return ports;
  }

  /** Returns the daemon's output so far, for assertion messages. */
  public String output() {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(log " + log + " unreadable: " + e.getMessage() + ")";
    }
  }

  private void awaitListening(List<String> command, int port) {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive() && process.descendants().findAny().isEmpty()) {
        throw new IllegalStateException(name + " exited with status " + process.exitValue()
            + " before listening on 127.0.0.1:" + port + ". Command: " + command
            + "\nOutput:\n" + output());
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(loopback(), port), 200);
        return;
      } catch (IOException e) {
        sleep(100);
      }
    }
    throw new IllegalStateException(name + " did not listen on 127.0.0.1:" + port + " within "
        + START_TIMEOUT.toSeconds() + " s. Command: " + command + "\nOutput:\n" + output());
  }

  /** Stops the daemon: the stop hook, then SIGTERM to its descendants and itself, then SIGKILL. */
  @Override
  public void close() {
    try {
      beforeStop.run();
    } finally {
      List<ProcessHandle> tree = process.descendants().toList();
      tree.forEach(ProcessHandle::destroy);
      process.destroy();
      try {
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
        for (ProcessHandle child : tree) {
          child.onExit().get(5, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (Exception e) {
        tree.forEach(ProcessHandle::destroyForcibly);
      }
    }
  }

  @Override
  public String toString() {
    return name + " on 127.0.0.1 ports " + ports;
  }

  /**
   * Skips the calling test unless {@code path} is an executable file, naming the Debian package
   * that provides it.
   */
  public static void assumeInstalled(Path path, String debianPackage) {
    assumeTrue(Files.isExecutable(path), path + " is missing, so this test is skipped. Install"
        + " it with: apt-get install " + debianPackage + " (./run-tests does so as root)");
  }

  /** Skips the calling test unless it runs as root. */
  public static void assumeRoot(String why) {
    assumeTrue("root".equals(System.getProperty("user.name")),
        "this test needs root, because " + why + "; it is skipped");
  }

  /** Returns a TCP port that was free on 127.0.0.1 a moment ago. */
  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, loopback())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs a short command such as openssl to completion and fails on a non-zero status. */
  public static String run(List<String> command, Duration timeout) {
    Path output = null;
    try {
      output = Files.createTempFile("vigil-command-", ".log");
      Process process = new ProcessBuilder(command)
          .redirectErrorStream(true)
          .redirectOutput(output.toFile())
          .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
          .start();
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("Timed out after " + timeout.toSeconds() + " s: "
            + command);
      }
      String text = Files.readString(output, StandardCharsets.UTF_8);
      if (process.exitValue() != 0) {
        throw new IllegalStateException("Failed with status " + process.exitValue() + ": "
            + command + "\n" + text);
      }
      return text;
    } catch (IOException e) {
      throw new UncheckedIOException("Running " + command + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while running " + command, e);
    } finally {
      if (output != null) {
        output.toFile().delete();
      }
    }
  }

  static InetAddress loopback() {
    try {
      return InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for a daemon", e);
    }
  }
}
