package io.vigil.asset;

import io.vigil.net.IpRange;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates, changes, lists and deletes asset groups. Their IPs must be in the subscription. */
public final class AssetGroupService {
  private static final Logger log = LoggerFactory.getLogger(AssetGroupService.class);

  private final Jdbi jdbi;
  private final AssetGroupStore store;
  private final Clock clock;

  public AssetGroupService(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.store = new AssetGroupStore(jdbi);
    this.clock = clock;
  }

  /**
   * Changes to a group; null fields keep their value.
   *
   * @param addIps IPs to add, or null
   * @param removeIps IPs to remove, or null
   * @param setIps IPs that replace the current ones, or null
   */
  public record GroupEdit(
      String title,
      String comments,
      List<IpRange> addIps,
      List<IpRange> removeIps,
      List<IpRange> setIps) {}

  /**
   * Creates a group.
   *
   * @throws AssetGroupTitleTakenException when another group has the title
   * @throws IpsNotInSubscriptionException when an IP is not in the subscription
   */
  public long add(
      long subscriptionId, String title, String comments, List<IpRange> ranges, String login) {
    long id =
        jdbi.inTransaction(
            handle -> {
              AssetStore.lockSubscription(handle, subscriptionId);
              requireInSubscription(handle, subscriptionId, "ips", ranges);
              long created =
                  store.insert(handle, subscriptionId, title, comments, clock.instant(), login);
              store.replaceRanges(handle, created, ranges);
              return created;
            });
    log.info("Asset group added: id={} subscription={} by={}", id, subscriptionId, login);
    return id;
  }

  /**
   * Changes a group.
   *
   * @throws AssetGroupNotFoundException when no group of the subscription has the id
   */
  public void edit(long subscriptionId, long id, GroupEdit edit, String login) {
    jdbi.useTransaction(
        handle -> {
          AssetStore.lockSubscription(handle, subscriptionId);
          AssetGroup current = findIn(handle, subscriptionId, id);
          List<IpRange> ranges = current.ranges();
          if (edit.setIps() != null) {
            requireInSubscription(handle, subscriptionId, "set_ips", edit.setIps());
            ranges = IpRange.merge(edit.setIps());
          }
          if (edit.addIps() != null) {
            requireInSubscription(handle, subscriptionId, "add_ips", edit.addIps());
            List<IpRange> union = new ArrayList<>(ranges);
            union.addAll(edit.addIps());
            ranges = IpRange.merge(union);
          }
          if (edit.removeIps() != null) {
            ranges = IpSets.subtract(ranges, edit.removeIps());
          }
          AssetGroup changed =
              new AssetGroup(
                  id,
                  subscriptionId,
                  edit.title() == null ? current.title() : edit.title(),
                  edit.comments() == null ? current.comments() : edit.comments(),
                  ranges,
                  clock.instant(),
                  login);
          store.update(handle, changed);
          store.replaceRanges(handle, id, ranges);
        });
    log.info("Asset group updated: id={} subscription={} by={}", id, subscriptionId, login);
  }

  /**
   * Deletes a group; the IPs stay in the subscription.
   *
   * @throws AssetGroupNotFoundException when no group of the subscription has the id
   */
  public void delete(long subscriptionId, long id, String login) {
    if (!store.delete(subscriptionId, id)) {
      throw new AssetGroupNotFoundException("id", Long.toString(id));
    }
    log.info("Asset group deleted: id={} subscription={} by={}", id, subscriptionId, login);
  }

  /** Returns every group of the subscription, by id. */
  public List<AssetGroup> list(long subscriptionId) {
    return store.list(subscriptionId);
  }

  public Optional<AssetGroup> find(long subscriptionId, long id) {
    return store.find(subscriptionId, id);
  }

  public Optional<AssetGroup> findByTitle(long subscriptionId, String title) {
    return list(subscriptionId).stream().filter(group -> group.title().equals(title)).findFirst();
  }

  private AssetGroup findIn(Handle handle, long subscriptionId, long id) {
    return store.list(handle, subscriptionId).stream()
        .filter(group -> group.id() == id)
        .findFirst()
        .orElseThrow(() -> new AssetGroupNotFoundException("id", Long.toString(id)));
  }

  private static void requireInSubscription(
      Handle handle, long subscriptionId, String parameter, List<IpRange> ranges) {
    List<IpRange> subscriptionIps = AssetStore.loadHosts(handle, subscriptionId).ranges();
    List<IpRange> missing = IpSets.subtract(ranges, subscriptionIps);
    if (!missing.isEmpty()) {
      throw new IpsNotInSubscriptionException(parameter, missing);
    }
  }
}
