package com.acme.rma.dispatch.adapters.db;

import com.acme.rma.dispatch.domain.ShipmentStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Instant;

/** One row of a shipment's history. */
@Embeddable
public class HistoryRow {

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public ShipmentStatus status;

  @Column(nullable = false)
  public Instant at;

  /** When a carrier's report of this status was received (null for dispatch's own entries). */
  @Column(name = "received_at")
  public Instant receivedAt;

  public HistoryRow() {}

  HistoryRow(ShipmentStatus status, Instant at, Instant receivedAt) {
    this.status = status;
    this.at = at;
    this.receivedAt = receivedAt;
  }
}
