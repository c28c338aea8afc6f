package io.vigil.vault;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/** Storage of vaults. Secret settings arrive and leave sealed; this class never sees them open. */
final class VaultStore {
  private static final String UNIQUE_VIOLATION = "23505";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {};

  private static final String COLUMNS =
      "id, subscription_id, title, type, comments, settings, secret_names, created_at,"
          + " created_by, modified_at, modified_by";

  private final Jdbi jdbi;

  VaultStore(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** Values of a new or changed vault, with the secrets already sealed. */
  record Row(
      long subscriptionId,
      String title,
      VaultType type,
      String comments,
      Map<String, String> settings,
      Set<String> secretNames,
      String secretsSealed,
      Instant now,
      String login) {}

  /** Filters and order of a list call. */
  record ListQuery(
      String title, VaultType type, Instant modifiedSince, String orderBy, boolean descending,
      Integer limit, Integer offset) {}

  long insert(Row row) {
    try {
      return jdbi.withHandle(
          handle ->
              handle
                  .createUpdate(
                      "INSERT INTO vault (subscription_id, title, type, comments, settings,"
                          + " secret_names, secrets_sealed, created_at, created_by, modified_at,"
                          + " modified_by) VALUES (:subscription, :title, :type, :comments,"
                          + " :settings, :secretNames, :sealed, :now, :login, :now, :login)")
                  .bind("subscription", row.subscriptionId())
                  .bind("title", row.title())
                  .bind("type", row.type().apiName())
                  .bind("comments", row.comments())
                  .bind("settings", toJson(row.settings()))
                  .bind("secretNames", String.join(",", row.secretNames()))
                  .bind("sealed", row.secretsSealed())
                  .bind("now", row.now())
                  .bind("login", row.login())
                  .executeAndReturnGeneratedKeys("id")
                  .mapTo(Long.class)
                  .one());
    } catch (UnableToExecuteStatementException e) {
      throw translate(e, row.title());
    }
  }

  void update(long id, Row row) {
    try {
      jdbi.useHandle(
          handle ->
              handle
                  .createUpdate(
                      "UPDATE vault SET title = :title, comments = :comments, settings ="
                          + " :settings, secret_names = :secretNames, secrets_sealed = :sealed,"
                          + " modified_at = :now, modified_by = :login"
                          + " WHERE id = :id AND subscription_id = :subscription")
                  .bind("id", id)
                  .bind("subscription", row.subscriptionId())
                  .bind("title", row.title())
                  .bind("comments", row.comments())
                  .bind("settings", toJson(row.settings()))
                  .bind("secretNames", String.join(",", row.secretNames()))
                  .bind("sealed", row.secretsSealed())
                  .bind("now", row.now())
                  .bind("login", row.login())
                  .execute());
    } catch (UnableToExecuteStatementException e) {
      throw translate(e, row.title());
    }
  }

  boolean delete(long subscriptionId, long id) {
    return jdbi.withHandle(
            handle ->
                handle
                    .createUpdate("DELETE FROM vault WHERE id = :id AND subscription_id = :sub")
                    .bind("id", id)
                    .bind("sub", subscriptionId)
                    .execute())
        > 0;
  }

  Optional<Vault> find(long subscriptionId, long id) {
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery(
                    "SELECT " + COLUMNS + " FROM vault WHERE id = :id AND subscription_id = :sub")
                .bind("id", id)
                .bind("sub", subscriptionId)
                .map(VaultStore::map)
                .findOne());
  }

  Optional<String> findSealedSecrets(long subscriptionId, long id) {
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery(
                    "SELECT secrets_sealed FROM vault WHERE id = :id AND subscription_id = :sub")
                .bind("id", id)
                .bind("sub", subscriptionId)
                .mapTo(String.class)
                .findOne());
  }

  /** Returns the matching vaults and how many match without limit and offset. */
  List<Vault> list(long subscriptionId, ListQuery query) {
    StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM vault");
    sql.append(where(query));
    sql.append(" ORDER BY ").append(orderColumn(query.orderBy()));
    sql.append(query.descending() ? " DESC" : " ASC").append(", id ASC");
    if (query.limit() != null) {
      sql.append(" LIMIT :limit OFFSET :offset");
    }
    return jdbi.withHandle(
        handle -> {
          Query statement = handle.createQuery(sql.toString());
          bindFilters(statement, subscriptionId, query);
          if (query.limit() != null) {
            statement.bind("limit", query.limit()).bind("offset", query.offset());
          }
          return statement.map(VaultStore::map).list();
        });
  }

  private static String where(ListQuery query) {
    StringBuilder where = new StringBuilder(" WHERE subscription_id = :sub");
    if (query.title() != null) {
      where.append(" AND title = :title");
    }
    if (query.type() != null) {
      where.append(" AND type = :type");
    }
    if (query.modifiedSince() != null) {
      where.append(" AND modified_at >= :modified");
    }
    return where.toString();
  }

  private static void bindFilters(Query statement, long subscriptionId, ListQuery query) {
    statement.bind("sub", subscriptionId);
    if (query.title() != null) {
      statement.bind("title", query.title());
    }
    if (query.type() != null) {
      statement.bind("type", query.type().apiName());
    }
    if (query.modifiedSince() != null) {
      statement.bind("modified", query.modifiedSince());
    }
  }

  private static String orderColumn(String orderBy) {
    return switch (orderBy) {
      case "title" -> "title";
      case "system_name" -> "type";
      case "last_modified" -> "modified_at";
      case "last_modified_by" -> "modified_by";
      default -> "id";
    };
  }

  private static Vault map(ResultSet rs, StatementContext ctx) throws SQLException {
    String names = rs.getString("secret_names");
    return new Vault(
        rs.getLong("id"),
        rs.getLong("subscription_id"),
        rs.getString("title"),
        VaultType.parse(rs.getString("type")).orElseThrow(),
        rs.getString("comments"),
        fromJson(rs.getString("settings")),
        names == null || names.isEmpty() ? Set.of() : Set.of(names.split(",")),
        rs.getObject("created_at", OffsetDateTime.class).toInstant(),
        rs.getString("created_by"),
        rs.getObject("modified_at", OffsetDateTime.class).toInstant(),
        rs.getString("modified_by"));
  }

  static String toJson(Map<String, String> values) {
    try {
      return JSON.writeValueAsString(new TreeMap<>(values));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write vault settings as JSON", e);
    }
  }

  static Map<String, String> fromJson(String json) {
    try {
      return new LinkedHashMap<>(JSON.readValue(json, STRING_MAP));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Stored vault settings are not valid JSON", e);
    }
  }

  private static RuntimeException translate(UnableToExecuteStatementException e, String title) {
    if (e.getCause() instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
      return new VaultTitleTakenException(title);
    }
    return e;
  }
}
