package io.vigil.secret;

import java.util.List;

/**
 * A database column that stores values sealed by {@link SecretBox}. Key rotation re-encrypts every
 * column listed in {@link #ALL}, so a new table with secrets must add its column there.
 *
 * @param table table name
 * @param idColumn primary key column
 * @param column column with the sealed value
 * @param purpose the associated data the values are sealed with
 */
public record SealedColumn(String table, String idColumn, String column, String purpose) {

  public static final SealedColumn VAULT_SECRETS =
      new SealedColumn("vault", "id", "secrets_sealed", "vault.secrets");

  /** Password of an authentication record, as a JSON object. */
  public static final SealedColumn AUTH_RECORD_SECRETS =
      new SealedColumn("auth_record", "id", "secrets_sealed", "auth_record.secrets");

  /** Private key and passphrase of a Unix record, as a JSON object. */
  public static final SealedColumn AUTH_PRIVATE_KEYS =
      new SealedColumn("auth_private_key", "id", "secrets_sealed", "auth_private_key.secrets");

  /** Every sealed column in the schema. */
  public static final List<SealedColumn> ALL =
      List.of(VAULT_SECRETS, AUTH_RECORD_SECRETS, AUTH_PRIVATE_KEYS);
}
