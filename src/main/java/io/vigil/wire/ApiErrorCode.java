package io.vigil.wire;

/**
 * Error codes of the Qualys API that Vigil returns in SIMPLE_RETURN, with their HTTP status. Codes
 * and statuses follow Qualys' published error table where it gives them; the rest are marked.
 */
public enum ApiErrorCode {
  INTERNAL_ERROR(999, 500),
  UNRECOGNIZED_PARAMETER(1901, 400),
  MISSING_PARAMETER(1903, 400),
  EXCLUSIVE_PARAMETERS(1904, 400),
  INVALID_VALUE(1905, 400),
  UNSUPPORTED_COMBINATION(1907, 400),
  WRONG_METHOD(1908, 400),
  BLOCKED(1920, 409),
  AT_LEAST_ONE_PARAMETER(1922, 400),
  CONCURRENCY_LIMIT(1960, 409),
  RATE_LIMIT(1965, 409),
  BAD_LOGIN(2000, 401),
  // NOTE: Qualys documents no HTTP status for 2002 and 2014; 401 and 409 are Vigil's choice.
  USER_INACTIVE(2002, 401),
  TOO_MANY_SESSIONS(2014, 409),
  // NOTE: Qualys' code for a role that may not run an action is not documented. Vigil uses 2012,
  // whose Qualys text is about licensing, with HTTP 403 and its own text.
  NOT_AUTHORIZED(2012, 403),
  /**
   * Vigil's code for a missing X-Requested-With header; the Qualys code for it is not documented.
   */
  MISSING_REQUESTED_WITH(1910, 400),
  /** Vigil's code for an unknown path under the API; Qualys documents none. */
  NOT_FOUND(1925, 404),
  /** Vigil's code for a request body over its size limit; Qualys documents none. */
  REQUEST_TOO_LARGE(1926, 413),
  /** Vigil's code for a request body the client stopped sending; Qualys documents none. */
  REQUEST_TIMEOUT(1927, 408);

  private final int code;
  private final int httpStatus;

  ApiErrorCode(int code, int httpStatus) {
    this.code = code;
    this.httpStatus = httpStatus;
  }

  public int code() {
    return code;
  }

  public int httpStatus() {
    return httpStatus;
  }
}
