package io.vigil.http;

import static io.vigil.testing.Forms.encode;
import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.authrecord.AuthRecord;
import io.vigil.authrecord.RecordInput.PrivateKeyInput;
import io.vigil.authrecord.Technology;
import io.vigil.testing.ApiReply;
import io.vigil.testing.TestServer;
import io.vigil.testing.XmlElements;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** /api/2.0/fo/auth/unix/ through a real server, with the private-key request samples. */
class AuthRecordUnixApiTest {
  static final String UNIX = "/api/2.0/fo/auth/unix/";
  static final String XML = "text/xml";
  static final String SAMPLE_QUERY =
      "?action=create&title=Auth_Private_Key&username=root&ips=10.20.31.244";

  static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static String body(String sample) {
    return new String(AuthRecordDtdTest.sample(sample), StandardCharsets.UTF_8);
  }

  static String id(ApiReply reply) {
    assertThat(reply.status()).as(reply.text()).isEqualTo(200);
    return reply.xpath("/BATCH_RETURN/RESPONSE/BATCH_LIST/BATCH/ID_SET/ID");
  }

  static long subscription() {
    return server.server().accounts().defaultSubscription().id();
  }

  static AuthRecord record(String id) {
    return server.server().authRecords()
        .find(subscription(), Technology.UNIX, Long.parseLong(id)).orElseThrow();
  }

