package io.vigil.asset;

import java.time.Clock;
import org.jdbi.v3.core.Jdbi;

/**
 * The services of the asset package, built once by the composition root.
 *
 * @param scope what the scan service reads about the assets
 */
public record AssetServices(
    AssetService ips, AssetGroupService groups, ApplianceService appliances, AssetScope scope) {

  /** Builds the services over one database. */
  public static AssetServices create(
      Jdbi jdbi, Clock clock, String serverVersion) {
    AssetService ips = new AssetService(jdbi, clock);
    AssetGroupService groups = new AssetGroupService(jdbi, clock);
    return new AssetServices(
        ips, groups, new ApplianceService(jdbi, serverVersion), new StoredAssetScope(ips, groups));
  }
}
