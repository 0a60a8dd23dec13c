package com.acme.rma.dispatch.application;

import com.acme.rma.dispatch.domain.Shipment;
import com.acme.rma.dispatch.domain.Transition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Cancels the shipment of a cancelled RMA if it has not left yet. Dispatch decides whether the
 * parcel left: a cancellation that comes too late (SHIPPED, DELIVERY_FAILED, DELIVERED) changes
 * nothing in the shipment and is answered with {@code dispatch.shipment.cancel-refused.v1}, through
 * the outbox in this transaction; intake reinstates the RMA on the shipment events. A cancellation
 * for an RMA that never got a shipment (cancelled while queued) is logged and changes nothing.
 */
@ApplicationScoped
public class CancelShipment {

  private static final Logger LOG = Logger.getLogger(CancelShipment.class);

  public enum Outcome {
    CANCELLED,
    ALREADY_CANCELLED,
    ALREADY_SHIPPED,
    NO_SHIPMENT
  }

  private final Shipments shipments;
  private final ShipmentEventPublisher publisher;

  public CancelShipment(Shipments shipments, ShipmentEventPublisher publisher) {
    this.shipments = shipments;
    this.publisher = publisher;
  }

  @Transactional
  public Outcome cancel(String rmaNumber, Instant at) {
    Optional<Shipment> found = shipments.findForUpdate(rmaNumber);
    if (found.isEmpty()) {
      LOG.infof("RMA %s was cancelled before it had a shipment: nothing to cancel", rmaNumber);
      return Outcome.NO_SHIPMENT;
    }
    Transition transition = found.get().cancel(at.truncatedTo(ChronoUnit.MICROS));
    if (transition instanceof Transition.Changed changed) {
      shipments.update(changed.shipment());
      publisher.publish(changed.events());
      return Outcome.CANCELLED;
    }
    if (transition instanceof Transition.Unchanged) {
      return Outcome.ALREADY_CANCELLED;
    }
    Transition.Refused refused = (Transition.Refused) transition;
    publisher.publish(refused.events());
    LOG.warnf(
        "RMA %s was cancelled after its shipment left (%s): the shipment goes on, cancel refused",
        rmaNumber, refused.current());
    return Outcome.ALREADY_SHIPPED;
  }
}
