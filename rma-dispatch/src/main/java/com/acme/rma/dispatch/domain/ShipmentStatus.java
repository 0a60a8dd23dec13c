package com.acme.rma.dispatch.domain;

/** Where a replacement shipment stands. */
public enum ShipmentStatus {
  /** Ready to leave its origin. */
  CREATED,
  /** Waiting for an export certificate before it may leave. */
  EXPORT_HOLD,
  /** Handed to the carrier (again, after a failed delivery). */
  SHIPPED,
  /** Delivered to the ship-to address: final. */
  DELIVERED,
  /** The carrier could not deliver; a re-delivery ships it again. */
  DELIVERY_FAILED,
  /** The RMA was cancelled before the shipment left: final. */
  CANCELLED
}
