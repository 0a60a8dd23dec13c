package com.acme.rma.dispatch.application;

import com.acme.rma.dispatch.domain.Shipment;
import com.acme.rma.dispatch.domain.ShipmentStatus;

/** What became of a carrier report; adapters answer each case their own way. */
public sealed interface CarrierEventOutcome {

  /** The shipment changed and its events are on their way. */
  record Applied(Shipment shipment) implements CarrierEventOutcome {}

  /** Accepted without effect: a repeat or a late report. */
  record Repeated(Shipment shipment, String reason) implements CarrierEventOutcome {}

  /** Impossible from the shipment's current status; nothing changed. */
  record Refused(Shipment shipment, String eventType, String reason)
      implements CarrierEventOutcome {
    public ShipmentStatus current() {
      return shipment.status();
    }

    public String describe() {
      return "shipment "
          + shipment.rmaNumber()
          + " is "
          + shipment.status()
          + ": a "
          + eventType
          + " report cannot apply ("
          + reason
          + ")";
    }
  }

  record UnknownShipment(String rmaNumber) implements CarrierEventOutcome {}

  /** The report's time cannot be true: in the future, or before the RMA was authorized. */
  record Implausible(String code, String detail) implements CarrierEventOutcome {}

  /** The report itself is unusable (beyond what the adapters' validation catches). */
  record Invalid(String field, String message) implements CarrierEventOutcome {}
}
