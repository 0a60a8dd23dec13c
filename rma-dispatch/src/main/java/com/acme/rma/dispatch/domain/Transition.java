package com.acme.rma.dispatch.domain;

import java.util.List;

/** The outcome of asking a shipment to change: failures are results too, never exceptions. */
public sealed interface Transition {

  /** The shipment moved on; the events announce every status it went through, in order. */
  record Changed(Shipment shipment, List<ShipmentEvent> events) implements Transition {
    public Changed {
      events = List.copyOf(events);
    }
  }

  /**
   * Accepted without effect: a repeat of what is already recorded, or a late report of something
   * the shipment has already gone past.
   */
  record Unchanged(Shipment shipment, String reason) implements Transition {}

  /**
   * Impossible from the current status; nothing changes. {@code events} announce the refusal when
   * others must hear of it (a cancellation that came too late); most refusals announce nothing.
   */
  record Refused(Shipment shipment, String attempted, String reason, List<ShipmentEvent> events)
      implements Transition {

    public Refused {
      events = List.copyOf(events);
    }

    public Refused(Shipment shipment, String attempted, String reason) {
      this(shipment, attempted, reason, List.of());
    }

    public ShipmentStatus current() {
      return shipment.status();
    }
  }
}
