package com.acme.rma.dispatch.adapters.kafka;

import com.acme.rma.contract.EventTypes;
import com.acme.rma.contract.Topics;
import com.acme.rma.dispatch.application.ShipmentEventPublisher;
import com.acme.rma.dispatch.domain.ShipmentEvent;
import com.acme.rma.platform.outbox.Outbox;
import com.acme.rma.platform.outbox.OutgoingEvent;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Publishes shipment events on {@code dispatch.shipments} through the transactional outbox, keyed
 * by RMA number, so that one RMA's events stay in order in one partition.
 */
@ApplicationScoped
public class OutboxShipmentEvents implements ShipmentEventPublisher {

  private final Outbox outbox;

  public OutboxShipmentEvents(Outbox outbox) {
    this.outbox = outbox;
  }

  @Override
  public void publish(List<ShipmentEvent> events) {
    for (ShipmentEvent event : events) {
      outbox.add(
          new OutgoingEvent(Topics.SHIPMENTS, event.rmaNumber(), typeOf(event), payloadOf(event)));
    }
  }

  static String typeOf(ShipmentEvent event) {
    if (event instanceof ShipmentEvent.Created) {
      return EventTypes.SHIPMENT_CREATED;
    } else if (event instanceof ShipmentEvent.ExportHeld) {
      return EventTypes.SHIPMENT_EXPORT_HELD;
    } else if (event instanceof ShipmentEvent.ExportCleared) {
      return EventTypes.SHIPMENT_EXPORT_CLEARED;
    } else if (event instanceof ShipmentEvent.Shipped) {
      return EventTypes.SHIPMENT_SHIPPED;
    } else if (event instanceof ShipmentEvent.Delivered) {
      return EventTypes.SHIPMENT_DELIVERED;
    } else if (event instanceof ShipmentEvent.DeliveryFailed) {
      return EventTypes.SHIPMENT_DELIVERY_FAILED;
    } else if (event instanceof ShipmentEvent.Cancelled) {
      return EventTypes.SHIPMENT_CANCELLED;
    } else if (event instanceof ShipmentEvent.CancelRefused) {
      return EventTypes.SHIPMENT_CANCEL_REFUSED;
    }
    throw new IllegalArgumentException("no event type for " + event);
  }

  static ShipmentEventPayload payloadOf(ShipmentEvent event) {
    String carrier = null;
    String trackingNumber = null;
    if (event instanceof ShipmentEvent.Shipped e) {
      carrier = e.carrier();
      trackingNumber = e.trackingNumber();
    } else if (event instanceof ShipmentEvent.Delivered e) {
      carrier = e.carrier();
      trackingNumber = e.trackingNumber();
    } else if (event instanceof ShipmentEvent.DeliveryFailed e) {
      carrier = e.carrier();
      trackingNumber = e.trackingNumber();
    }
    if (event instanceof ShipmentEvent.CancelRefused e) {
      return new ShipmentEventPayload(
          e.rmaNumber(),
          e.serviceLevel(),
          e.status(),
          e.occurredAt(),
          null,
          null,
          null,
          null,
          null,
          e.reason());
    }
    if (event instanceof ShipmentEvent.Created e) {
      return new ShipmentEventPayload(
          e.rmaNumber(),
          e.serviceLevel(),
          e.status(),
          e.occurredAt(),
          null,
          null,
          e.origin(),
          e.shipTo(),
          e.exportCertificateRequired(),
          null);
    }
    return new ShipmentEventPayload(
        event.rmaNumber(),
        event.serviceLevel(),
        event.status(),
        event.occurredAt(),
        carrier,
        trackingNumber,
        null,
        null,
        null,
        null);
  }
}
