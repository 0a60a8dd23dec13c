package com.acme.rma.dispatch.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One status the shipment took, at the time it took it: the creation time for the first entry, the
 * reported {@code occurredAt} for carrier progress, the cancellation time for a cancellation.
 */
public record HistoryEntry(ShipmentStatus status, Instant at) {

  public HistoryEntry {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(at, "at");
  }
}
