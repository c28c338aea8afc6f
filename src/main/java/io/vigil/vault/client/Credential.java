package io.vigil.vault.client;

/**
 * A credential fetched from a vault for one scan target.
 *
 * @param username the account's user name as the vault returns it. It is empty when the vault
 *     stores none (a CyberArk account without a UserName property), so the caller falls back to the
 *     user name of the authentication record.
 * @param secret the password, wiped when the credential is closed
 */
public record Credential(String username, Secret secret) implements AutoCloseable {
  public Credential {
    if (username == null) {
      username = "";
    }
    if (secret == null) {
      throw new IllegalArgumentException("Credential needs a secret");
    }
  }

  @Override
  public void close() {
    secret.wipe();
  }
}
