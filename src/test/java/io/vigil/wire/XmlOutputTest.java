package io.vigil.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.testing.XmlValidator;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class XmlOutputTest {
  static final String BASE = "https://qualysapi.vigil.test";

  @Test
  void controlBytesAreReplaced() {
    String banner = "SSH-2.0-Open\u0000SSH\u0007\u001b[0m\uD800 end";

    assertThat(XmlText.clean(banner)).isEqualTo("SSH-2.0-Open\uFFFDSSH\uFFFD\uFFFD[0m\uFFFD end");
  }

  @Test
  void validTextIsKeptAsIs() {
    String text = "tab\tnewline\ncr\r emoji \uD83D\uDE00 <&>";

    assertThat(XmlText.clean(text)).isSameAs(text);
  }

  @Test
  void hostileTextStillGivesValidDocument() {
    String hostile = "a]]>b\u0001c</TEXT><![CDATA[x\uFFFE\uDC00";
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    SimpleReturn.success(hostile, Map.of("KEY", hostile))
        .write(out, BASE, Instant.parse("2018-05-07T10:04:00Z"), echo(hostile));

    XmlValidator.validate(out.toByteArray(), BASE);
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("<TEXT>a]]&gt;b\uFFFDc&lt;/TEXT&gt;");
  }

  @Test
  void cdataEndMarkerIsSplit() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    SimpleReturn.success("ok").write(out, BASE, Instant.EPOCH, echo("x]]>y"));

    XmlValidator.validate(out.toByteArray(), BASE);
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("<VALUE><![CDATA[x]]]]><![CDATA[>y]]></VALUE>");
  }

  @Test
  void errorMatchesRecordedQualysResponse() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    SimpleReturn.error(ApiException.missing(List.of("action")))
        .write(out, "https://qualysapi.qualys.eu", Instant.parse("2017-12-11T12:58:49Z"), null);

    String recorded =
        "<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n"
            + "<!DOCTYPE SIMPLE_RETURN SYSTEM"
            + " \"https://qualysapi.qualys.eu/api/2.0/simple_return.dtd\">\n"
            + "<SIMPLE_RETURN>\n"
            + "  <RESPONSE>\n"
            + "    <DATETIME>2017-12-11T12:58:49Z</DATETIME>\n"
            + "    <CODE>1903</CODE>\n"
            + "    <TEXT>Missing required parameter(s): action</TEXT>\n"
            + "  </RESPONSE>\n"
            + "</SIMPLE_RETURN>\n";
    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(recorded);
  }

  @Test
  void datetimeIsUtcWholeSeconds() {
    assertThat(QualysTime.format(Instant.parse("2018-05-07T10:04:00.987Z")))
        .isEqualTo("2018-05-07T10:04:00Z");
  }

  private static RequestEcho echo(String value) {
    return new RequestEcho(
        Instant.EPOCH, "admin", BASE + "/api/2.0/fo/scan/", List.of(Map.entry("title", value)),
        "title=x");
  }
}
