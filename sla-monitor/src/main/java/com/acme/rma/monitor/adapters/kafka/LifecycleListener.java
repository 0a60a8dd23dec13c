package com.acme.rma.monitor.adapters.kafka;

import com.acme.rma.contract.EventTypes;
import com.acme.rma.monitor.application.ClockRepairStore;
import com.acme.rma.monitor.application.TrackSlaClocks;
import com.acme.rma.monitor.domain.SlaEvent;
import com.acme.rma.platform.consume.BatchEventConsumer;
import com.acme.rma.platform.inbox.InboundEvent;
import com.acme.rma.platform.inbox.Inbox;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * {@code rma.lifecycle}: clocks start on authorization and end on cancellation or close; a
 * reinstatement undoes the cancellation.
 */
@ApplicationScoped
public class LifecycleListener {

  private final BatchEventConsumer consumer;
  private final Inbox inbox;
  private final TrackSlaClocks clocks;
  private final ClockRepairStore repairs;

  public LifecycleListener(
      BatchEventConsumer consumer, Inbox inbox, TrackSlaClocks clocks, ClockRepairStore repairs) {
    this.consumer = consumer;
    this.inbox = inbox;
    this.clocks = clocks;
    this.repairs = repairs;
  }

  @Incoming("lifecycle")
  @Blocking
  public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
    return consumer.consume("lifecycle", batch, this::apply);
  }

  void apply(InboundEvent event) {
    switch (event.type()) {
      case EventTypes.RMA_AUTHORIZED -> {
        RmaEvents.Authorized data = inbox.read(event, RmaEvents.Authorized.class);
        if (inbox.firstDelivery(event)) {
          clocks.authorized(data.rmaNumber(), data.serviceLevel(), data.authorizedAt());
          if (data.partnerId() != null) {
            repairs.notePartner(data.rmaNumber(), data.partnerId()); // for the reports
          }
        }
      }
      case EventTypes.RMA_CANCELLED -> {
        RmaEvents.Ended data = inbox.read(event, RmaEvents.Ended.class);
        if (inbox.firstDelivery(event)) {
          clocks.happened(data.rmaNumber(), new SlaEvent.Cancelled(data.at()), false);
        }
      }
      case EventTypes.RMA_CLOSED -> {
        RmaEvents.Ended data = inbox.read(event, RmaEvents.Ended.class);
        if (inbox.firstDelivery(event)) {
          clocks.happened(data.rmaNumber(), new SlaEvent.Closed(data.at()), false);
        }
      }
      case EventTypes.RMA_REINSTATED -> {
        RmaEvents.Ended data = inbox.read(event, RmaEvents.Ended.class);
        if (inbox.firstDelivery(event)) {
          clocks.reinstated(data.rmaNumber());
        }
      }
      default -> {
        // other types on the topic are not the monitor's business
      }
    }
  }
}
