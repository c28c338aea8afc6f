package io.vigil.asset;

import io.vigil.net.IpRange;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Adds, updates and lists the IPs of a subscription, and manages its excluded IPs. */
public final class AssetService {
  private static final Logger log = LoggerFactory.getLogger(AssetService.class);

  private final Jdbi jdbi;
  private final Clock clock;

  public AssetService(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  /**
   * Adds IPs to the subscription. IPs it already contains are updated with the change, so adding an
   * IP to a second module keeps it in the first one.
   */
  public void addIps(long subscriptionId, List<IpRange> ranges, HostChange change, String login) {
    jdbi.useTransaction(
        handle -> {
          AssetStore.lockSubscription(handle, subscriptionId);
          RangeMap<HostAttributes> hosts = AssetStore.loadHosts(handle, subscriptionId);
          RangeMap<HostAttributes> changed =
              hosts.update(ranges, change::applyTo, change.newHost());
          AssetStore.replaceHosts(handle, subscriptionId, changed);
        });
    log.info(
        "IPs added: subscription={} ips={} by={}",
        subscriptionId,
        IpSets.format(IpRange.merge(ranges)),
        login);
  }

  /**
   * Changes the attributes of IPs the subscription contains.
   *
   * @param onlyTrackedBy changes only the IPs tracked by this method, or all when null
   * @throws IpsNotInSubscriptionException naming the IPs it lacks, and then changes nothing
   */
  public void updateIps(
      long subscriptionId,
      List<IpRange> ranges,
      TrackingMethod onlyTrackedBy,
      HostChange change,
      String login) {
    jdbi.useTransaction(
        handle -> {
          AssetStore.lockSubscription(handle, subscriptionId);
          RangeMap<HostAttributes> hosts = AssetStore.loadHosts(handle, subscriptionId);
          List<IpRange> missing = IpSets.subtract(ranges, hosts.ranges());
          if (!missing.isEmpty()) {
            throw new IpsNotInSubscriptionException("ips", missing);
          }
          List<IpRange> targets = ranges;
          if (onlyTrackedBy != null) {
            targets =
                hosts
                    .restrictTo(ranges)
                    .filter(host -> host.trackingMethod() == onlyTrackedBy)
                    .ranges();
          }
          AssetStore.replaceHosts(
              handle, subscriptionId, hosts.update(targets, change::applyTo, null));
        });
    log.info(
        "IPs updated: subscription={} ips={} by={}",
        subscriptionId,
        IpSets.format(IpRange.merge(ranges)),
        login);
  }

  /** Returns every IP of the subscription with its attributes. */
  public RangeMap<HostAttributes> hosts(long subscriptionId) {
    return jdbi.withHandle(handle -> AssetStore.loadHosts(handle, subscriptionId));
  }

  /**
   * Excludes IPs from every scan, replacing the comment and expiry of IPs already excluded.
   *
   * @param expiryDays days until the exclusion stops applying, or null for never
   */
  public void exclude(
      long subscriptionId, List<IpRange> ranges, Integer expiryDays, String comment,
      String login) {
    Instant now = clock.instant();
    Instant expiresAt = expiryDays == null ? null : now.plus(Duration.ofDays(expiryDays));
    Exclusion exclusion = new Exclusion(expiresAt, comment);
    jdbi.useTransaction(
        handle -> {
          AssetStore.lockSubscription(handle, subscriptionId);
          RangeMap<Exclusion> current = AssetStore.loadExclusions(handle, subscriptionId);
          RangeMap<Exclusion> changed =
              current.filter(kept -> kept.appliesAt(now)).update(ranges, old -> exclusion,
                  exclusion);
          AssetStore.replaceExclusions(handle, subscriptionId, changed);
        });
    log.info(
        "IPs excluded: subscription={} ips={} expiresAt={} by={}",
        subscriptionId,
        IpSets.format(IpRange.merge(ranges)),
        expiresAt,
        login);
  }

  /**
   * Ends the exclusion of IPs.
   *
   * @param ranges the IPs to remove from the list, or null for all of them
   * @return the IPs that were excluded and no longer are, merged
   */
  public List<IpRange> unexclude(
      long subscriptionId, List<IpRange> ranges, String comment, String login) {
    Instant now = clock.instant();
    List<IpRange> removed =
        jdbi.inTransaction(
            handle -> {
              AssetStore.lockSubscription(handle, subscriptionId);
              RangeMap<Exclusion> current =
                  AssetStore.loadExclusions(handle, subscriptionId)
                      .filter(kept -> kept.appliesAt(now));
              RangeMap<Exclusion> changed =
                  ranges == null ? RangeMap.empty() : current.remove(ranges);
              AssetStore.replaceExclusions(handle, subscriptionId, changed);
              return IpSets.subtract(current.ranges(), changed.ranges());
            });
    log.info(
        "IPs no longer excluded: subscription={} ips={} comment={} by={}",
        subscriptionId,
        IpSets.format(removed),
        comment,
        login);
    return removed;
  }

  /** Returns the exclusions that apply at the clock's current time. */
  public RangeMap<Exclusion> exclusions(long subscriptionId) {
    return exclusionsAt(subscriptionId, clock.instant());
  }

  /** Returns the exclusions that apply at {@code now}. */
  RangeMap<Exclusion> exclusionsAt(long subscriptionId, Instant now) {
    return jdbi.withHandle(
        handle ->
            AssetStore.loadExclusions(handle, subscriptionId).filter(kept -> kept.appliesAt(now)));
  }
}
