package io.vigil.http;

import io.vigil.wire.ApiErrorCode;
import io.vigil.wire.ApiException;

/** A request body over {@link ApiDispatcher#MAX_BODY_BYTES}. */
final class RequestTooLargeException extends ApiException {
  RequestTooLargeException(long length) {
    super(
        ApiErrorCode.REQUEST_TOO_LARGE,
        "Request body too large: " + length + " bytes; the limit is "
            + ApiDispatcher.MAX_BODY_BYTES + " bytes.");
  }
}
