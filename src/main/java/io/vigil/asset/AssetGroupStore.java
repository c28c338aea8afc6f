package io.vigil.asset;

import io.vigil.net.IpRange;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/** Storage of asset groups and their IPs. */
final class AssetGroupStore {
  private static final String UNIQUE_VIOLATION = "23505";

  private final Jdbi jdbi;

  AssetGroupStore(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** Row of a group without its IPs. */
  private record Header(
      long id, long subscriptionId, String title, String comments, Instant modifiedAt,
      String modifiedBy) {}

  long insert(Handle handle, long subscriptionId, String title, String comments, Instant now,
      String login) {
    try {
      return handle
          .createUpdate(
              "INSERT INTO asset_group (subscription_id, title, comments, modified_at,"
                  + " modified_by) VALUES (:sub, :title, :comments, :now, :login)")
          .bind("sub", subscriptionId)
          .bind("title", title)
          .bind("comments", comments)
          .bind("now", now)
          .bind("login", login)
          .executeAndReturnGeneratedKeys("id")
          .mapTo(Long.class)
          .one();
    } catch (UnableToExecuteStatementException e) {
      throw translate(e, "title", title);
    }
  }

  void update(Handle handle, AssetGroup group) {
    try {
      handle
          .createUpdate(
              "UPDATE asset_group SET title = :title, comments = :comments, modified_at = :now,"
                  + " modified_by = :login WHERE id = :id AND subscription_id = :sub")
          .bind("id", group.id())
          .bind("sub", group.subscriptionId())
          .bind("title", group.title())
          .bind("comments", group.comments())
          .bind("now", group.modifiedAt())
          .bind("login", group.modifiedBy())
          .execute();
    } catch (UnableToExecuteStatementException e) {
      throw translate(e, "set_title", group.title());
    }
  }

  void replaceRanges(Handle handle, long groupId, List<IpRange> ranges) {
    handle.createUpdate("DELETE FROM asset_group_range WHERE group_id = :id")
        .bind("id", groupId)
        .execute();
    if (ranges.isEmpty()) {
      return;
    }
    PreparedBatch batch =
        handle.prepareBatch(
            "INSERT INTO asset_group_range (group_id, first_ip, last_ip)"
                + " VALUES (:id, :first, :last)");
    for (IpRange range : IpRange.merge(ranges)) {
      batch.bind("id", groupId).bind("first", range.first()).bind("last", range.last()).add();
    }
    batch.execute();
  }

  boolean delete(long subscriptionId, long id) {
    return jdbi.withHandle(
            handle ->
                handle
                    .createUpdate(
                        "DELETE FROM asset_group WHERE id = :id AND subscription_id = :sub")
                    .bind("id", id)
                    .bind("sub", subscriptionId)
                    .execute())
        > 0;
  }

  Optional<AssetGroup> find(long subscriptionId, long id) {
    return list(subscriptionId).stream().filter(group -> group.id() == id).findFirst();
  }

  /** Returns every group of the subscription, by id. */
  List<AssetGroup> list(long subscriptionId) {
    return jdbi.withHandle(handle -> list(handle, subscriptionId));
  }

  List<AssetGroup> list(Handle handle, long subscriptionId) {
    List<Header> headers =
        handle
            .createQuery(
                "SELECT id, subscription_id, title, comments, modified_at, modified_by"
                    + " FROM asset_group WHERE subscription_id = :sub ORDER BY id")
            .bind("sub", subscriptionId)
            .map(AssetGroupStore::mapHeader)
            .list();
    Map<Long, List<IpRange>> ranges = new HashMap<>();
    handle
        .createQuery(
            "SELECT r.group_id, r.first_ip, r.last_ip FROM asset_group_range r"
                + " JOIN asset_group g ON g.id = r.group_id WHERE g.subscription_id = :sub"
                + " ORDER BY r.group_id, r.first_ip")
        .bind("sub", subscriptionId)
        .map(
            (rs, ctx) -> {
              ranges
                  .computeIfAbsent(rs.getLong("group_id"), id -> new ArrayList<>())
                  .add(new IpRange(rs.getLong("first_ip"), rs.getLong("last_ip")));
              return 0;
            })
        .list();
    List<AssetGroup> groups = new ArrayList<>();
    for (Header header : headers) {
      groups.add(
          new AssetGroup(
              header.id(),
              header.subscriptionId(),
              header.title(),
              header.comments(),
              List.copyOf(ranges.getOrDefault(header.id(), List.of())),
              header.modifiedAt(),
              header.modifiedBy()));
    }
    return groups;
  }

  private static Header mapHeader(ResultSet rs, StatementContext ctx) throws SQLException {
    return new Header(
        rs.getLong("id"),
        rs.getLong("subscription_id"),
        rs.getString("title"),
        rs.getString("comments"),
        rs.getObject("modified_at", OffsetDateTime.class).toInstant(),
        rs.getString("modified_by"));
  }

  private static RuntimeException translate(
      UnableToExecuteStatementException e, String parameter, String title) {
    if (e.getCause() instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
      return new AssetGroupTitleTakenException(parameter, title);
    }
    return e;
  }
}
