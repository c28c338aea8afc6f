package io.vigil.cli;

import io.vigil.Version;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import io.vigil.VigilException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code vigil} command and its subcommands. */
@Command(
    name = "vigil",
    mixinStandardHelpOptions = true,
    versionProvider = VigilCommand.VersionProvider.class,
    description = "Self-hosted vulnerability management server with a Qualys-compatible API.",
    subcommands = {
      ServeCommand.class,
      UserCommand.class,
      ClientCommand.class,
      SubscriptionCommand.class,
      DbCommand.class,
      KeysCommand.class,
      AuthCommand.class,
      ScanCommand.class,
      AssetCommand.class
    })
public final class VigilCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Returns the command line with Vigil's error handling: a failure prints one line, no trace. */
  public static CommandLine commandLine() {
    CommandLine commandLine = new CommandLine(new VigilCommand());
    commandLine.setExecutionExceptionHandler(
        (e, cmd, parseResult) -> {
          if (e instanceof VigilException || e instanceof IllegalStateException) {
            cmd.getErr().println("vigil: " + e.getMessage());
            return 1;
          }
          throw e;
        });
    commandLine.setExecutionStrategy(
        parseResult -> {
          quietLogsUnlessServing(parseResult);
          return new CommandLine.RunLast().execute(parseResult);
        });
    return commandLine;
  }

  /**
   * Lowers the log level to WARN for the short-lived commands, whose INFO lines ("Database
   * ready") would only clutter their output; {@code serve} keeps the configured level.
   */
  private static void quietLogsUnlessServing(CommandLine.ParseResult parseResult) {
    boolean serving =
        parseResult.subcommand() != null && parseResult.subcommand().commandSpec().name()
            .equals("serve");
    if (!serving && System.getenv("VIGIL_LOG_LEVEL") == null
        && LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
      context.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(Level.WARN);
    }
  }

  /** Prints the version from the jar manifest. */
  static final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"vigil " + Version.current()};
    }
  }
}
