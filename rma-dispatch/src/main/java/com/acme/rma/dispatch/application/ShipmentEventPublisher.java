package com.acme.rma.dispatch.application;

import com.acme.rma.dispatch.domain.ShipmentEvent;
import java.util.List;

/**
 * Port: announces shipment events, in order, as part of the current transaction (they leave only if
 * it commits).
 */
public interface ShipmentEventPublisher {

  void publish(List<ShipmentEvent> events);
}
