package io.vigil.scan;

import java.util.Arrays;
import java.util.List;

/** The output formats of a scan results fetch, by their output_format names. */
public enum FetchFormat {
  CSV("csv", "text/csv;charset=UTF-8"),
  JSON("json", "application/json;charset=UTF-8"),
  CSV_EXTENDED("csv_extended", "text/csv;charset=UTF-8"),
  JSON_EXTENDED("json_extended", "application/json;charset=UTF-8");

  private final String apiName;
  private final String contentType;

  FetchFormat(String apiName, String contentType) {
    this.apiName = apiName;
    this.contentType = contentType;
  }

  public String apiName() {
    return apiName;
  }

  public String contentType() {
    return contentType;
  }

  public static List<String> apiNames() {
    return Arrays.stream(values()).map(FetchFormat::apiName).toList();
  }

  /** Returns the format named {@code text}, as {@link #apiNames()} lists them. */
  public static FetchFormat fromApiName(String text) {
    for (FetchFormat format : values()) {
      if (format.apiName.equals(text)) {
        return format;
      }
    }
    throw new IllegalArgumentException("Unknown fetch format: " + text);
  }
}
