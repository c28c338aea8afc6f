package io.vigil.cli;

import io.vigil.account.Client;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code vigil client add|list}: the clients of a Consultant subscription. */
@Command(
    name = "client",
    mixinStandardHelpOptions = true,
    description = "Manage the clients of a Consultant subscription.")
final class ClientCommand {
  @Mixin DatabaseOptions database;

  @Spec CommandSpec spec;

  @Command(name = "add", mixinStandardHelpOptions = true, description = "Create a client.")
  int add(@Parameters(paramLabel = "NAME", description = "Name of the client.") String name) {
    try (AccountCommands.Session session = AccountCommands.open(database)) {
      long subscriptionId = session.accounts().defaultSubscription().id();
      Client client = session.accounts().addClient(subscriptionId, name);
      out().println("Created client " + client.id() + ": " + client.name());
    }
    return 0;
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List the clients.")
  int list() {
    try (AccountCommands.Session session = AccountCommands.open(database)) {
      long subscriptionId = session.accounts().defaultSubscription().id();
      out().printf("%-6s %s%n", "ID", "NAME");
      for (Client client : session.accounts().listClients(subscriptionId)) {
        out().printf("%-6d %s%n", client.id(), client.name());
      }
    }
    return 0;
  }

  private PrintWriter out() {
    return spec.commandLine().getOut();
  }
}
