package io.vigil.scan;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * The json and json_extended outputs: one JSON array, one object per line, with "/" written
 * as "\/" and non-ASCII characters as \\uXXXX escapes, as Qualys writes them.
 */
final class ResultsJson {
  private static final JsonFactory FACTORY =
      JsonFactory.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

  private ResultsJson() {}

  static void writeFlat(ScanFindings findings, long scanId, ScanResultsWriter.Request request,
      OutputStream out) throws IOException {
    try (JsonGenerator json = open(out)) {
      json.writeStartArray();
      findings.forEach(scanId, request.ips(), row -> {
        json.writeStartObject();
        json.writeStringField("ip", row.ipText());
        json.writeStringField("dns", "");
        json.writeNullField("netbios");
        json.writeNumberField("qid", row.qidNumber());
        json.writeNullField("instance");
        json.writeStringField("result", row.results());
        if (request.extended()) {
          json.writeStringField("protocol", row.protocol());
          json.writeStringField("port", ScanResultsWriter.port(row));
          json.writeStringField("ssl", ScanResultsWriter.ssl(row));
          json.writeStringField("fqdn", "");
        }
        json.writeEndObject();
      });
      json.writeEndArray();
    }
  }

  static void writeExtended(ScanFindings findings, Scan scan, ScanResultsWriter.Request request,
      ScanResultsWriter.Blocks blocks, OutputStream out) throws IOException {
    try (JsonGenerator json = open(out)) {
      json.writeStartArray();
      writeBlock(json, blocks.account());
      writeBlock(json, blocks.scan());
      findings.forEach(scan.id(), request.ips(), row -> {
        Object[] values = ScanResultsWriter.extendedValues(row);
        json.writeStartObject();
        for (int i = 0; i < values.length; i++) {
          String key = ScanResultsWriter.EXTENDED_COLUMNS.get(i)[0];
          if (values[i] == null) {
            json.writeNullField(key);
          } else if (values[i] instanceof Integer number) {
            json.writeNumberField(key, number);
          } else {
            json.writeStringField(key, (String) values[i]);
          }
        }
        json.writeEndObject();
      });
      writeBlock(json, blocks.trailer());
      json.writeEndArray();
    }
  }

  private static void writeBlock(JsonGenerator json, List<ResultsHeader.Field> fields)
      throws IOException {
    json.writeStartObject();
    for (ResultsHeader.Field field : fields) {
      if (field.value() == null) {
        json.writeNullField(field.key());
      } else {
        json.writeStringField(field.key(), field.value());
      }
    }
    json.writeEndObject();
  }

  static JsonGenerator open(OutputStream out) throws IOException {
    JsonGenerator json = FACTORY.createGenerator(out);
    json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    json.setCharacterEscapes(new SlashEscapes());
    json.setPrettyPrinter(new LinePerObject());
    return json;
  }

  /** Puts each array element on its own line, with nothing else added. */
  private static final class LinePerObject extends MinimalPrettyPrinter {
    @Override
    public void writeArrayValueSeparator(JsonGenerator json) throws IOException {
      json.writeRaw(",\n");
    }
  }

  /** Escapes "/" as "\/", on top of the standard JSON escapes. */
  private static final class SlashEscapes extends CharacterEscapes {
    private static final SerializedString SLASH = new SerializedString("\\/");
    private final int[] escapes;

    SlashEscapes() {
      escapes = CharacterEscapes.standardAsciiEscapesForJSON();
      escapes['/'] = CharacterEscapes.ESCAPE_CUSTOM;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
      return escapes;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
      return ch == '/' ? SLASH : null;
    }
  }
}
