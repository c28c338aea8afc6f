package io.vigil.authrecord;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** Converts the settings and secrets of records to and from JSON objects of strings. */
final class JsonMaps {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {};

  private JsonMaps() {}

  static String toJson(Map<String, String> values) {
    try {
      return JSON.writeValueAsString(new TreeMap<>(values));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write record values as JSON", e);
    }
  }

  static Map<String, String> fromJson(String json) {
    try {
      return new LinkedHashMap<>(JSON.readValue(json, STRING_MAP));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Stored record values are not valid JSON", e);
    }
  }
}
