package io.vigil.authrecord;

import io.vigil.VigilException;

/**
 * Thrown when the IPs of a record would overlap those of another record of the same technology,
 * because a scan uses at most one set of credentials per host and technology.
 */
public final class RecordOverlapException extends VigilException {
  private final IpRange range;
  private final long otherRecordId;

  public RecordOverlapException(
      Technology technology, IpRange range, long otherRecordId, IpRange theirs) {
    super(
        range + " overlaps " + theirs + " of " + technology.displayName() + " record "
            + otherRecordId + "; a host can belong to one " + technology.displayName()
            + " record only. Remove the addresses from one of the records first.");
    this.range = range;
    this.otherRecordId = otherRecordId;
  }

  /** Returns the range of the rejected write that overlaps. */
  public IpRange range() {
    return range;
  }

  public long otherRecordId() {
    return otherRecordId;
  }
}
