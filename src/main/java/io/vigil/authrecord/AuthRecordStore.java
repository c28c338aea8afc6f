package io.vigil.authrecord;

import io.vigil.authrecord.AuthRecord.PrivateKeyCertificate;
import io.vigil.authrecord.AuthRecord.VaultReference;
import io.vigil.vault.VaultType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/**
 * Storage of authentication records, their IP ranges and private keys. Secrets arrive and leave
 * sealed, and this class never decrypts them. Every method runs on the caller's handle, so the
 * service can check and write in one transaction.
 */
final class AuthRecordStore {
  private static final String SELECT =
      "SELECT r.id, r.subscription_id, r.technology, r.title, r.username, r.login_type,"
          + " r.vault_id, v.type AS vault_type, v.title AS vault_title, r.settings,"
          + " r.secret_names, r.comments, r.created_at, r.created_by, r.modified_at,"
          + " r.modified_by FROM auth_record r LEFT JOIN vault v ON v.id = r.vault_id";

  /** Values of a new or changed record, with the secrets already sealed. */
  record Row(
      long subscriptionId,
      Technology technology,
      String title,
      String username,
      LoginType loginType,
      Long vaultId,
      Map<String, String> settings,
      Set<String> secretNames,
      String secretsSealed,
      String comments,
      Instant now,
      String login) {}

  /** A private key to store, with its key and passphrase sealed as one value. */
  record KeyRow(
      Long id, String keyType, String secretsSealed, boolean hasPassphrase,
      String certificateType, String certificate) {}

  /** Filters of a list call; null fields do not filter. */
  record ListQuery(IdSelection ids, Long idMin, Long idMax, int limit) {}

  /**
   * Locks the subscription row until the transaction ends, so that writes of records of one
   * subscription run one at a time and an overlap check cannot race another write.
   */
  void lockSubscription(Handle handle, long subscriptionId) {
    handle
        .createQuery("SELECT id FROM subscription WHERE id = :sub FOR UPDATE")
        .bind("sub", subscriptionId)
        .mapTo(Long.class)
        .one();
  }

  long insert(Handle handle, Row row) {
    return handle
        .createUpdate(
            "INSERT INTO auth_record (subscription_id, technology, title, username, login_type,"
                + " vault_id, settings, secret_names, secrets_sealed, comments, created_at,"
                + " created_by, modified_at, modified_by) VALUES (:sub, :technology, :title,"
                + " :username, :loginType, :vaultId, :settings, :secretNames, :sealed, :comments,"
                + " :now, :login, :now, :login)")
        .bind("sub", row.subscriptionId())
        .bind("technology", row.technology().pathName())
        .bind("title", row.title())
        .bind("username", row.username())
        .bind("loginType", row.loginType().apiName())
        .bind("vaultId", row.vaultId())
        .bind("settings", JsonMaps.toJson(row.settings()))
        .bind("secretNames", String.join(",", row.secretNames()))
        .bind("sealed", row.secretsSealed())
        .bind("comments", row.comments())
        .bind("now", row.now())
        .bind("login", row.login())
        .executeAndReturnGeneratedKeys("id")
        .mapTo(Long.class)
        .one();
  }

  void update(Handle handle, long id, Row row) {
    handle
        .createUpdate(
            "UPDATE auth_record SET title = :title, username = :username, login_type = :loginType,"
                + " vault_id = :vaultId, settings = :settings, secret_names = :secretNames,"
                + " secrets_sealed = :sealed, comments = :comments, modified_at = :now,"
                + " modified_by = :login WHERE id = :id AND subscription_id = :sub")
        .bind("id", id)
        .bind("sub", row.subscriptionId())
        .bind("title", row.title())
        .bind("username", row.username())
        .bind("loginType", row.loginType().apiName())
        .bind("vaultId", row.vaultId())
        .bind("settings", JsonMaps.toJson(row.settings()))
        .bind("secretNames", String.join(",", row.secretNames()))
        .bind("sealed", row.secretsSealed())
        .bind("comments", row.comments())
        .bind("now", row.now())
        .bind("login", row.login())
        .execute();
  }

  void replaceIps(Handle handle, long recordId, Row row, List<IpRange> ips) {
    handle.createUpdate("DELETE FROM auth_record_ip WHERE record_id = :id")
        .bind("id", recordId).execute();
    var batch =
        handle.prepareBatch(
            "INSERT INTO auth_record_ip (record_id, subscription_id, technology, ip_start, ip_end)"
                + " VALUES (:id, :sub, :technology, :start, :end)");
    for (IpRange range : ips) {
      batch
          .bind("id", recordId)
          .bind("sub", row.subscriptionId())
          .bind("technology", row.technology().pathName())
          .bind("start", range.start())
          .bind("end", range.end())
          .add();
    }
    batch.execute();
  }

