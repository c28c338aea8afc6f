package io.vigil.authrecord;

import io.vigil.authrecord.RecordInput.PrivateKeyInput;
import io.vigil.secret.SealedColumn;
import io.vigil.secret.SecretBox;
import io.vigil.vault.VaultService;
import io.vigil.vault.VaultUsage;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates, changes, lists and deletes authentication records, and finds the record that covers a
 * host. One host belongs to at most one record per technology: a write whose IPs overlap another
 * record of the same technology is rejected. Writes of one subscription run one at a time.
 */
public final class AuthRecordService implements VaultUsage {
  private static final Logger log = LoggerFactory.getLogger(AuthRecordService.class);

  public static final String PASSWORD = "password";

  private final Jdbi jdbi;
  private final AuthRecordStore store = new AuthRecordStore();
  private final SecretBox box;
  private final VaultService vaults;
  private final Clock clock;
  private final RecordMerger merger;

  public AuthRecordService(Jdbi jdbi, SecretBox box, VaultService vaults, Clock clock) {
    this.jdbi = jdbi;
    this.box = box;
    this.vaults = vaults;
    this.clock = clock;
    this.merger = new RecordMerger(vaults);
  }

  public long create(long subscriptionId, String login, Technology technology, RecordInput input) {
    long id =
        jdbi.inTransaction(
            handle -> {
              store.lockSubscription(handle, subscriptionId);
              RecordMerger.Next next = merger.forCreate(subscriptionId, technology, input);
              checkUnique(handle, subscriptionId, technology, 0, next);
              AuthRecordStore.Row row = row(subscriptionId, technology, login, next);
              long created = store.insert(handle, row);
              store.replaceIps(handle, created, row, next.ips());
              if (technology == Technology.UNIX) {
                store.replaceKeys(handle, created, sealKeys(next.privateKeys(), Map.of()));
              }
              return created;
            });
    log.info("Auth record created: id={} technology={} by={}", id, technology.pathName(), login);
    return id;
  }

  /**
   * Applies one change to every selected record, in one transaction: either all of them change or
   * none does.
   *
   * @return the ids of the changed records
   * @throws RecordNotFoundException when a single id of the selection matches no record, or the
   *     selection matches none
   */
  public List<Long> update(
      long subscriptionId, String login, Technology technology, IdSelection ids,
      RecordInput input) {
    List<Long> updated =
        jdbi.inTransaction(
            handle -> {
              store.lockSubscription(handle, subscriptionId);
              List<Long> selected = resolve(handle, subscriptionId, technology, ids);
              for (long id : selected) {
                AuthRecord current = store.find(handle, subscriptionId, technology, id)
                    .orElseThrow(() -> new RecordNotFoundException(technology, id));
                Map<String, String> secrets = secrets(handle, id);
                RecordMerger.Next next = merger.forUpdate(current, secrets, input);
                checkUnique(handle, subscriptionId, technology, id, next);
                AuthRecordStore.Row row = row(subscriptionId, technology, login, next);
                store.update(handle, id, row);
                store.replaceIps(handle, id, row, next.ips());
                if (technology == Technology.UNIX && input.privateKeys() != null) {
                  store.replaceKeys(handle, id,
                      sealKeys(next.privateKeys(), store.findSealedKeys(handle, id)));
                }
              }
              return selected;
            });
    log.info("Auth records updated: ids={} technology={} by={}", updated,
        technology.pathName(), login);
    return updated;
  }

  /** Deletes the selected records and returns their ids. */
  public List<Long> delete(
      long subscriptionId, String login, Technology technology, IdSelection ids) {
    List<Long> deleted =
        jdbi.inTransaction(
            handle -> {
              store.lockSubscription(handle, subscriptionId);
              List<Long> selected = resolve(handle, subscriptionId, technology, ids);
              store.delete(handle, subscriptionId, selected);
              return selected;
            });
    log.info("Auth records deleted: ids={} technology={} by={}", deleted,
        technology.pathName(), login);
    return deleted;
  }

  /**
   * Lists records by ascending id.
   *
   * @param ids selected ids and ranges, or null for all
   * @param idMin lowest id, or null
   * @param idMax highest id, or null
   * @param limit maximum number of records
   */
  public List<AuthRecord> list(
      long subscriptionId, Technology technology, IdSelection ids, Long idMin, Long idMax,
      int limit) {
    return jdbi.withHandle(
        handle -> store.list(handle, subscriptionId, technology,
            new AuthRecordStore.ListQuery(ids, idMin, idMax, limit)));
  }

  public Optional<AuthRecord> find(long subscriptionId, Technology technology, long id) {
    return jdbi.withHandle(handle -> store.find(handle, subscriptionId, technology, id));
  }

  /**
   * Returns the record whose IP list contains a host, for the scan engine. Records of one
   * technology never overlap, so at most one matches. Reads only.
   *
   * @param ip a dotted IPv4 address
   * @throws InvalidRecordValueException when {@code ip} is not an IPv4 address
   */
  public Optional<AuthRecord> recordFor(long subscriptionId, Technology technology, String ip) {
    long address = IpRange.parseAddress("ip", ip.trim());
    return jdbi.withHandle(handle -> store.findCovering(handle, subscriptionId, technology,
        address));
  }

