package io.vigil.cli;

import io.vigil.account.ApiLimits;
import io.vigil.account.Subscription;
import io.vigil.account.SubscriptionType;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vigil subscription show|set}: the subscription's type and API limits. */
@Command(
    name = "subscription",
    mixinStandardHelpOptions = true,
    description = "Show or change the subscription type and its API limits.")
final class SubscriptionCommand {
  @Mixin DatabaseOptions database;

  @Spec CommandSpec spec;

  /** Named sets of limits: Vigil's default and Qualys' published tiers. */
  enum Tier {
    SELF_HOSTED(ApiLimits.SELF_HOSTED),
    STANDARD(ApiLimits.STANDARD),
    EXPRESS(ApiLimits.EXPRESS);

    final ApiLimits limits;

    Tier(ApiLimits limits) {
      this.limits = limits;
    }
  }

  @Command(name = "show", mixinStandardHelpOptions = true, description = "Show the subscription.")
  int show() {
    try (AccountCommands.Session session = AccountCommands.open(database)) {
      print(session.accounts().defaultSubscription());
    }
    return 0;
  }

  @Command(
      name = "set",
      mixinStandardHelpOptions = true,
      description = "Change the type or the API limits; unset options keep their value.")
  int set(
      @Option(names = "--type", paramLabel = "TYPE", description = "Enterprise or Consultant.")
          String type,
      @Option(
              names = "--tier",
              paramLabel = "TIER",
              description = "Limits of a tier: SELF_HOSTED (10000 calls/hour, 10 concurrent),"
                  + " STANDARD (300 calls/hour, 2 concurrent) or EXPRESS (50 calls/day, 1).")
          Tier tier,
      @Option(
              names = "--rate-limit",
              paramLabel = "CALLS",
              description = "Calls allowed per window.")
          Integer calls,
      @Option(
              names = "--rate-window",
              paramLabel = "SECONDS",
              description = "Window length in seconds.")
          Integer window,
      @Option(
              names = "--concurrency-limit",
              paramLabel = "CALLS",
              description = "Calls of one API at once.")
          Integer concurrency) {
    try (AccountCommands.Session session = AccountCommands.open(database)) {
      Subscription current = session.accounts().defaultSubscription();
      SubscriptionType newType = current.type();
      if (type != null) {
        newType =
            switch (type.trim().toLowerCase(java.util.Locale.ROOT)) {
              case "enterprise" -> SubscriptionType.ENTERPRISE;
              case "consultant" -> SubscriptionType.CONSULTANT;
              default ->
                  throw new IllegalStateException(
                      "Invalid type '" + type + "': use Enterprise or Consultant.");
            };
      }
      ApiLimits base = tier == null ? current.limits() : tier.limits;
      ApiLimits limits =
          new ApiLimits(
              calls == null ? base.callsPerWindow() : calls,
              window == null ? base.windowSeconds() : window,
              concurrency == null ? base.concurrentCalls() : concurrency);
      session.accounts().updateSubscription(current.id(), newType, limits);
      print(session.accounts().defaultSubscription());
      out().println("Running servers read the new limits at the next call.");
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
    return 0;
  }

  private void print(Subscription subscription) {
    ApiLimits limits = subscription.limits();
    out().println("Subscription " + subscription.id() + ": " + subscription.companyName());
    out().println("  type:              " + subscription.type().displayName());
    out().println("  rate limit:        " + limits.callsPerWindow() + " calls per "
        + limits.windowSeconds() + " s");
    out().println("  concurrency limit: " + limits.concurrentCalls());
  }

  private PrintWriter out() {
    return spec.commandLine().getOut();
  }
}
