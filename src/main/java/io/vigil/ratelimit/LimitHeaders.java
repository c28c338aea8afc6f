package io.vigil.ratelimit;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Values of the six limit headers, as Qualys sends them on every API response but those of session
 * login and logout.
 *
 * @param running calls of this API running besides this one
 * @param toWaitSeconds seconds until the next call is allowed; 0 when it is allowed now
 * @param remaining calls still allowed in the current window
 */
public record LimitHeaders(
    int limit, int windowSeconds, int concurrencyLimit, int running, long toWaitSeconds,
    int remaining) {

  /** Returns the headers by name, in the order Qualys sends them. */
  public Map<String, String> asMap() {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("X-RateLimit-Limit", Integer.toString(limit));
    headers.put("X-RateLimit-Window-Sec", Integer.toString(windowSeconds));
    headers.put("X-Concurrency-Limit-Limit", Integer.toString(concurrencyLimit));
    headers.put("X-Concurrency-Limit-Running", Integer.toString(running));
    headers.put("X-RateLimit-ToWait-Sec", Long.toString(toWaitSeconds));
    headers.put("X-RateLimit-Remaining", Integer.toString(remaining));
    return headers;
  }
}
