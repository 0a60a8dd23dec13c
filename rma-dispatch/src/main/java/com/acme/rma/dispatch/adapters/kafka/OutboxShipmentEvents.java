package com.acme.rma.dispatch.adapters.kafka;

import com.acme.rma.dispatch.application.ShipmentEventPublisher;
import com.acme.rma.dispatch.domain.ShipmentEvent;
import com.acme.rma.platform.outbox.Outbox;
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
      outbox.add(Topics.SHIPMENTS, event.rmaNumber(), typeOf(event), payloadOf(event));
    }
  }

  static String typeOf(ShipmentEvent event) {
    String name;
    if (event instanceof ShipmentEvent.Created) {
      name = "created";
    } else if (event instanceof ShipmentEvent.ExportHeld) {
      name = "export-held";
    } else if (event instanceof ShipmentEvent.ExportCleared) {
      name = "export-cleared";
    } else if (event instanceof ShipmentEvent.Shipped) {
      name = "shipped";
    } else if (event instanceof ShipmentEvent.Delivered) {
      name = "delivered";
    } else if (event instanceof ShipmentEvent.DeliveryFailed) {
      name = "delivery-failed";
    } else if (event instanceof ShipmentEvent.Cancelled) {
      name = "cancelled";
    } else if (event instanceof ShipmentEvent.CancelRefused) {
      name = "cancel-refused";
    } else {
      throw new IllegalArgumentException("no event type for " + event);
    }
    return "dispatch.shipment." + name + ".v1";
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
