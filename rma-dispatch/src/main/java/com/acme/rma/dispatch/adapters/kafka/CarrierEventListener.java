package com.acme.rma.dispatch.adapters.kafka;

import com.acme.rma.contract.EventTypes;
import com.acme.rma.dispatch.application.CarrierEventOutcome;
import com.acme.rma.dispatch.application.RecordCarrierEvent;
import com.acme.rma.platform.consume.BatchEventConsumer;
import com.acme.rma.platform.inbox.InboundEvent;
import com.acme.rma.platform.inbox.Inbox;
import com.acme.rma.platform.inbox.PoisonEventException;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads carrier progress from {@code logistics.carrier-events}, untrusted like the REST body: an
 * unreadable or invalid record, an unknown RMA or an impossible transition goes to {@code
 * rma-dispatch.dlq} with the reason, and the consumer goes on with the next record. A repeated
 * report (same or new event id) is accepted and changes nothing.
 */
@ApplicationScoped
public class CarrierEventListener {

  private final BatchEventConsumer consumer;
  private final Inbox inbox;
  private final RecordCarrierEvent recordCarrierEvent;

  public CarrierEventListener(
      BatchEventConsumer consumer, Inbox inbox, RecordCarrierEvent recordCarrierEvent) {
    this.consumer = consumer;
    this.inbox = inbox;
    this.recordCarrierEvent = recordCarrierEvent;
  }

  @Incoming("carrier-events")
  @Blocking
  public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
    return consumer.consume("carrier-events", batch, this::apply);
  }

  void apply(InboundEvent event) {
    if (!EventTypes.CARRIER_STATUS.equals(event.type())) {
      throw new PoisonEventException(
          "unknown event type " + event.type() + " (expected " + EventTypes.CARRIER_STATUS + ")");
    }
    CarrierStatus status = inbox.read(event, CarrierStatus.class);
    RecordKeys.require(event, status.rmaNumber());
    if (!inbox.firstDelivery(event)) {
      return;
    }
    CarrierEventOutcome outcome = recordCarrierEvent.record(status.rmaNumber(), status.toReport());
    if (outcome instanceof CarrierEventOutcome.UnknownShipment unknown) {
      throw new PoisonEventException("no shipment for RMA " + unknown.rmaNumber());
    }
    if (outcome instanceof CarrierEventOutcome.Refused refused) {
      throw new PoisonEventException("INVALID_TRANSITION: " + refused.describe());
    }
    if (outcome instanceof CarrierEventOutcome.Implausible implausible) {
      throw new PoisonEventException(implausible.code() + ": " + implausible.detail());
    }
    if (outcome instanceof CarrierEventOutcome.Invalid invalid) {
      throw new PoisonEventException(
          "data of " + event.type() + " is invalid: " + invalid.field() + " " + invalid.message());
    }
  }
}
