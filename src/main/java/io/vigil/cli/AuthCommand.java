package io.vigil.cli;

import io.vigil.authrecord.AuthRecord;
import io.vigil.authrecord.AuthRecordService;
import io.vigil.authrecord.CredentialResolver;
import io.vigil.authrecord.Technology;
import io.vigil.secret.Keyring;
import io.vigil.secret.MasterKey;
import io.vigil.secret.SecretBox;
import io.vigil.vault.VaultService;
import io.vigil.vault.client.Credential;
import io.vigil.vault.client.HostIdentity;
import io.vigil.vault.client.VaultClientSettings;
import io.vigil.vault.client.VaultClients;
import io.vigil.vault.client.VaultException;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vigil auth resolve}: which record, vault and target name apply to a host. */
@Command(
    name = "auth",
    mixinStandardHelpOptions = true,
    description = "Inspect authentication records.")
final class AuthCommand {
  @Mixin DatabaseOptions database;

  @Spec CommandSpec spec;

  /** Environment that supplies {@code VIGIL_MASTER_KEY}. Tests replace it. */
  Map<String, String> environment = System.getenv();

  @Command(
      name = "resolve",
      mixinStandardHelpOptions = true,
      description = "Show which record, vault and target name apply to a host, and with --fetch"
          + " whether the secret can be fetched now. The secret is never printed.")
  int resolve(
      @Option(names = "--record", required = true, paramLabel = "ID",
          description = "Id of the Windows or Unix authentication record.") long recordId,
      @Option(names = "--host", required = true, paramLabel = "IP",
          description = "IPv4 address of the target host.") String hostIp,
      @Option(names = "--dns", paramLabel = "NAME",
          description = "DNS name of the host, for ${dnshost} and ${host}; Vigil does not look"
              + " it up.") String dnsName,
      @Option(names = "--netbios", paramLabel = "NAME",
          description = "NetBIOS name of the host, for ${nbhost} in Windows records.")
          String netbiosName,
      @Option(names = "--fetch",
          description = "Also fetch the secret from the vault, to prove the settings work.")
          boolean fetch) {
    PrintWriter out = spec.commandLine().getOut();
    try (AccountCommands.Session session = AccountCommands.open(database)) {
      SecretBox box =
          Keyring.open(session.database().jdbi(), environment.get(MasterKey.ENV_VARIABLE),
              database.dataDir);
      Clock clock = Clock.systemUTC();
      VaultService vaults = new VaultService(session.database().jdbi(), box, clock);
      AuthRecordService records =
          new AuthRecordService(session.database().jdbi(), box, vaults, clock);
      long subscriptionId = session.accounts().defaultSubscription().id();
      AuthRecord record = find(records, subscriptionId, recordId);
      if (record.ips().stream().noneMatch(range -> range.contains(address(hostIp)))) {
        out.println("Note: host " + hostIp + " is not in the IP list of record " + recordId
            + "; a scan would not use this record for it.");
      }
      boolean windows = record.technology() == Technology.WINDOWS;
      HostIdentity host =
          windows
              ? HostIdentity.windows(hostIp, dnsName, netbiosName)
              : HostIdentity.unix(hostIp, dnsName);
      CredentialResolver resolver =
          new CredentialResolver(records, vaults, new VaultClients(VaultClientSettings.defaults()));
      CredentialResolver.Resolution resolution = resolver.resolve(record, host);
      print(out, resolution);
      if (fetch) {
        try (Credential credential = resolver.fetch(resolution, hostIp)) {
          out.println("Fetch:       succeeded, username " + credential.username()
              + " (the secret is not shown)");
        } catch (VaultException e) {
          spec.commandLine().getErr().println("vigil: fetch failed: " + e.getMessage());
          return 1;
        }
      }
    }
    return 0;
  }

  private static AuthRecord find(AuthRecordService records, long subscriptionId, long id) {
    for (Technology technology : Technology.values()) {
      Optional<AuthRecord> record = records.find(subscriptionId, technology, id);
      if (record.isPresent()) {
        return record.get();
      }
    }
    throw new IllegalStateException("No Windows or Unix authentication record has id " + id + ".");
  }

  private static long address(String ip) {
    try {
      return io.vigil.net.IpRange.toNumber(ip.trim());
    } catch (io.vigil.net.InvalidIpException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  private static void print(PrintWriter out, CredentialResolver.Resolution resolution) {
    AuthRecord record = resolution.record();
    out.println("Record:      " + record.id() + " " + record.title() + " ("
        + record.technology().displayName() + ", " + record.loginType().apiName() + " login)");
    if (resolution.vault() == null) {
      out.println("Credential:  username " + record.username() + " with the stored password");
      return;
    }
    out.println("Vault:       " + resolution.vault().id() + " " + resolution.vault().title()
        + " (" + resolution.vault().type().apiName() + ")");
    if (resolution.targetName() != null) {
      out.println("Target name: " + resolution.targetName());
      out.println("Authorization: " + record.setting("authorization_name"));
    } else {
      out.println("Folder/file: " + record.setting("folder") + " / " + record.setting("file"));
    }
  }
}
