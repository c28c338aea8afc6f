package io.vigil.secret;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.vigil.config.DatabaseSettings;
import io.vigil.testing.ApiReply;
import io.vigil.testing.TestDatabase;
import io.vigil.testing.TestServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Plants sentinel secrets through the API and looks for them everywhere they must not be: every
 * column of every table, the H2 database file, the log lines and the API's outputs.
 */
class SentinelSecretTest {
  static final String PASSWORD_SENTINEL = "SENTINEL-pw-7f3a9c2e";
  static final String APPKEY_SENTINEL = "SENTINELappkey5b81d4";

  @Test
  void sentinelAppearsNowhere() throws Exception {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    ListAppender<ILoggingEvent> logs = new ListAppender<>();
    logs.start();
    root.addAppender(logs);
    List<String> outputs = new ArrayList<>();
    DatabaseSettings databaseSettings;
    Path dataDir;
    // The test owns the database, so the H2 file is still there after the server has closed it.
    TestDatabase database = TestDatabase.create();
    try (TestServer server = TestServer.builder().database(database).start()) {
      databaseSettings = server.server().settings().database();
      dataDir = server.server().settings().dataDir();
      ApiReply first =
          server.admin().post("/api/2.0/fo/vault/", "action=create&echo_request=1"
              + "&type=Wallix%20AdminBastion%20(WAB)&title=Sentinel&url=https://wab.example.com/api"
              + "&username=user&password=" + PASSWORD_SENTINEL);
      String id = first.xpath("//ITEM[KEY='ID']/VALUE");
      outputs.add(first.text());
      outputs.add(server.admin().post("/api/2.0/fo/vault/", "action=update&echo_request=1&id="
          + id + "&appkey=" + APPKEY_SENTINEL).text());
      outputs.add(server.admin().get("/api/2.0/fo/vault/?action=list&echo_request=1").text());
      outputs.add(server.admin().get("/api/2.0/fo/vault/?action=view&id=" + id).text());
      outputs.add(server.admin().post("/api/2.0/fo/vault/", "action=create&echo_request=1"
          + "&type=CyberArk%20PIM%20Suite&title=Pim&server_address=pvwa.example.com&safe=s"
          + "&username=u&password=" + PASSWORD_SENTINEL).text());
      outputs.add(server.admin().post("/api/2.0/fo/auth/unix/", "action=create&echo_request=1"
          + "&title=Sentinel%20record&username=root&ips=10.9.8.7&password="
          + PASSWORD_SENTINEL).text());
      outputs.add(server.admin().post("/api/2.0/fo/auth/windows/", "action=create&echo_request=1"
          + "&title=Sentinel%20windows&username=administrator&ips=10.9.8.7&password="
          + PASSWORD_SENTINEL).text());
      outputs.add(server.admin().get("/api/2.0/fo/auth/unix/?action=list&echo_request=1").text());
      outputs.add(server.admin().get("/api/2.0/fo/auth/windows/?action=list").text());
      assertThat(first.status()).isEqualTo(200);
      assertThat(outputs.get(5)).contains("Successfully Created");
      for (String table : tables(databaseSettings)) {
        assertThat(tableText(databaseSettings, table)).as("table %s", table)
            .doesNotContain(PASSWORD_SENTINEL).doesNotContain(APPKEY_SENTINEL);
      }
    } finally {
      root.detachAppender(logs);
    }

    for (String output : outputs) {
      assertThat(output).doesNotContain(PASSWORD_SENTINEL).doesNotContain(APPKEY_SENTINEL);
    }
    for (ILoggingEvent event : logs.list) {
      assertThat(event.getFormattedMessage())
          .doesNotContain(PASSWORD_SENTINEL).doesNotContain(APPKEY_SENTINEL);
    }
    assertThat(logs.list).isNotEmpty();
    try {
      if (!TestDatabase.isPostgresRun()) {
        Path file = dataDir.resolve(DatabaseSettings.H2_FILE_NAME + ".mv.db");
        String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        assertThat(bytes).contains("Sentinel");
        assertThat(bytes).doesNotContain(PASSWORD_SENTINEL).doesNotContain(APPKEY_SENTINEL);
      }
    } finally {
      database.close();
    }
  }

  private static List<String> tables(DatabaseSettings settings) throws Exception {
    List<String> tables = new ArrayList<>();
    try (Connection connection = connect(settings);
        ResultSet rs = connection.getMetaData().getTables(null, "public", "%",
            new String[] {"TABLE"})) {
      while (rs.next()) {
        tables.add(rs.getString("TABLE_NAME"));
      }
    }
    assertThat(tables).contains("vault", "app_user");
    return tables;
  }

  private static String tableText(DatabaseSettings settings, String table) throws Exception {
    StringBuilder text = new StringBuilder();
    try (Connection connection = connect(settings);
        Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("SELECT * FROM \"" + table + "\"")) {
      int columns = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        for (int i = 1; i <= columns; i++) {
          text.append(rs.getString(i)).append('\n');
        }
      }
    }
    return text.toString();
  }

  private static Connection connect(DatabaseSettings settings) throws Exception {
    return DriverManager.getConnection(settings.url(), settings.user(), settings.password());
  }
}
