package io.vigil.http;

import io.vigil.wire.ApiErrorCode;
import io.vigil.wire.ApiException;
import java.io.IOException;

/**
 * The client stopped sending its body: it closed the connection or sent too slowly. Nobody may be
 * left to read the answer, so this is logged at DEBUG only.
 */
final class RequestBodyUnreadableException extends ApiException {
  RequestBodyUnreadableException(IOException cause) {
    super(ApiErrorCode.REQUEST_TIMEOUT, "Request body could not be read: " + cause.getMessage());
    initCause(cause);
  }
}