  static String keyBody(String keyType, String pem, String extra) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n<UNIX_AUTH_PARAMS>"
        + "<PRIVATE_KEY_CERTIFICATES><PRIVATE_KEY_CERTIFICATE>"
        + "<PRIVATE_KEY_INFO type=\"basic\"><PRIVATE_KEY type=\"" + keyType + "\"><![CDATA["
        + pem + "]]></PRIVATE_KEY></PRIVATE_KEY_INFO>" + extra
        + "</PRIVATE_KEY_CERTIFICATE></PRIVATE_KEY_CERTIFICATES></UNIX_AUTH_PARAMS>";
  }

  @Test
  void privateKeySamplesCreateRecords() {
    List<String> types = List.of("rsa", "rsa", "dsa", "dsa", "ecdsa", "ecdsa", "ed25519",
        "ed25519");
    for (int sample = 1; sample <= 8; sample++) {
      String name = "create_private_key_sample_" + sample + ".xml";
      ApiReply created = server.admin().postBody(UNIX + SAMPLE_QUERY, XML, body(name));
      String id = id(created);
      ApiReply list = server.admin().get(UNIX + "?action=list&ids=" + id);
      String key = "//AUTH_UNIX/PRIVATE_KEY_CERTIFICATE_LIST/PRIVATE_KEY_CERTIFICATE/";
      PrivateKeyInput opened =
          server.server().authRecords().openPrivateKeys(record(id)).get(0);
      server.admin().post(UNIX, encode("action", "delete", "ids", id));

      assertThat(created.xpath("//BATCH/TEXT")).as(name).isEqualTo("Successfully Created");
      assertThat(list.xpath(key + "PRIVATE_KEY_INFO/@type")).as(name).isEqualTo("basic");
      assertThat(list.xpath(key + "PRIVATE_KEY_INFO/PRIVATE_KEY/@type")).as(name)
          .isEqualTo(types.get(sample - 1));
      assertThat(list.xpath(key + "PASSPHRASE_INFO/@type")).as(name).isEqualTo("basic");
      assertThat(list.text()).as(name).doesNotContain("PRIVATE KEY-----")
          .doesNotContain("key body removed").doesNotContain("12345");
      assertThat(opened.privateKey()).as(name).startsWith("-----BEGIN ")
          .contains("[key body removed from this copy]");
      assertThat(opened.passphrase()).as(name).isEqualTo(sample % 2 == 0 ? "12345" : null);
    }
  }

  @Test
  void listMatchesSampleLayout() {
    String id = id(server.admin().postBody(UNIX + "?" + encode("action", "create",
        "title", "ssh2 record", "username", "root", "skip_password", "1", "port", "22,23",
        "ips", "10.10.35.253", "comments", "my record comments"), XML,
        keyBody("rsa", "-----BEGIN RSA PRIVATE KEY-----\nMIIBtest\n-----END RSA PRIVATE KEY-----",
            "<CERTIFICATE type=\"openssh\"><![CDATA[ssh-rsa-cert-v01@openssh.com AAAA]]>"
                + "</CERTIFICATE>")));

    ApiReply list = server.admin().get(UNIX + "?action=list&ids=" + id);

    ApiReply sample = new ApiReply(200, Map.of(), AuthRecordDtdTest.sample(
        "unix_list_sample.xml"));
    List<String> sampleChildren = childNames(sample);
    sampleChildren.removeAll(List.of("ROOT_TOOL_INFO_LIST", "USE_AGENTLESS_TRACKING",
        "AGENTLESS_TRACKING_PATH"));
    assertThat(childNames(list)).isEqualTo(sampleChildren);
    assertThat(keyLines(list.body(), 0)).isEqualTo(keyLines(sample.body(), 1).stream()
        .map(line -> line.replace("=70006922", "=" + record(id).privateKeys().get(0).id()))
        .toList());
    assertThat(list.xpath("//AUTH_UNIX/SKIP_PASSWORD")).isEqualTo("1");
    assertThat(list.xpath("//AUTH_UNIX/PORT")).isEqualTo("22, 23");
    assertThat(list.xpath("//AUTH_UNIX/COMMENTS")).isEqualTo("my record comments");
    assertThat(list.text()).doesNotContain("MIIBtest").doesNotContain("AAAA]]");
  }

  static List<String> childNames(ApiReply reply) {
    List<String> names = new ArrayList<>();
    int count = reply.count("//AUTH_UNIX/*");
    for (int i = 1; i <= count; i++) {
      names.add(reply.xpath("name(//AUTH_UNIX/*[" + i + "])"));
    }
    return names;
  }

  /** Returns the flattened lines of the n-th PRIVATE_KEY_CERTIFICATE of a list output. */
  static List<String> keyLines(byte[] document, int index) {
    String path = "/AUTH_UNIX_LIST_OUTPUT/RESPONSE/AUTH_UNIX_LIST/AUTH_UNIX/"
        + "PRIVATE_KEY_CERTIFICATE_LIST/PRIVATE_KEY_CERTIFICATE";
    List<List<String>> keys = new ArrayList<>();
    for (String line : XmlElements.flatten(document)) {
      if (line.equals(path)) {
        keys.add(new ArrayList<>());
      }
      if (line.startsWith(path) && !keys.isEmpty()) {
        keys.get(keys.size() - 1).add(line);
      }
    }
    return keys.get(index);
  }

  @Test
  void updateReplacesKeysAndKeepsReferencedOnes() {
    String id = id(server.admin().postBody(UNIX + "?" + encode("action", "create",
        "title", "Key edits", "username", "root", "ips", "10.21.0.1"), XML,
        body("create_private_key_sample_2.xml")));
    long keyId = record(id).privateKeys().get(0).id();
    String edit = "<UNIX_AUTH_PARAMS><PRIVATE_KEY_CERTIFICATES>"
        + "<PRIVATE_KEY_CERTIFICATE><ID>" + keyId + "</ID><PRIVATE_KEY_INFO type=\"basic\"/>"
        + "<PASSPHRASE_INFO type=\"basic\"><PASSPHRASE>new-pass</PASSPHRASE></PASSPHRASE_INFO>"
        + "</PRIVATE_KEY_CERTIFICATE><PRIVATE_KEY_CERTIFICATE><PRIVATE_KEY_INFO type=\"basic\">"
        + "<PRIVATE_KEY type=\"ed25519\">-----BEGIN OPENSSH PRIVATE KEY-----\nb3Bl\n"
        + "-----END OPENSSH PRIVATE KEY-----</PRIVATE_KEY></PRIVATE_KEY_INFO>"
        + "</PRIVATE_KEY_CERTIFICATE></PRIVATE_KEY_CERTIFICATES></UNIX_AUTH_PARAMS>";

    ApiReply updated = server.admin().postBody(UNIX + "?action=update&ids=" + id, XML, edit);
    AuthRecord afterEdit = record(id);
    List<PrivateKeyInput> opened = server.server().authRecords().openPrivateKeys(afterEdit);
    ApiReply unknownId = server.admin().postBody(UNIX + "?action=update&ids=" + id, XML,
        edit.replace("<ID>" + keyId + "</ID>", "<ID>987654</ID>"));
    ApiReply cleared = server.admin().postBody(UNIX + "?action=update&ids=" + id, XML,
        body("create_private_key_sample_1.xml").replaceAll(
            "(?s)<PRIVATE_KEY_CERTIFICATES>.*</PRIVATE_KEY_CERTIFICATES>",
            "<PRIVATE_KEY_CERTIFICATES></PRIVATE_KEY_CERTIFICATES>"));

    assertThat(updated.xpath("//BATCH/TEXT")).isEqualTo("Successfully Updated");
    assertThat(afterEdit.privateKeys()).hasSize(2);
    assertThat(afterEdit.privateKeys().get(0).id()).isEqualTo(keyId);
    assertThat(afterEdit.privateKeys().get(0).keyType()).isEqualTo("rsa");
    assertThat(afterEdit.privateKeys().get(1).keyType()).isEqualTo("ed25519");
    assertThat(opened.get(0).privateKey()).startsWith("-----BEGIN RSA PRIVATE KEY-----");
    assertThat(opened.get(0).passphrase()).isEqualTo("new-pass");
    assertThat(unknownId.code()).isEqualTo("1905");
    assertThat(unknownId.responseText()).contains("ID 987654 is not a key of record " + id);
    assertThat(cleared.status()).as(cleared.text()).isEqualTo(200);
    assertThat(record(id).privateKeys()).isEmpty();
  }

  @Test
  void keysAreSealedAtRest() {
    String id = id(server.admin().postBody(UNIX + "?" + encode("action", "create",
        "title", "Sealed keys", "username", "root", "password", "unix-pw-4411",
        "ips", "10.22.0.1"), XML, body("create_private_key_sample_4.xml")));

    List<String> stored = server.server().database().jdbi().withHandle(handle -> handle
        .createQuery("SELECT secrets_sealed FROM auth_private_key WHERE record_id = :id"
            + " UNION ALL SELECT secrets_sealed FROM auth_record WHERE id = :id")
        .bind("id", Long.parseLong(id)).mapTo(String.class).list());

    assertThat(stored).hasSize(2);
    for (String sealed : stored) {
      assertThat(sealed).startsWith("v1:").doesNotContain("BEGIN").doesNotContain("12345")
          .doesNotContain("unix-pw-4411");
    }
  }

  @Test
  void recordForFindsCoveringRecord() {
    String id = id(server.admin().post(UNIX, encode("action", "create", "title", "Lookup",
        "username", "root", "ips", "10.23.0.10-10.23.0.20, 10.23.1.1")));
    var service = server.server().authRecords();

    Optional<AuthRecord> inside = service.recordFor(subscription(), Technology.UNIX,
        "10.23.0.15");
    Optional<AuthRecord> single = service.recordFor(subscription(), Technology.UNIX,
        "10.23.1.1");
    Optional<AuthRecord> outside = service.recordFor(subscription(), Technology.UNIX,
        "10.23.0.21");
    Optional<AuthRecord> otherTechnology = service.recordFor(subscription(),
        Technology.WINDOWS, "10.23.0.15");

    assertThat(inside).map(AuthRecord::id).contains(Long.parseLong(id));
    assertThat(single).map(AuthRecord::id).contains(Long.parseLong(id));
    assertThat(outside).isEmpty();
    assertThat(otherTechnology).isEmpty();
  }

  @Test
  void vaultRecordDropsPasswordSettings() {
    String vaultId = AuthRecordWindowsApiTest.createVaultOn(server, "type", "CyberArk PIM Suite",
        "title", "PIM vault", "server_address", "pim.example.com", "safe", "s",
        "username", "u", "password", "vault-pw");

    ApiReply both = server.admin().post(UNIX, encode("action", "create", "title", "Both",
        "username", "root", "ips", "10.24.0.1", "login_type", "vault", "vault_id", vaultId,
        "vault_type", "Cyber-Ark PIM Suite", "cleartext_password", "1"));
    String id = id(server.admin().post(UNIX, encode("action", "create", "title", "PIM record",
        "username", "root", "ips", "10.24.0.1", "login_type", "vault", "vault_id", vaultId,
        "vault_type", "Cyber-Ark PIM Suite", "folder", "Root", "file", "unix-root")));
    ApiReply list = server.admin().get(UNIX + "?action=list&ids=" + id);

    assertThat(both.code()).isEqualTo("1904");
    assertThat(list.xpath("//AUTH_UNIX/LOGIN_TYPE")).isEqualTo("vault");
    assertThat(list.xpath("//DIGITAL_VAULT/DIGITAL_VAULT_TYPE")).isEqualTo("CyberArk PIM Suite");
    assertThat(list.xpath("//DIGITAL_VAULT/VAULT_FOLDER")).isEqualTo("Root");
    assertThat(list.xpath("//DIGITAL_VAULT/VAULT_FILE")).isEqualTo("unix-root");
  }

  @Test
  void xxeIsRejectedWithoutReadingFile() throws Exception {
    java.nio.file.Path secretFile = java.nio.file.Files.createTempFile("vigil-xxe-", ".txt");
    java.nio.file.Files.writeString(secretFile, "XXE-MARKER-4242");
    try (java.net.ServerSocket listener =
        new java.net.ServerSocket(0, 10, java.net.InetAddress.getLoopbackAddress())) {
      String local = "http://127.0.0.1:" + listener.getLocalPort();
      List<String> bodies = List.of(
          "<?xml version=\"1.0\"?>\n<!DOCTYPE UNIX_AUTH_PARAMS [<!ENTITY xxe SYSTEM \""
              + secretFile.toUri() + "\">]>\n" + keyBody("rsa", "]]>&xxe;<![CDATA[", ""),
          "<?xml version=\"1.0\"?>\n<!DOCTYPE UNIX_AUTH_PARAMS SYSTEM \"" + local
              + "/external.dtd\">\n<UNIX_AUTH_PARAMS/>",
          "<?xml version=\"1.0\"?>\n<!DOCTYPE UNIX_AUTH_PARAMS [<!ENTITY % remote SYSTEM \""
              + local + "/parameter\"> %remote;]>\n<UNIX_AUTH_PARAMS/>");

      List<ApiReply> replies = new ArrayList<>();
      for (String body : bodies) {
        replies.add(server.admin().postBody(UNIX + "?" + encode("action", "create",
            "title", "XXE", "username", "root", "ips", "10.25.0.1"), XML, body));
      }
      listener.setSoTimeout(300);
      boolean connected;
      try (java.net.Socket socket = listener.accept()) {
        connected = socket != null;
      } catch (java.net.SocketTimeoutException e) {
        connected = false;
      }

      for (ApiReply reply : replies) {
        assertThat(reply.status()).as(reply.text()).isEqualTo(400);
        assertThat(reply.code()).isEqualTo("1905");
        assertThat(reply.responseText()).startsWith("parameter UNIX_AUTH_PARAMS has invalid value");
        assertThat(reply.text()).doesNotContain("XXE-MARKER-4242");
      }
      assertThat(connected).as("the parser connected to the entity URL").isFalse();
      assertThat(server.server().authRecords().recordFor(subscription(), Technology.UNIX,
          "10.25.0.1")).isEmpty();
    } finally {
      java.nio.file.Files.deleteIfExists(secretFile);
    }
  }

  @Test
  void invalidBodiesGetCode1905() {
    Map<String, String> bodies = Map.of(
        "malformed XML", "<UNIX_AUTH_PARAMS><PRIVATE_KEY_CERTIFICATES>",
        "expected UNIX_AUTH_PARAMS", "<ROOT_TOOLS/>",
        "ROOT_TOOLS (root delegation) is not supported",
        "<UNIX_AUTH_PARAMS><ROOT_TOOLS><ROOT_TOOL/></ROOT_TOOLS></UNIX_AUTH_PARAMS>",
        "type=\"vault\" is not supported", keyBody("rsa", "x", "").replace(
            "<PRIVATE_KEY_INFO type=\"basic\">", "<PRIVATE_KEY_INFO type=\"vault\">"),
        "not a PEM or OpenSSH private key", keyBody("rsa", "not a key", ""),
        "type=\"dss\" is invalid", keyBody("dss", "-----BEGIN DSA PRIVATE KEY-----", ""));
    bodies.forEach((reason, body) -> {
      ApiReply reply = server.admin().postBody(UNIX + "?" + encode("action", "create",
          "title", "Invalid body", "username", "root", "ips", "10.26.0.1"), XML, body);

      assertThat(reply.status()).as(reason).isEqualTo(400);
      assertThat(reply.code()).as(reason).isEqualTo("1905");
      assertThat(reply.responseText()).as(reason).contains(reason);
      assertThat(reply.text()).as(reason).doesNotContain("Exception");
    });
  }

  @Test
  void emptyRootToolsIsAccepted() {
    ApiReply reply = server.admin().postBody(UNIX + "?" + encode("action", "create",
        "title", "Empty root tools", "username", "root", "ips", "10.27.0.1"), XML,
        "<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n<UNIX_AUTH_PARAMS>\n   <ROOT_TOOLS>"
            + "</ROOT_TOOLS>\n</UNIX_AUTH_PARAMS>");

    assertThat(reply.xpath("//BATCH/TEXT")).as(reply.text()).isEqualTo("Successfully Created");
  }

  @Test
  void windowsRejectsXmlBody() {
    ApiReply reply = server.admin().postBody("/api/2.0/fo/auth/windows/?" + encode("action",
        "create", "title", "Body", "username", "u", "password", "p", "ips", "10.28.0.1"), XML,
        body("create_private_key_sample_1.xml"));

    assertThat(reply.code()).isEqualTo("1905");
    assertThat(reply.responseText()).contains("Windows records take no request body");
  }
}
