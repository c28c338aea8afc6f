package io.vigil.vault.client;

/**
 * An account of a CyberArk PIM Suite vault: the safe plus either the account's object name or
 * search keywords.
 *
 * @param safe the safe that holds the account
 * @param accountName the account's object name, matched exactly (ignoring case) among the results
 *     of a search for it, or null when keywords are given
 * @param keywords space-separated search keywords that must match exactly one account of the safe,
 *     or null when an account name is given
 */
public record PimRequest(String safe, String accountName, String keywords)
    implements CredentialRequest {

  public PimRequest {
    VaultConnection.requireText(safe, "safe", VaultType.CYBERARK_PIM_SUITE);
    boolean hasName = accountName != null && !accountName.isBlank();
    boolean hasKeywords = keywords != null && !keywords.isBlank();
    if (hasName == hasKeywords) {
      throw new IllegalArgumentException(
          VaultType.CYBERARK_PIM_SUITE + " request: set either an account name or keywords");
    }
  }

  public static PimRequest byName(String safe, String accountName) {
    return new PimRequest(safe, accountName, null);
  }

  public static PimRequest byKeywords(String safe, String keywords) {
    return new PimRequest(safe, null, keywords);
  }
}
