package com.acme.rma.dispatch.adapters.kafka;

import com.acme.rma.contract.EventTypes;
import com.acme.rma.dispatch.application.CancelShipment;
import com.acme.rma.dispatch.application.CreateShipment;
import com.acme.rma.platform.consume.BatchEventConsumer;
import com.acme.rma.platform.inbox.InboundEvent;
import com.acme.rma.platform.inbox.Inbox;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Reads {@code rma.lifecycle}: an authorized RMA gets its shipment, a cancelled one loses it if it
 * has not left yet; {@code rma.closed.v1} and unknown types are not dispatch's business. What
 * cannot be read goes to {@code rma-dispatch.dlq} with the reason.
 */
@ApplicationScoped
public class RmaLifecycleListener {

  private static final Logger LOG = Logger.getLogger(RmaLifecycleListener.class);

  private final BatchEventConsumer consumer;
  private final Inbox inbox;
  private final CreateShipment createShipment;
  private final CancelShipment cancelShipment;

  public RmaLifecycleListener(
      BatchEventConsumer consumer,
      Inbox inbox,
      CreateShipment createShipment,
      CancelShipment cancelShipment) {
    this.consumer = consumer;
    this.inbox = inbox;
    this.createShipment = createShipment;
    this.cancelShipment = cancelShipment;
  }

  @Incoming("lifecycle")
  @Blocking
  public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
    return consumer.consume("lifecycle", batch, this::apply);
  }

  void apply(InboundEvent event) {
    switch (event.type()) {
      case EventTypes.RMA_AUTHORIZED -> {
        RmaAuthorized authorized = inbox.read(event, RmaAuthorized.class);
        RecordKeys.require(event, authorized.rmaNumber());
        if (inbox.firstDelivery(event)) {
          createShipment.create(authorized.toOrder());
        }
      }
      case EventTypes.RMA_CANCELLED -> {
        RmaCancelled cancelled = inbox.read(event, RmaCancelled.class);
        RecordKeys.require(event, cancelled.rmaNumber());
        if (inbox.firstDelivery(event)) {
          cancelShipment.cancel(cancelled.rmaNumber(), cancelled.at());
        }
      }
      default -> LOG.debugf("ignoring %s %s on rma.lifecycle", event.type(), event.id());
    }
  }
}
