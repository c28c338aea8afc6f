package io.vigil.cli;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import picocli.CommandLine;

/**
 * Runs the commands that call a server's API ({@code scan}, {@code asset}) in this JVM, with an
 * environment in place of the process's, and captures what they print.
 */
final class RemoteCommandRunner {
  private final Map<String, String> environment;
  private boolean terminal;

  RemoteCommandRunner(Map<String, String> environment) {
    this.environment = environment;
  }

  /** Makes the scan commands draw progress as on a terminal. */
  RemoteCommandRunner terminal(boolean terminal) {
    this.terminal = terminal;
    return this;
  }

  CommandRunner.Result run(String... args) {
    return runWithInput(null, args);
  }

  /** Runs a command with {@code stdin} as its standard input, or the JVM's when null. */
  CommandRunner.Result runWithInput(String stdin, String... args) {
    CommandLine commandLine = VigilCommand.commandLine();
    ScanCommand scan = commandLine.getSubcommands().get("scan").getCommand();
    scan.environment = environment;
    scan.terminal = terminal;
    scan.pollInterval = Duration.ofMillis(200);
    AssetCommand asset = commandLine.getSubcommands().get("asset").getCommand();
    asset.environment = environment;
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    InputStream originalIn = System.in;
    if (stdin != null) {
      System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
    }
    try {
      int exitCode = commandLine.execute(args);
      return new CommandRunner.Result(exitCode, out.toString(), err.toString());
    } finally {
      System.setIn(originalIn);
    }
  }
}
