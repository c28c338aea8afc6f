package io.vigil.http;

import static org.assertj.core.api.Assertions.assertThatCode;

import io.vigil.testing.TestServer;
import io.vigil.testing.XmlValidator;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/**
 * Vigil's auth record DTDs accept Qualys' documented sample outputs, with the host name changed
 * to the test base URL.
 */
class AuthRecordDtdTest {

  static byte[] sample(String name) {
    try (InputStream in = AuthRecordDtdTest.class.getResourceAsStream("/auth-samples/" + name)) {
      if (in == null) {
        throw new AssertionError("Missing test resource /auth-samples/" + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void windowsListSampleIsValid() {
    assertThatCode(() -> XmlValidator.validate(sample("windows_list_sample.xml"),
        TestServer.BASE_URL)).doesNotThrowAnyException();
  }

  @Test
  void unixListSampleIsValid() {
    assertThatCode(() -> XmlValidator.validate(sample("unix_list_sample.xml"),
        TestServer.BASE_URL)).doesNotThrowAnyException();
  }

  @Test
  void batchReturnSampleIsValid() {
    assertThatCode(() -> XmlValidator.validate(sample("batch_return_sample.xml"),
        TestServer.BASE_URL)).doesNotThrowAnyException();
  }
}