  /** Replaces the keys of a record: rows with an id are updated, the others inserted. */
  void replaceKeys(Handle handle, long recordId, List<KeyRow> keys) {
    List<Long> keptIds = keys.stream().map(KeyRow::id).filter(id -> id != null).toList();
    StringBuilder delete = new StringBuilder("DELETE FROM auth_private_key WHERE record_id = :id");
    if (!keptIds.isEmpty()) {
      delete.append(" AND id NOT IN (<keptIds>)");
    }
    var statement = handle.createUpdate(delete.toString()).bind("id", recordId);
    if (!keptIds.isEmpty()) {
      statement.bindList("keptIds", keptIds);
    }
    statement.execute();
    for (int position = 0; position < keys.size(); position++) {
      KeyRow key = keys.get(position);
      String sql =
          key.id() == null
              ? "INSERT INTO auth_private_key (record_id, position, key_type, secrets_sealed,"
                  + " has_passphrase, certificate_type, certificate) VALUES (:record, :position,"
                  + " :keyType, :sealed, :hasPassphrase, :certificateType, :certificate)"
              : "UPDATE auth_private_key SET position = :position, key_type = :keyType,"
                  + " secrets_sealed = :sealed, has_passphrase = :hasPassphrase,"
                  + " certificate_type = :certificateType, certificate = :certificate"
                  + " WHERE id = :keyId AND record_id = :record";
      handle
          .createUpdate(sql)
          .bind("record", recordId)
          .bind("keyId", key.id())
          .bind("position", position)
          .bind("keyType", key.keyType())
          .bind("sealed", key.secretsSealed())
          .bind("hasPassphrase", key.hasPassphrase())
          .bind("certificateType", key.certificateType())
          .bind("certificate", key.certificate())
          .execute();
    }
  }

  int delete(Handle handle, long subscriptionId, List<Long> ids) {
    return handle
        .createUpdate("DELETE FROM auth_record WHERE subscription_id = :sub AND id IN (<ids>)")
        .bind("sub", subscriptionId)
        .bindList("ids", ids)
        .execute();
  }

  /** A stored range of another record that overlaps a range being written. */
  record Overlap(long recordId, IpRange theirs) {}

  Optional<Overlap> findOverlap(
      Handle handle, long subscriptionId, Technology technology, long exceptId, IpRange range) {
    return handle
        .createQuery(
            "SELECT record_id, ip_start, ip_end FROM auth_record_ip WHERE subscription_id = :sub"
                + " AND technology = :technology AND record_id <> :except AND ip_start <= :end"
                + " AND ip_end >= :start ORDER BY ip_start, record_id")
        .bind("sub", subscriptionId)
        .bind("technology", technology.pathName())
        .bind("except", exceptId)
        .bind("start", range.start())
        .bind("end", range.end())
        .setMaxRows(1)
        .map((rs, ctx) -> new Overlap(rs.getLong("record_id"),
            new IpRange(rs.getLong("ip_start"), rs.getLong("ip_end"))))
        .findFirst();
  }

  Optional<Long> findByTitle(
      Handle handle, long subscriptionId, Technology technology, String title) {
    return handle
        .createQuery(
            "SELECT id FROM auth_record WHERE subscription_id = :sub AND technology = :technology"
                + " AND title = :title")
        .bind("sub", subscriptionId)
        .bind("technology", technology.pathName())
        .bind("title", title)
        .mapTo(Long.class)
        .findFirst();
  }

  Optional<AuthRecord> find(Handle handle, long subscriptionId, Technology technology, long id) {
    List<AuthRecord> found =
        withDetails(
            handle,
            handle
                .createQuery(SELECT + " WHERE r.subscription_id = :sub AND r.technology = :tech"
                    + " AND r.id = :id")
                .bind("sub", subscriptionId)
                .bind("tech", technology.pathName())
                .bind("id", id)
                .map(AuthRecordStore::map)
                .list());
    return found.stream().findFirst();
  }

  /** Returns matching records by ascending id, at most {@code query.limit()} of them. */
  List<AuthRecord> list(
      Handle handle, long subscriptionId, Technology technology, ListQuery query) {
    StringBuilder sql =
        new StringBuilder(SELECT + " WHERE r.subscription_id = :sub AND r.technology = :tech");
    IdSelection ids = query.ids();
    if (ids != null) {
      List<String> alternatives = new ArrayList<>();
      if (!ids.ids().isEmpty()) {
        alternatives.add("r.id IN (<ids>)");
      }
      for (int i = 0; i < ids.ranges().size(); i++) {
        alternatives.add("r.id BETWEEN :rangeStart" + i + " AND :rangeEnd" + i);
      }
      sql.append(" AND (").append(String.join(" OR ", alternatives)).append(')');
    }
    if (query.idMin() != null) {
      sql.append(" AND r.id >= :idMin");
    }
    if (query.idMax() != null) {
      sql.append(" AND r.id <= :idMax");
    }
    sql.append(" ORDER BY r.id LIMIT :limit");
    Query statement =
        handle
            .createQuery(sql.toString())
            .bind("sub", subscriptionId)
            .bind("tech", technology.pathName())
            .bind("limit", query.limit());
    if (ids != null) {
      if (!ids.ids().isEmpty()) {
        statement.bindList("ids", ids.ids());
      }
      for (int i = 0; i < ids.ranges().size(); i++) {
        statement.bind("rangeStart" + i, ids.ranges().get(i)[0]);
        statement.bind("rangeEnd" + i, ids.ranges().get(i)[1]);
      }
    }
    if (query.idMin() != null) {
      statement.bind("idMin", query.idMin());
    }
    if (query.idMax() != null) {
      statement.bind("idMax", query.idMax());
    }
    return withDetails(handle, statement.map(AuthRecordStore::map).list());
  }

