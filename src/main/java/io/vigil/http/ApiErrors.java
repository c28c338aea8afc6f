package io.vigil.http;

import io.vigil.InvalidValueException;
import io.vigil.account.ClientNotFoundException;
import io.vigil.account.InvalidAccountValueException;
import io.vigil.account.UserNotFoundException;
import io.vigil.authrecord.RecordNotFoundException;
import io.vigil.authrecord.RecordOverlapException;
import io.vigil.asset.AssetGroupNotFoundException;
import io.vigil.asset.AssetGroupTitleTakenException;
import io.vigil.asset.IpSets;
import io.vigil.asset.IpsNotInSubscriptionException;
import io.vigil.asset.AssetGroupNotFoundException;
import io.vigil.scan.InvalidScanParameterException;
import io.vigil.session.TooManySessionsException;
import io.vigil.vault.VaultInUseException;
import io.vigil.vault.VaultNotFoundException;
import io.vigil.vault.VaultTitleTakenException;
import io.vigil.wire.ApiErrorCode;
import io.vigil.wire.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Maps every exception an API call can end with to its Qualys code, text and HTTP status. */
final class ApiErrors {
  private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

  private ApiErrors() {}

  static ApiException toApiException(Exception e, String path) {
    if (e instanceof ApiException api) {
      return api;
    }
    if (e instanceof TooManySessionsException) {
      return new ApiException(ApiErrorCode.TOO_MANY_SESSIONS, "Too many concurrent login(s)");
    }
    if (e instanceof UserNotFoundException || e instanceof ClientNotFoundException) {
      return new ApiException(ApiErrorCode.NOT_FOUND, e.getMessage());
    }
    if (e instanceof InvalidAccountValueException) {
      return new ApiException(ApiErrorCode.INVALID_VALUE, e.getMessage());
    }
    if (e instanceof InvalidValueException invalid) {
      return ApiException.invalidValue(invalid.name(), invalid.value(), invalid.reason());
    }
    if (e instanceof VaultTitleTakenException) {
      return new ApiException(ApiErrorCode.INVALID_VALUE,
          "parameter title has invalid value: " + e.getMessage());
    }
    if (e instanceof VaultNotFoundException notFound) {
      return ApiException.invalidValue(
          "id", Long.toString(notFound.vaultId()), "no vault has this id");
    }
    if (e instanceof RecordOverlapException overlap) {
      return ApiException.invalidValue("ips", overlap.range().toString(), overlap.getMessage());
    }
    if (e instanceof RecordNotFoundException notFound) {
      return ApiException.invalidValue(
          "ids", Long.toString(notFound.recordId()),
          "no " + notFound.technology().displayName() + " authentication record has this id");
    }
    if (e instanceof InvalidScanParameterException invalid) {
      return ApiException.invalidValue(invalid.parameter(), invalid.value(), invalid.reason());
    }
    if (e instanceof VaultInUseException) {
      return new ApiException(
          ApiErrorCode.BLOCKED,
          "The requested operation is blocked by one or more existing Business Objects: "
              + e.getMessage());
    }
    ApiException asset = assetError(e);
    if (asset != null) {
      return asset;
    }
    log.error("API call failed: path={}", path, e);
    return new ApiException(ApiErrorCode.INTERNAL_ERROR, "Internal Error");
  }

  private static ApiException assetError(Exception e) {
    if (e instanceof AssetGroupNotFoundException notFound) {
      String key = notFound.parameter().equals("asset_groups") ? "title" : "id";
      return ApiException.invalidValue(
          notFound.parameter(), notFound.value(), "no asset group has this " + key);
    }
    if (e instanceof AssetGroupTitleTakenException taken) {
      return ApiException.invalidValue(
          taken.parameter(),
          taken.title(),
          "another asset group has this title; choose another one");
    }
    if (e instanceof IpsNotInSubscriptionException missing) {
      return ApiException.invalidValue(
          missing.parameter(),
          IpSets.format(missing.missing()),
          "not in the subscription; add them with /api/2.0/fo/asset/ip/?action=add first");
    }
    return null;
  }
}
