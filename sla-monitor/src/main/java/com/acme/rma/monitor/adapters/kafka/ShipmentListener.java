package com.acme.rma.monitor.adapters.kafka;

import com.acme.rma.contract.EventTypes;
import com.acme.rma.monitor.application.TrackSlaClocks;
import com.acme.rma.monitor.domain.SlaEvent;
import com.acme.rma.platform.consume.BatchEventConsumer;
import com.acme.rma.platform.inbox.InboundEvent;
import com.acme.rma.platform.inbox.Inbox;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * {@code dispatch.shipments}: shipped and delivered stop clocks (per target), an export hold pauses
 * one and its clearance restarts it. Created and delivery-failed change no clock.
 */
@ApplicationScoped
public class ShipmentListener {

  private static final Map<String, Function<Instant, SlaEvent>> EVENTS =
      Map.of(
          EventTypes.SHIPMENT_SHIPPED, SlaEvent.Shipped::new,
          EventTypes.SHIPMENT_DELIVERED, SlaEvent.Delivered::new,
          EventTypes.SHIPMENT_EXPORT_HELD, SlaEvent.ExportHeld::new,
          EventTypes.SHIPMENT_EXPORT_CLEARED, SlaEvent.ExportCleared::new);

  private final BatchEventConsumer consumer;
  private final Inbox inbox;
  private final TrackSlaClocks clocks;

  public ShipmentListener(BatchEventConsumer consumer, Inbox inbox, TrackSlaClocks clocks) {
    this.consumer = consumer;
    this.inbox = inbox;
    this.clocks = clocks;
  }

  @Incoming("shipments")
  @Blocking
  public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
    return consumer.consume("shipments", batch, this::apply);
  }

  void apply(InboundEvent event) {
    Function<Instant, SlaEvent> meaning = EVENTS.get(event.type());
    if (meaning == null) {
      return; // created, delivery-failed and future types: no effect on a clock
    }
    RmaEvents.Shipment data = inbox.read(event, RmaEvents.Shipment.class);
    if (inbox.firstDelivery(event)) {
      clocks.happened(data.rmaNumber(), meaning.apply(data.occurredAt()), true);
    }
  }
}
