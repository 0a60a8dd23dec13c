package com.acme.rma.dispatch.domain;

import java.time.Instant;

/** What happened to a shipment, in the past tense: every state change yields one or more. */
public sealed interface ShipmentEvent {

  String rmaNumber();

  ServiceLevel serviceLevel();

  /** The shipment's status right after this event. */
  ShipmentStatus status();

  Instant occurredAt();

  /** The shipment exists; its status is CREATED, or EXPORT_HOLD when a certificate is needed. */
  record Created(
      String rmaNumber,
      ServiceLevel serviceLevel,
      ShipmentStatus status,
      Instant occurredAt,
      Origin origin,
      Address shipTo,
      boolean exportCertificateRequired)
      implements ShipmentEvent {}

  record ExportHeld(String rmaNumber, ServiceLevel serviceLevel, Instant occurredAt)
      implements ShipmentEvent {
    @Override
    public ShipmentStatus status() {
      return ShipmentStatus.EXPORT_HOLD;
    }
  }

  /** The export certificate cleared: the shipment is CREATED again, free to leave. */
  record ExportCleared(String rmaNumber, ServiceLevel serviceLevel, Instant occurredAt)
      implements ShipmentEvent {
    @Override
    public ShipmentStatus status() {
      return ShipmentStatus.CREATED;
    }
  }

  record Shipped(
      String rmaNumber,
      ServiceLevel serviceLevel,
      Instant occurredAt,
      String carrier,
      String trackingNumber)
      implements ShipmentEvent {
    @Override
    public ShipmentStatus status() {
      return ShipmentStatus.SHIPPED;
    }
  }

  record Delivered(
      String rmaNumber,
      ServiceLevel serviceLevel,
      Instant occurredAt,
      String carrier,
      String trackingNumber)
      implements ShipmentEvent {
    @Override
    public ShipmentStatus status() {
      return ShipmentStatus.DELIVERED;
    }
  }

  record DeliveryFailed(
      String rmaNumber,
      ServiceLevel serviceLevel,
      Instant occurredAt,
      String carrier,
      String trackingNumber)
      implements ShipmentEvent {
    @Override
    public ShipmentStatus status() {
      return ShipmentStatus.DELIVERY_FAILED;
    }
  }

  record Cancelled(String rmaNumber, ServiceLevel serviceLevel, Instant occurredAt)
      implements ShipmentEvent {
    @Override
    public ShipmentStatus status() {
      return ShipmentStatus.CANCELLED;
    }
  }

  /**
   * A cancellation of the RMA reached dispatch after the shipment had left: the shipment goes on,
   * in {@code status} (SHIPPED, DELIVERY_FAILED or DELIVERED). {@code occurredAt} is the time of
   * the refused cancellation, so that a replay yields the same event. Nothing changes in the
   * shipment; the event tells the other services that the cancel did not take.
   */
  record CancelRefused(
      String rmaNumber,
      ServiceLevel serviceLevel,
      ShipmentStatus status,
      Instant occurredAt,
      String reason)
      implements ShipmentEvent {

    /** The only reason so far: the shipment had left its origin. */
    public static final String ALREADY_SHIPPED = "ALREADY_SHIPPED";
  }
}