  /** Returns the ids of the records that fetch their password from a vault. */
  @Override
  public List<Long> recordsUsing(long vaultId) {
    return jdbi.withHandle(handle -> store.recordsUsingVault(handle, vaultId));
  }

  /** Opens the secrets of a record, such as its password. Only the scan engine calls this. */
  public Map<String, String> secrets(AuthRecord record) {
    return jdbi.withHandle(handle -> secrets(handle, record.id()));
  }

  /** Opens the private keys of a Unix record, with their ids. Only the scan engine calls this. */
  public List<PrivateKeyInput> openPrivateKeys(AuthRecord record) {
    Map<Long, String> sealed = jdbi.withHandle(handle -> store.findSealedKeys(handle,
        record.id()));
    List<PrivateKeyInput> keys = new ArrayList<>();
    for (AuthRecord.PrivateKeyCertificate key : record.privateKeys()) {
      Map<String, String> material = openKey(sealed.get(key.id()));
      keys.add(new PrivateKeyInput(key.id(), key.keyType(), material.get("private_key"),
          material.get("passphrase"), key.certificateType(), null));
    }
    return keys;
  }

  private List<Long> resolve(
      Handle handle, long subscriptionId, Technology technology, IdSelection ids) {
    List<Long> found =
        store.list(handle, subscriptionId, technology,
                new AuthRecordStore.ListQuery(ids, null, null, Integer.MAX_VALUE))
            .stream().map(AuthRecord::id).toList();
    for (long id : ids.ids()) {
      if (!found.contains(id)) {
        throw new RecordNotFoundException(technology, id);
      }
    }
    if (found.isEmpty()) {
      throw new RecordNotFoundException(technology, ids.ranges().get(0)[0]);
    }
    return found;
  }

  private void checkUnique(
      Handle handle, long subscriptionId, Technology technology, long id,
      RecordMerger.Next next) {
    Optional<Long> sameTitle = store.findByTitle(handle, subscriptionId, technology, next.title());
    if (sameTitle.isPresent() && sameTitle.get() != id) {
      throw new InvalidRecordValueException(
          "title", next.title(),
          technology.displayName() + " record " + sameTitle.get() + " already has this title");
    }
    for (IpRange range : next.ips()) {
      Optional<AuthRecordStore.Overlap> overlap =
          store.findOverlap(handle, subscriptionId, technology, id, range);
      if (overlap.isPresent()) {
        throw new RecordOverlapException(technology, range, overlap.get().recordId(),
            overlap.get().theirs());
      }
    }
  }

  private AuthRecordStore.Row row(
      long subscriptionId, Technology technology, String login, RecordMerger.Next next) {
    return new AuthRecordStore.Row(
        subscriptionId,
        technology,
        next.title(),
        next.username(),
        next.loginType(),
        next.vaultId(),
        next.settings(),
        new TreeSet<>(next.secrets().keySet()),
        next.secrets().isEmpty()
            ? null
            : box.seal(JsonMaps.toJson(next.secrets()), SealedColumn.AUTH_RECORD_SECRETS.purpose()),
        next.comments(),
        clock.instant(),
        login);
  }

  /** Seals the keys to store; an entry without key material takes the stored key of its id. */
  private List<AuthRecordStore.KeyRow> sealKeys(
      List<PrivateKeyInput> keys, Map<Long, String> storedSealed) {
    List<AuthRecordStore.KeyRow> rows = new ArrayList<>();
    for (PrivateKeyInput key : keys) {
      Map<String, String> material = new LinkedHashMap<>();
      if (key.id() != null) {
        material.putAll(openKey(storedSealed.get(key.id())));
      }
      if (key.privateKey() != null) {
        material.put("private_key", key.privateKey());
        material.remove("passphrase");
      }
      if (key.passphrase() != null) {
        material.put("passphrase", key.passphrase());
      }
      String sealed =
          box.seal(JsonMaps.toJson(material), SealedColumn.AUTH_PRIVATE_KEYS.purpose());
      rows.add(new AuthRecordStore.KeyRow(key.id(), key.keyType(), sealed,
          material.containsKey("passphrase"), key.certificateType(), key.certificate()));
    }
    return rows;
  }

  private Map<String, String> secrets(Handle handle, long recordId) {
    return store
        .findSealedSecrets(handle, recordId)
        .map(sealed -> JsonMaps.fromJson(
            box.open(sealed, SealedColumn.AUTH_RECORD_SECRETS.purpose())))
        .orElse(Map.of());
  }

  private Map<String, String> openKey(String sealed) {
    if (sealed == null) {
      return Map.of();
    }
    return JsonMaps.fromJson(box.open(sealed, SealedColumn.AUTH_PRIVATE_KEYS.purpose()));
  }
}
