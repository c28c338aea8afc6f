package io.vigil.asset;

import io.vigil.VigilException;

/** Thrown when an asset group id or title matches no group of the subscription. */
public final class AssetGroupNotFoundException extends VigilException {
  private final String parameter;
  private final String value;

  public AssetGroupNotFoundException(String parameter, String value) {
    super("No asset group matches " + parameter + "=" + value);
    this.parameter = parameter;
    this.value = value;
  }

  /** The API parameter that named the group: asset_group_ids or asset_groups. */
  public String parameter() {
    return parameter;
  }

  public String value() {
    return value;
  }
}
