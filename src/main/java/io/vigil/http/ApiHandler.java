package io.vigil.http;

/** Runs one action of an API resource and writes its response. */
@FunctionalInterface
public interface ApiHandler {
  void handle(ApiRequest request, ApiResponse response) throws Exception;
}