  Optional<AuthRecord> findCovering(
      Handle handle, long subscriptionId, Technology technology, long address) {
    Optional<Long> id =
        handle
            .createQuery(
                "SELECT record_id FROM auth_record_ip WHERE subscription_id = :sub"
                    + " AND technology = :tech AND ip_start <= :ip AND ip_end >= :ip"
                    + " ORDER BY record_id")
            .bind("sub", subscriptionId)
            .bind("tech", technology.pathName())
            .bind("ip", address)
            .mapTo(Long.class)
            .findFirst();
    return id.flatMap(recordId -> find(handle, subscriptionId, technology, recordId));
  }

  List<Long> recordsUsingVault(Handle handle, long vaultId) {
    return handle
        .createQuery("SELECT id FROM auth_record WHERE vault_id = :vault ORDER BY id")
        .bind("vault", vaultId)
        .mapTo(Long.class)
        .list();
  }

  Optional<String> findSealedSecrets(Handle handle, long recordId) {
    return handle
        .createQuery("SELECT secrets_sealed FROM auth_record WHERE id = :id")
        .bind("id", recordId)
        .mapTo(String.class)
        .findFirst();
  }

  /** Returns the sealed key material of a record's keys, by key id. */
  Map<Long, String> findSealedKeys(Handle handle, long recordId) {
    Map<Long, String> sealed = new HashMap<>();
    handle
        .createQuery("SELECT id, secrets_sealed FROM auth_private_key WHERE record_id = :id")
        .bind("id", recordId)
        .map((rs, ctx) -> Map.entry(rs.getLong("id"), rs.getString("secrets_sealed")))
        .forEach(entry -> sealed.put(entry.getKey(), entry.getValue()));
    return sealed;
  }

  /** Adds the IP ranges and private keys to records read without them. */
  private List<AuthRecord> withDetails(Handle handle, List<AuthRecord> records) {
    if (records.isEmpty()) {
      return records;
    }
    List<Long> ids = records.stream().map(AuthRecord::id).toList();
    Map<Long, List<IpRange>> ips = new HashMap<>();
    handle
        .createQuery("SELECT record_id, ip_start, ip_end FROM auth_record_ip"
            + " WHERE record_id IN (<ids>) ORDER BY record_id, ip_start")
        .bindList("ids", ids)
        .map((rs, ctx) -> Map.entry(rs.getLong("record_id"),
            new IpRange(rs.getLong("ip_start"), rs.getLong("ip_end"))))
        .forEach(e -> ips.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
    Map<Long, List<PrivateKeyCertificate>> keys = new HashMap<>();
    handle
        .createQuery("SELECT id, record_id, key_type, has_passphrase, certificate_type"
            + " FROM auth_private_key WHERE record_id IN (<ids>) ORDER BY record_id, position")
        .bindList("ids", ids)
        .map((rs, ctx) -> Map.entry(rs.getLong("record_id"), new PrivateKeyCertificate(
            rs.getLong("id"), rs.getString("key_type"), rs.getBoolean("has_passphrase"),
            rs.getString("certificate_type"))))
        .forEach(e -> keys.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
    List<AuthRecord> complete = new ArrayList<>();
    for (AuthRecord record : records) {
      complete.add(new AuthRecord(record.id(), record.subscriptionId(), record.technology(),
          record.title(), record.username(), record.loginType(), record.vault(),
          record.settings(), record.secretNames(), List.copyOf(ips.getOrDefault(record.id(),
          List.of())), List.copyOf(keys.getOrDefault(record.id(), List.of())),
          record.comments(), record.createdAt(), record.createdBy(), record.modifiedAt(),
          record.modifiedBy()));
    }
    return complete;
  }

  private static AuthRecord map(ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx)
      throws SQLException {
    long vaultId = rs.getLong("vault_id");
    VaultReference vault =
        rs.wasNull()
            ? null
            : new VaultReference(vaultId, VaultType.parse(rs.getString("vault_type"))
                .orElseThrow(), rs.getString("vault_title"));
    String names = rs.getString("secret_names");
    return new AuthRecord(
        rs.getLong("id"),
        rs.getLong("subscription_id"),
        Technology.valueOf(rs.getString("technology").toUpperCase(Locale.ROOT)),
        rs.getString("title"),
        rs.getString("username"),
        LoginType.parse(rs.getString("login_type")).orElseThrow(),
        vault,
        JsonMaps.fromJson(rs.getString("settings")),
        names == null || names.isEmpty() ? Set.of() : Set.of(names.split(",")),
        List.of(),
        List.of(),
        rs.getString("comments"),
        rs.getObject("created_at", OffsetDateTime.class).toInstant(),
        rs.getString("created_by"),
        rs.getObject("modified_at", OffsetDateTime.class).toInstant(),
        rs.getString("modified_by"));
  }
}
