package com.acme.rma.dispatch.application;

import com.acme.rma.dispatch.domain.DispatchPolicy;
import com.acme.rma.dispatch.domain.Shipment;
import com.acme.rma.dispatch.domain.ShipmentOrder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Creates the one shipment of an authorized RMA. Idempotent by RMA number: an RMA that already has
 * a shipment (a replay, a duplicate with a new event id) keeps it exactly as it is.
 */
@ApplicationScoped
public class CreateShipment {

  private static final Logger LOG = Logger.getLogger(CreateShipment.class);

  /** The shipment the RMA has, and whether this call created it. */
  public record Result(Shipment shipment, boolean created) {}

  private final Shipments shipments;
  private final ShipmentEventPublisher publisher;
  private final DispatchPolicy policy;
  private final Clock clock;

  public CreateShipment(
      Shipments shipments, ShipmentEventPublisher publisher, DispatchPolicy policy, Clock clock) {
    this.shipments = shipments;
    this.publisher = publisher;
    this.policy = policy;
    this.clock = clock;
  }

  @Transactional
  public Result create(ShipmentOrder order) {
    Optional<Shipment> existing = shipments.findForUpdate(order.rmaNumber());
    if (existing.isPresent()) {
      LOG.infof(
          "RMA %s already has a shipment (%s); the authorization changes nothing",
          order.rmaNumber(), existing.get().status());
      return new Result(existing.get(), false);
    }
    Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    Shipment.Creation creation = Shipment.create(order, policy, now);
    shipments.add(creation.shipment());
    publisher.publish(creation.events());
    return new Result(creation.shipment(), true);
  }
}
