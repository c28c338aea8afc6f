package io.vigil.authrecord;

import io.vigil.VigilException;

/** Thrown when no record of the subscription and technology has the given id. */
public final class RecordNotFoundException extends VigilException {
  private final Technology technology;
  private final long recordId;

  public RecordNotFoundException(Technology technology, long recordId) {
    super("No " + technology.displayName() + " authentication record has id " + recordId);
    this.technology = technology;
    this.recordId = recordId;
  }

  public Technology technology() {
    return technology;
  }

  public long recordId() {
    return recordId;
  }
}
