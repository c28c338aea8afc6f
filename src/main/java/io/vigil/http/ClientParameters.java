package io.vigil.http;

import io.vigil.account.AccountStore;
import io.vigil.account.Client;
import io.vigil.wire.ApiException;
import java.util.List;
import java.util.Optional;

/**
 * The {@code client_id} and {@code client_name} parameters of the scan, schedule and report APIs,
 * which name a client of a Consultant subscription. At most one of the two may be given (code
 * 1904). On an Enterprise subscription both are unavailable parameters (code 1901); an unknown
 * client is an invalid value (code 1905).
 */
public final class ClientParameters {
  public static final String CLIENT_ID = "client_id";
  public static final String CLIENT_NAME = "client_name";

  private final AccountStore accounts;

  public ClientParameters(AccountStore accounts) {
    this.accounts = accounts;
  }

  /** Adds the two parameters, exclusive of each other, to an action. */
  public static ActionSpec.Builder accept(ActionSpec.Builder action) {
    return action.exclusive(CLIENT_ID, CLIENT_NAME);
  }

  /** Returns the client the call names, or empty when it names none. */
  public Optional<Client> resolve(ApiRequest request) {
    Optional<String> id = request.string(CLIENT_ID);
    Optional<String> name = request.string(CLIENT_NAME);
    if (id.isEmpty() && name.isEmpty()) {
      return Optional.empty();
    }
    if (!request.subscription().isConsultant()) {
      throw ApiException.unrecognized(List.of(id.isPresent() ? CLIENT_ID : CLIENT_NAME));
    }
    long subscriptionId = request.subscription().id();
    if (id.isPresent()) {
      long clientId = request.positiveLong(CLIENT_ID).orElseThrow();
      return Optional.of(
          accounts
              .findClient(subscriptionId, clientId)
              .orElseThrow(
                  () -> ApiException.invalidValue(CLIENT_ID, id.get(), "no client has this id")));
    }
    return Optional.of(
        accounts
            .findClientByName(subscriptionId, name.get())
            .orElseThrow(
                () ->
                    ApiException.invalidValue(CLIENT_NAME, name.get(), "no client has this name")));
  }
}
