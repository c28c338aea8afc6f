package io.vigil.cli;

import io.vigil.account.NewUser;
import io.vigil.account.PasswordHasher;
import io.vigil.account.Role;
import io.vigil.account.User;
import io.vigil.account.UserStatus;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code vigil user add|list|passwd|disable|enable|manage-auth}. */
@Command(
    name = "user",
    mixinStandardHelpOptions = true,
    description = "Manage the users of the subscription.")
final class UserCommand {
  @Mixin DatabaseOptions database;

  @Spec CommandSpec spec;

  @Command(name = "add", mixinStandardHelpOptions = true, description = "Create a user.")
  int add(
      @Parameters(paramLabel = "LOGIN", description = "Login of the new user.") String login,
      @Option(
              names = "--role",
              required = true,
              paramLabel = "ROLE",
              description = "Manager, Unit Manager, Scanner, Reader or Auditor.")
          String roleName,
      @Option(
              names = "--first-name",
              paramLabel = "NAME",
              defaultValue = "",
              description = "First name of the user.")
          String firstName,
      @Option(
              names = "--last-name",
              paramLabel = "NAME",
              defaultValue = "",
              description = "Last name of the user.")
          String lastName,
      @Option(
              names = "--email",
              paramLabel = "ADDRESS",
              defaultValue = "",
              description = "Email address of the user.")
          String email,
      @Option(
              names = "--password-stdin",
              description = "Read the password from the first line of standard input.")
          boolean passwordStdin) {
    Role role =
        Role.parse(roleName)
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "Invalid role '"
                            + roleName
                            + "': use one of "
                            + Arrays.stream(Role.values())
                                .map(Role::displayName)
                                .collect(Collectors.joining(", "))
                            + "."));
    try (AccountCommands.Session session = AccountCommands.open(database)) {
      String password = AccountCommands.readPassword(passwordStdin);
      boolean generated = password == null;
      if (generated) {
        password = PasswordHasher.generate();
      }
      long subscriptionId = session.accounts().defaultSubscription().id();
      User user =
          session
              .accounts()
              .addUser(
                  new NewUser(subscriptionId, login, role, firstName, lastName, email), password);
      out().println("Created user " + user.login() + " (" + role.displayName() + ").");
      if (generated) {
        out().println("Password: " + password);
      }
    }
    return 0;
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List the users.")
  int list() {
    try (AccountCommands.Session session = AccountCommands.open(database)) {
      out().printf("%-6s %-24s %-13s %-9s %s%n", "ID", "LOGIN", "ROLE", "STATUS", "NAME");
      for (User user : session.accounts().listUsers()) {
        out().printf(
            "%-6d %-24s %-13s %-9s %s%n",
            user.id(),
            user.login(),
            user.role().displayName(),
            user.status().displayName(),
            (user.firstName() + " " + user.lastName()).trim());
      }
    }
    return 0;
  }

  @Command(name = "passwd", mixinStandardHelpOptions = true, description = "Set a new password.")
  int passwd(
      @Parameters(paramLabel = "LOGIN") String login,
      @Option(
              names = "--password-stdin",
              description = "Read the password from the first line of standard input.")
          boolean passwordStdin) {
    try (AccountCommands.Session session = AccountCommands.open(database)) {
      String password = AccountCommands.readPassword(passwordStdin);
      boolean generated = password == null;
      if (generated) {
        password = PasswordHasher.generate();
      }
      session.accounts().changePassword(login, password);
      out().println("Changed the password of " + login + ".");
      if (generated) {
        out().println("Password: " + password);
      }
    }
    return 0;
  }

  @Command(
      name = "disable",
      mixinStandardHelpOptions = true,
      description = "Stop a user from logging in; API calls then get code 2002.")
  int disable(@Parameters(paramLabel = "LOGIN") String login) {
    return setStatus(login, UserStatus.INACTIVE);
  }

  @Command(name = "enable", mixinStandardHelpOptions = true, description = "Let a user log in.")
  int enable(@Parameters(paramLabel = "LOGIN") String login) {
    return setStatus(login, UserStatus.ACTIVE);
  }

  @Command(
      name = "manage-auth",
      mixinStandardHelpOptions = true,
      description = "Let a Unit Manager create, change and delete vaults and authentication"
          + " records (--allow), or stop it (--deny). Managers always may.")
  int manageAuth(
      @Parameters(paramLabel = "LOGIN") String login,
      @picocli.CommandLine.ArgGroup(multiplicity = "1") AuthPermission permission) {
    try (AccountCommands.Session session = AccountCommands.open(database)) {
      session.accounts().setManageAuth(login, permission.allow);
      out().println("User " + login + (permission.allow ? " may" : " may not")
          + " manage vaults and authentication records.");
    }
    return 0;
  }

  /** The two exclusive flags of {@code manage-auth}. */
  static final class AuthPermission {
    @picocli.CommandLine.Option(names = "--allow", required = true) boolean allow;

    @picocli.CommandLine.Option(names = "--deny", required = true) boolean deny;
  }

  private int setStatus(String login, UserStatus status) {
    try (AccountCommands.Session session = AccountCommands.open(database)) {
      session.accounts().setStatus(login, status);
      out().println("User " + login + " is now " + status.displayName() + ".");
    }
    return 0;
  }

  private PrintWriter out() {
    return spec.commandLine().getOut();
  }
}
