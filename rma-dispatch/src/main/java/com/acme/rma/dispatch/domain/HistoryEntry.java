package com.acme.rma.dispatch.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One status the shipment took, at the time it took it: the creation time for the first entry, the
 * reported {@code occurredAt} for carrier progress, the cancellation time for a cancellation. For
 * carrier progress {@code receivedAt} is when dispatch received the report (null otherwise, and for
 * reports recorded before it was kept).
 */
public record HistoryEntry(ShipmentStatus status, Instant at, Instant receivedAt) {

  public HistoryEntry {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(at, "at");
  }

  /** An entry dispatch made itself (creation, cancellation): no report was received. */
  public HistoryEntry(ShipmentStatus status, Instant at) {
    this(status, at, null);
  }
}
