package io.vigil.asset;

import io.vigil.VigilException;

/** Thrown when another asset group of the subscription already has the title. */
public final class AssetGroupTitleTakenException extends VigilException {
  private final String parameter;
  private final String title;

  public AssetGroupTitleTakenException(String parameter, String title) {
    super("An asset group with this title exists: " + title);
    this.parameter = parameter;
    this.title = title;
  }

  /** Returns the API parameter that carried the title: title or set_title. */
  public String parameter() {
    return parameter;
  }

  public String title() {
    return title;
  }
}
