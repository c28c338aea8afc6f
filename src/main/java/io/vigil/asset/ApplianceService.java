package io.vigil.asset;

import java.util.List;
import org.jdbi.v3.core.Jdbi;

/** Lists the scanner appliances a subscription may use. */
public final class ApplianceService {
  private final Jdbi jdbi;
  private final String serverVersion;

  /**
   * @param serverVersion the version of Vigil, shown as the software version of the embedded
   *     scanner
   */
  public ApplianceService(Jdbi jdbi, String serverVersion) {
    this.jdbi = jdbi;
    this.serverVersion = serverVersion;
  }

  /** Returns the appliances of the subscription and those shared by all, by id. */
  public List<Appliance> list(long subscriptionId) {
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery(
                    "SELECT id, uuid, name, model_number, appliance_type, software_version"
                        + " FROM scanner_appliance"
                        + " WHERE subscription_id IS NULL OR subscription_id = :sub ORDER BY id")
                .bind("sub", subscriptionId)
                .map(
                    (rs, ctx) -> {
                      String version = rs.getString("software_version");
                      return new Appliance(
                          rs.getLong("id"),
                          rs.getString("uuid"),
                          rs.getString("name"),
                          rs.getString("model_number"),
                          rs.getString("appliance_type"),
                          version == null ? serverVersion : version);
                    })
                .list());
  }
}
