package io.vigil.vault.client;

/**
 * Maps PVWA error responses, {@code {"ErrorCode":"PASWS013E","ErrorMessage":"..."}} or an HTML
 * page, to exceptions, per step of the fetch.
 */
final class PvwaErrors {
  private PvwaErrors() {}

  static VaultException logon(VaultCall call, PimConnection pim, VaultResponse response) {
    VendorError error = read(response);
    int status = response.status();
    if (status == 401 || status == 403) {
      // PASWS013E (or ITATS004E on older versions) means wrong user name or password.
      return new VaultAuthenticationFailedException(
          call,
          "logon of user "
              + pim.username()
              + " with method "
              + pim.authMethod().pathSegment()
              + " was rejected"
              + error.suffix()
              + "; check the user name, password and method",
          error.code(),
          null);
    }
    if (status == 409) {
      return new VaultAuthenticationFailedException(
          call,
          "the password of user "
              + pim.username()
              + " has expired"
              + error.suffix()
              + "; set a new one in the Vault",
          error.code(),
          null);
    }
    if (error.hasCode("ITATS542I")) {
      return new VaultAuthenticationFailedException(
          call,
          "the RADIUS server asked for a one-time code, which an unattended scan cannot give"
              + error.suffix(),
          error.code(),
          null);
    }
    if (status == 404 || status == 405) {
      return new VaultRequestInvalidException(
          call,
          "the PVWA has no v10 logon API at this URL ("
              + response.describe()
              + "); check the URL, and that the PVWA runs version 10.4 or later",
          error.code(),
          null);
    }
    return common(call, response, error);
  }

  static VaultException search(
      VaultCall call, PimConnection pim, PimRequest request, VaultResponse response) {
    VendorError error = read(response);
    if (response.status() == 403) {
      return new VaultAccessDeniedException(
          call,
          "user "
              + pim.username()
              + " may not list accounts of safe "
              + request.safe()
              + error.suffix(),
          error.code(),
          null);
    }
    return common(call, response, error);
  }

  static VaultException retrieve(
      VaultCall call, PimConnection pim, String accountId, VaultResponse response) {
    VendorError error = read(response);
    int status = response.status();
    if (status == 403) {
      return new VaultAccessDeniedException(
          call,
          "user "
              + pim.username()
              + " may not retrieve the password of account id="
              + accountId
              + error.suffix()
              + "; grant Retrieve accounts on the safe",
          error.code(),
          null);
    }
    if (status == 404) {
      return new VaultAccountNotFoundException(
          call, "account id=" + accountId + " was not found" + error.suffix(), error.code(), null);
    }
    return common(call, response, error);
  }

  private static VaultException common(VaultCall call, VaultResponse response, VendorError error) {
    int status = response.status();
    if (status == 401) {
      // PASWS006E: the session token is missing, invalid or expired, as happens behind a load
      // balancer that sends the calls of one session to different PVWA nodes.
      return new VaultAuthenticationFailedException(
          call,
          "the PVWA rejected the session token"
              + error.suffix()
              + "; if the PVWA runs behind a load balancer, enable session affinity",
          error.code(),
          null);
    }
    if (status == 400) {
      return new VaultRequestInvalidException(
          call, "the PVWA rejected the request" + error.suffix(), error.code(), null);
    }
    if (status >= 500) {
      return new VaultUnavailableException(
          call, "server error (" + response.describe() + ")" + error.suffix(), error.code(), null);
    }
    return JsonBodies.invalid(call, response, "unexpected status" + error.suffix());
  }

  private static VendorError read(VaultResponse response) {
    return JsonBodies.readError(response, "ErrorCode", "ErrorMessage");
  }
}
