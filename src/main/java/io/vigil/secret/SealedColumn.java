package io.vigil.secret;

import java.util.List;

/**
 * A database column that holds values sealed by {@link SecretBox}. Key rotation re-encrypts every
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

  /** Every sealed column in the schema. */
  public static final List<SealedColumn> ALL = List.of(VAULT_SECRETS);
}
