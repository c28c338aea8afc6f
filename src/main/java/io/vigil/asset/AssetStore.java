package io.vigil.asset;

import io.vigil.net.IpRange;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Storage of the IPs and excluded IPs of each subscription. A change reads the whole map of the
 * subscription, computes the new one in memory and writes it back, all inside one transaction
 * that keeps the subscription row locked, so concurrent changes cannot interleave.
 */
final class AssetStore {

  private AssetStore() {}

  /** Locks the subscription row until the transaction of {@code handle} ends. */
  static void lockSubscription(Handle handle, long subscriptionId) {
    handle
        .createQuery("SELECT id FROM subscription WHERE id = :id FOR UPDATE")
        .bind("id", subscriptionId)
        .mapTo(Long.class)
        .findOne()
        .orElseThrow(() -> new IllegalStateException("No subscription " + subscriptionId));
  }

  static RangeMap<HostAttributes> loadHosts(Handle handle, long subscriptionId) {
    List<Segment<HostAttributes>> segments =
        handle
            .createQuery(
                "SELECT first_ip, last_ip, vm_enabled, pc_enabled, tracking_method, owner, ud1,"
                    + " ud2, ud3, comment FROM asset_ip_range WHERE subscription_id = :sub"
                    + " ORDER BY first_ip")
            .bind("sub", subscriptionId)
            .map(AssetStore::mapHost)
            .list();
    return RangeMap.of(segments);
  }

  static void replaceHosts(Handle handle, long subscriptionId, RangeMap<HostAttributes> hosts) {
    handle
        .createUpdate("DELETE FROM asset_ip_range WHERE subscription_id = :sub")
        .bind("sub", subscriptionId)
        .execute();
    if (hosts.isEmpty()) {
      return;
    }
    PreparedBatch batch =
        handle.prepareBatch(
            "INSERT INTO asset_ip_range (subscription_id, first_ip, last_ip, vm_enabled,"
                + " pc_enabled, tracking_method, owner, ud1, ud2, ud3, comment) VALUES (:sub,"
                + " :first, :last, :vm, :pc, :tracking, :owner, :ud1, :ud2, :ud3, :comment)");
    for (Segment<HostAttributes> segment : hosts.segments()) {
      HostAttributes host = segment.value();
      batch
          .bind("sub", subscriptionId)
          .bind("first", segment.range().first())
          .bind("last", segment.range().last())
          .bind("vm", host.vmEnabled())
          .bind("pc", host.pcEnabled())
          .bind("tracking", host.trackingMethod().name())
          .bind("owner", host.owner())
          .bind("ud1", host.ud1())
          .bind("ud2", host.ud2())
          .bind("ud3", host.ud3())
          .bind("comment", host.comment())
          .add();
    }
    batch.execute();
  }

  static RangeMap<Exclusion> loadExclusions(Handle handle, long subscriptionId) {
    List<Segment<Exclusion>> segments =
        handle
            .createQuery(
                "SELECT first_ip, last_ip, expires_at, comment FROM excluded_ip_range"
                    + " WHERE subscription_id = :sub ORDER BY first_ip")
            .bind("sub", subscriptionId)
            .map(AssetStore::mapExclusion)
            .list();
    return RangeMap.of(segments);
  }

  static void replaceExclusions(Handle handle, long subscriptionId, RangeMap<Exclusion> map) {
    handle
        .createUpdate("DELETE FROM excluded_ip_range WHERE subscription_id = :sub")
        .bind("sub", subscriptionId)
        .execute();
    if (map.isEmpty()) {
      return;
    }
    PreparedBatch batch =
        handle.prepareBatch(
            "INSERT INTO excluded_ip_range (subscription_id, first_ip, last_ip, expires_at,"
                + " comment) VALUES (:sub, :first, :last, :expires, :comment)");
    for (Segment<Exclusion> segment : map.segments()) {
      batch
          .bind("sub", subscriptionId)
          .bind("first", segment.range().first())
          .bind("last", segment.range().last())
          .bindByType("expires", segment.value().expiresAt(), Instant.class)
          .bind("comment", segment.value().comment())
          .add();
    }
    batch.execute();
  }

  private static Segment<HostAttributes> mapHost(ResultSet rs, StatementContext ctx)
      throws SQLException {
    HostAttributes host =
        new HostAttributes(
            rs.getBoolean("vm_enabled"),
            rs.getBoolean("pc_enabled"),
            TrackingMethod.valueOf(rs.getString("tracking_method")),
            rs.getString("owner"),
            rs.getString("ud1"),
            rs.getString("ud2"),
            rs.getString("ud3"),
            rs.getString("comment"));
    return new Segment<>(new IpRange(rs.getLong("first_ip"), rs.getLong("last_ip")), host);
  }

  private static Segment<Exclusion> mapExclusion(ResultSet rs, StatementContext ctx)
      throws SQLException {
    OffsetDateTime expires = rs.getObject("expires_at", OffsetDateTime.class);
    Instant expiresAt = expires == null ? null : expires.toInstant();
    return new Segment<>(
        new IpRange(rs.getLong("first_ip"), rs.getLong("last_ip")),
        new Exclusion(expiresAt, rs.getString("comment")));
  }
}
