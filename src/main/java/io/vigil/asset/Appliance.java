package io.vigil.asset;

/**
 * A scanner appliance that runs scans.
 *
 * @param type Physical, Virtual, Containerized or Offline, as Qualys names the kinds
 * @param softwareVersion the version of the scanner software
 */
public record Appliance(
    long id, String uuid, String name, String modelNumber, String type, String softwareVersion) {}
