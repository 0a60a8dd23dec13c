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

  public HistoryRow() {}

  HistoryRow(ShipmentStatus status, Instant at) {
    this.status = status;
    this.at = at;
  }
}
