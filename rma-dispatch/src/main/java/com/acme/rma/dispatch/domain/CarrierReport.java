package com.acme.rma.dispatch.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * Carrier progress as a logistics system reported it; carrier and tracking number optional. {@code
 * receivedAt} is when dispatch received it (null until then).
 */
public record CarrierReport(
    CarrierEventType type,
    Instant occurredAt,
    String carrier,
    String trackingNumber,
    Instant receivedAt) {

  public CarrierReport {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(occurredAt, "occurredAt");
  }

  public CarrierReport(
      CarrierEventType type, Instant occurredAt, String carrier, String trackingNumber) {
    this(type, occurredAt, carrier, trackingNumber, null);
  }

  /** The same report, received at the given moment. */
  public CarrierReport receivedAt(Instant at) {
    return new CarrierReport(type, occurredAt, carrier, trackingNumber, at);
  }

  public static CarrierReport of(CarrierEventType type, Instant occurredAt) {
    return new CarrierReport(type, occurredAt, null, null);
  }
}
