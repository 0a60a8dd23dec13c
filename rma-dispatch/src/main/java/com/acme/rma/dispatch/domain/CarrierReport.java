package com.acme.rma.dispatch.domain;

import java.time.Instant;
import java.util.Objects;

/** Carrier progress as a logistics system reported it; carrier and tracking number optional. */
public record CarrierReport(
    CarrierEventType type, Instant occurredAt, String carrier, String trackingNumber) {

  public CarrierReport {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(occurredAt, "occurredAt");
  }

  public static CarrierReport of(CarrierEventType type, Instant occurredAt) {
    return new CarrierReport(type, occurredAt, null, null);
  }
}
