package io.vigil.wire;

import io.vigil.VigilException;
import java.util.List;
import java.util.Map;

/**
 * An API call that ends with a SIMPLE_RETURN error: its code, HTTP status, text and optional
 * ITEM_LIST. The factory methods build the texts of Qualys' parameter errors.
 */
public class ApiException extends VigilException {
  private final ApiErrorCode code;
  private final Map<String, String> items;

  public ApiException(ApiErrorCode code, String text) {
    this(code, text, Map.of());
  }

  public ApiException(ApiErrorCode code, String text, Map<String, String> items) {
    super(text);
    this.code = code;
    this.items = items;
  }

  public ApiErrorCode code() {
    return code;
  }

  /** The TEXT of the SIMPLE_RETURN. */
  public String text() {
    return getMessage();
  }

  /** KEY/VALUE pairs of the ITEM_LIST, in order; empty for none. */
  public Map<String, String> items() {
    return items;
  }

  public static ApiException unrecognized(List<String> names) {
    return new ApiException(
        ApiErrorCode.UNRECOGNIZED_PARAMETER,
        "Unrecognized parameter(s): " + String.join(", ", names));
  }

  public static ApiException missing(List<String> names) {
    return new ApiException(
        ApiErrorCode.MISSING_PARAMETER, "Missing required parameter(s): " + String.join(", ", names));
  }

  public static ApiException exclusive(List<String> names) {
    return new ApiException(
        ApiErrorCode.EXCLUSIVE_PARAMETERS,
        "Please specify only one of these parameters: " + String.join(", ", names));
  }

  public static ApiException invalidValue(String name, String value, String reason) {
    return new ApiException(
        ApiErrorCode.INVALID_VALUE,
        "parameter " + name + " has invalid value: " + value + " (" + reason + ")");
  }

  public static ApiException unsupportedCombination(String pairs) {
    return new ApiException(
        ApiErrorCode.UNSUPPORTED_COMBINATION,
        "The following combination of key=value pairs is not supported: " + pairs);
  }

  public static ApiException wrongMethod(String method, List<String> names) {
    return new ApiException(
        ApiErrorCode.WRONG_METHOD,
        "Request method ("
            + method
            + ") is incompatible with specified parameter(s): "
            + String.join(", ", names));
  }

  public static ApiException atLeastOne(List<String> names) {
    return new ApiException(
        ApiErrorCode.AT_LEAST_ONE_PARAMETER,
        "Please specify at least one of the following parameters: " + String.join(", ", names));
  }
}
