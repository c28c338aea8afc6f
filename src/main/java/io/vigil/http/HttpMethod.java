package io.vigil.http;

/** The two methods of the Qualys API. */
public enum HttpMethod {
  GET,
  POST
}
