package com.acme.rma.intake.adapters.kafka;

import com.acme.rma.contract.EventTypes;
import com.acme.rma.intake.application.RecordShipmentProgress;
import com.acme.rma.platform.consume.BatchEventConsumer;
import com.acme.rma.platform.inbox.InboundEvent;
import com.acme.rma.platform.inbox.Inbox;
import com.acme.rma.platform.inbox.PoisonEventException;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Consumes {@code dispatch.shipments}: shipped and delivered move the RMA; the other shipment
 * events are not about the RMA's status and are skipped. Idempotent by CloudEvent id; an event that
 * cannot be read, or names an RMA this service never issued, goes to {@code rma-intake.dlq}.
 */
@ApplicationScoped
public class ShipmentEventsListener {

  private static final Logger LOG = Logger.getLogger(ShipmentEventsListener.class);

  /** The members of {@code dispatch.shipment.*} this service reads. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record ShipmentEvent(
      @NotBlank String rmaNumber,
      String serviceLevel,
      String status,
      @NotNull Instant occurredAt) {}

  private final BatchEventConsumer consumer;
  private final Inbox inbox;
  private final RecordShipmentProgress progress;

  public ShipmentEventsListener(
      BatchEventConsumer consumer, Inbox inbox, RecordShipmentProgress progress) {
    this.consumer = consumer;
    this.inbox = inbox;
    this.progress = progress;
  }

  @Incoming("shipments")
  @Blocking
  public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
    return consumer.consume("shipments", batch, this::apply);
  }

  void apply(InboundEvent event) {
    if (!EventTypes.SHIPMENT_SHIPPED.equals(event.type())
        && !EventTypes.SHIPMENT_DELIVERED.equals(event.type())) {
      return; // created, export hold/cleared, delivery failed: the RMA's status does not change
    }
    ShipmentEvent shipment = inbox.read(event, ShipmentEvent.class);
    if (!inbox.firstDelivery(event)) {
      return; // a duplicate: already applied
    }
    RecordShipmentProgress.Result result =
        EventTypes.SHIPMENT_SHIPPED.equals(event.type())
            ? progress.shipped(shipment.rmaNumber(), shipment.occurredAt())
            : progress.delivered(shipment.rmaNumber(), shipment.occurredAt());
    if (result == RecordShipmentProgress.Result.UNKNOWN_RMA) {
      throw new PoisonEventException(
          event.type() + " names " + shipment.rmaNumber() + ", an RMA rma-intake never issued");
    }
    if (result == RecordShipmentProgress.Result.UNCHANGED) {
      LOG.debugf("%s for %s changed nothing", event.type(), shipment.rmaNumber());
    }
  }
}
