package io.vigil.scan.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.scan.HttpInfo;
import io.vigil.scan.OpenService;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Greeting classification and HTTP parsing on fixed bytes. */
class ProtocolParsingTest {
  static Greeting greeting(String text, int port) {
    return Greeting.classify(text.getBytes(StandardCharsets.UTF_8), port);
  }

  @Test
  void greetingsAreClassified() {
    assertThat(greeting("SSH-2.0-dropbear\r\n", 2222).service()).isEqualTo("ssh");
    assertThat(greeting("220 ProFTPD Server ready.\r\n", 2100).service()).isEqualTo("ftp");
    assertThat(greeting("220 (vsFTPd 3.0.3)\r\n", 21).service()).isEqualTo("ftp");
    assertThat(greeting("220 mx ESMTP Exim 4.96\r\n", 2100).service()).isEqualTo("smtp");
    assertThat(greeting("220 ready\r\n", 587).service()).isEqualTo("smtp");
    assertThat(greeting("220 ready\r\n", 4000).service()).isEqualTo(OpenService.UNKNOWN);
    assertThat(greeting("+OK Dovecot ready.\r\n", 110).service()).isEqualTo("pop3");
    assertThat(greeting("* OK [CAPABILITY IMAP4rev1] ready\r\n", 143).service())
        .isEqualTo("imap");
    assertThat(greeting("hello\r\n", 4000).service()).isEqualTo(OpenService.UNKNOWN);
    assertThat(Greeting.classify(new byte[0], 22)).isNull();
  }

  @Test
  void sshBannerKeepsFirstLineOnly() {
    Greeting ssh = greeting("SSH-2.0-OpenSSH_9.2\r\n\u0000\u0000\u0001\u0014binary kex", 22);

    assertThat(ssh.banner()).isEqualTo("SSH-2.0-OpenSSH_9.2");
  }

  @Test
  void mysqlErrorPacketIsMysql() {
    byte[] message =
        "Host '10.0.0.9' is not allowed to connect".getBytes(StandardCharsets.US_ASCII);
    byte[] packet = new byte[7 + message.length];
    packet[0] = (byte) (3 + message.length);
    packet[4] = (byte) 0xff;
    packet[5] = 0x6a;
    packet[6] = 0x04;
    System.arraycopy(message, 0, packet, 7, message.length);

    Greeting mysql = Greeting.classify(packet, 3306);

    assertThat(mysql.service()).isEqualTo("mysql");
    assertThat(mysql.banner()).isEqualTo("Host '10.0.0.9' is not allowed to connect");
    assertThat(Greeting.isComplete(packet)).isTrue();
  }

  @Test
  void httpResponseIsParsed() {
    String response = "HTTP/1.1 404 Not Found\r\nserver:  nginx/1.22.1 \r\nContent-Type: text/html"
        + "\r\n\r\n<html><HEAD><Title lang=en>\n  Not\tFound \n</title></head></html>";

    HttpInfo http = HttpExchange.parse(response.getBytes(StandardCharsets.ISO_8859_1));

    assertThat(http.statusCode()).isEqualTo(404);
    assertThat(http.statusLine()).isEqualTo("HTTP/1.1 404 Not Found");
    assertThat(http.server()).isEqualTo("nginx/1.22.1");
    assertThat(http.title()).isEqualTo("Not Found");
    assertThat(http.headers()).isEqualTo("HTTP/1.1 404 Not Found\nserver:  nginx/1.22.1 \n"
        + "Content-Type: text/html");
  }

  @Test
  void httpWithoutHeadersEndStillParses() {
    byte[] response = "HTTP/1.0 200 OK\r\nServer: x".getBytes(StandardCharsets.US_ASCII);

    HttpInfo http = HttpExchange.parse(response);

    assertThat(http.statusCode()).isEqualTo(200);
    assertThat(http.server()).isEqualTo("x");
    assertThat(http.title()).isNull();
  }

  @Test
  void nonHttpIsRejected() {
    assertThat(HttpExchange.parse("SSH-2.0-x\r\n".getBytes(StandardCharsets.US_ASCII))).isNull();
    assertThat(HttpExchange.parse(new byte[0])).isNull();
  }

  @Test
  void bannerTextIsCappedWithoutSplittingPairs() {
    String emoji = "\uD83D\uDE00";
    byte[] bytes = ("ab" + emoji).getBytes(StandardCharsets.UTF_8);

    assertThat(BannerText.decode(bytes, 3)).isEqualTo("ab");
    assertThat(BannerText.decode(bytes, 4)).isEqualTo("ab" + emoji);
  }

  @Test
  void ipv6HostHeaderIsBracketed() throws Exception {
    byte[] request = HttpExchange.request(java.net.InetAddress.getByName("::1"), 8080);

    assertThat(new String(request, StandardCharsets.US_ASCII))
        .startsWith("GET / HTTP/1.0\r\nHost: [0:0:0:0:0:0:0:1]:8080\r\n");
  }
}
