package com.acme.rma.monitor.domain;

import java.time.Instant;

/** What happened to an RMA after its clock started, as the other services report it. */
public sealed interface SlaEvent {

  /** When it happened (the producer's time, not when the monitor heard of it). */
  Instant at();

  /** The replacement left (dispatch.shipment.shipped.v1): stops SHIPMENT clocks. */
  record Shipped(Instant at) implements SlaEvent {}

  /**
   * The replacement arrived (dispatch.shipment.delivered.v1): stops DELIVERY clocks, and a SHIPMENT
   * clock still running (a delivery implies the shipment).
   */
  record Delivered(Instant at) implements SlaEvent {}

  /** The shipment waits for an export certificate: the clock pauses. */
  record ExportHeld(Instant at) implements SlaEvent {}

  /** The certificate cleared: the clock restarts with its full target from this moment. */
  record ExportCleared(Instant at) implements SlaEvent {}

  /** The RMA was cancelled (rma.cancelled.v1): the clock stops without a verdict. */
  record Cancelled(Instant at) implements SlaEvent {}

  /**
   * The RMA was closed (rma.closed.v1, after delivery): a safety net that stops any clock still
   * running, as if delivered at that moment.
   */
  record Closed(Instant at) implements SlaEvent {}
}
