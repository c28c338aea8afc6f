package io.vigil.vault.client;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Arrays;

/**
 * Reads vault response bodies. A secret field is copied straight from the parser into a char array,
 * so it never becomes a {@code String}.
 *
 * <p>Parse errors are reported without Jackson's exception, neither as message nor as cause,
 * because its message quotes the unexpected token, and in a broken body that token can be the
 * password.
 */
final class JsonBodies {
  static final ObjectMapper MAPPER =
      new ObjectMapper(
          JsonFactory.builder().disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION).build());

  /** A JSON object with its secret field taken out. */
  record SecretObject(ObjectNode fields, Secret secret) {}

  private JsonBodies() {}

  /**
   * Reads a JSON object and takes out {@code secretField}; its value becomes {@link
   * SecretObject#secret()}, or null when the field is missing, null or not a string. Fields named
   * in {@code droppedFields}, such as other secrets, are skipped without being kept.
   */
  static SecretObject readObjectWithSecret(
      VaultCall call, VaultResponse response, String secretField, String... droppedFields) {
    rejectHtml(call, response);
    ObjectNode fields = MAPPER.createObjectNode();
    char[] secret = null;
    try (JsonParser parser = MAPPER.createParser(response.body())) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw invalid(call, response, "expected a JSON object");
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        JsonToken value = parser.nextToken();
        if (name.equals(secretField) && value == JsonToken.VALUE_STRING) {
          secret = copyText(parser);
        } else if (Arrays.asList(droppedFields).contains(name)) {
          parser.skipChildren();
        } else {
          fields.set(name, parser.readValueAsTree());
        }
      }
      return new SecretObject(fields, secret == null ? null : Secret.adopt(secret));
    } catch (IOException e) {
      if (secret != null) {
        Arrays.fill(secret, '\0');
      }
      throw invalid(call, response, "the body is not valid JSON");
    }
  }

  /** Reads a body that is one JSON string, such as a PVWA token or password, as characters. */
  static Secret readString(VaultCall call, VaultResponse response) {
    rejectHtml(call, response);
    try (JsonParser parser = MAPPER.createParser(response.body())) {
      if (parser.nextToken() != JsonToken.VALUE_STRING) {
        throw invalid(call, response, "expected a JSON string");
      }
      char[] value = copyText(parser);
      if (parser.nextToken() != null) {
        Arrays.fill(value, '\0');
        throw invalid(call, response, "unexpected content after the JSON string");
      }
      return Secret.adopt(value);
    } catch (IOException e) {
      throw invalid(call, response, "the body is not valid JSON");
    }
  }

  /** Reads a body without secrets as a tree. */
  static JsonNode readTree(VaultCall call, VaultResponse response) {
    rejectHtml(call, response);
    try {
      JsonNode tree = MAPPER.readTree(response.body());
      if (tree == null || tree.isMissingNode()) {
        throw invalid(call, response, "the body is empty");
      }
      return tree;
    } catch (IOException e) {
      throw invalid(call, response, "the body is not valid JSON");
    }
  }

  /**
   * Reads a vendor error body such as {@code {"ErrorCode":"APPAP004E","ErrorMsg":"..."}}. Returns
   * empty fields when the body is no such object, as with IIS error pages.
   */
  static VendorError readError(VaultResponse response, String codeField, String messageField) {
    JsonNode tree;
    try {
      tree = MAPPER.readTree(response.body());
    } catch (IOException e) {
      return VendorError.NONE;
    }
    if (tree == null || !tree.isObject()) {
      return VendorError.NONE;
    }
    return new VendorError(text(tree, codeField), text(tree, messageField));
  }

  /** Returns the text of a string field, or null when it is missing or not a string. */
  static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value != null && value.isTextual() ? value.asText() : null;
  }

  static VaultResponseInvalidException invalid(
      VaultCall call, VaultResponse response, String problem) {
    return new VaultResponseInvalidException(
        call,
        "invalid response ("
            + response.describe()
            + "): "
            + problem
            + "; check that the URL points to the "
            + call.type()
            + " REST API",
        null,
        null);
  }

  private static void rejectHtml(VaultCall call, VaultResponse response) {
    if (response.isHtml()) {
      throw invalid(call, response, "got an HTML page instead of JSON");
    }
  }

  private static char[] copyText(JsonParser parser) throws IOException {
    int offset = parser.getTextOffset();
    return Arrays.copyOfRange(parser.getTextCharacters(), offset, offset + parser.getTextLength());
  }
}
