package com.acme.rma.registry.adapters.kafka;

import com.acme.rma.contract.EventTypes;
import com.acme.rma.platform.consume.BatchEventConsumer;
import com.acme.rma.platform.inbox.InboundEvent;
import com.acme.rma.platform.inbox.Inbox;
import com.acme.rma.platform.rest.FieldLimits;
import com.acme.rma.registry.application.LockSiteAddress;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Releases an RMA's address lock when {@code rma.lifecycle} says the RMA was closed or cancelled,
 * or that intake abandoned the RMA number it had reserved for the lock ({@code
 * rma.reservation.abandoned.v1}: a request that failed after the lock was applied), and takes it
 * again when a cancelled RMA is reinstated (its replacement had already left). Other types on the
 * topic are ignored; a release for an RMA that holds nothing changes nothing.
 */
@ApplicationScoped
public class LifecycleListener {

  /**
   * {@code rma.closed.v1}, {@code rma.cancelled.v1} and {@code rma.reservation.abandoned.v1}: at
   * least {@code {rmaNumber, serialNumber, at}}.
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record RmaEnded(
      @NotBlank @Size(max = FieldLimits.ID) String rmaNumber, String serialNumber, Instant at) {}

  private final BatchEventConsumer consumer;
  private final Inbox inbox;
  private final LockSiteAddress locks;

  public LifecycleListener(BatchEventConsumer consumer, Inbox inbox, LockSiteAddress locks) {
    this.consumer = consumer;
    this.inbox = inbox;
    this.locks = locks;
  }

  /** {@code rma.reinstated.v1}: the members the registry reads. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record RmaReinstated(
      @NotBlank @Size(max = FieldLimits.ID) String rmaNumber,
      @NotBlank String serialNumber,
      Integer addressVersion) {}

  @Incoming("lifecycle")
  @Blocking
  public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
    return consumer.consume("lifecycle", batch, this::apply);
  }

  void apply(InboundEvent event) {
    if (EventTypes.RMA_REINSTATED.equals(event.type())) {
      RmaReinstated reinstated = inbox.read(event, RmaReinstated.class);
      if (inbox.firstDelivery(event)) {
        locks.relockReinstated(
            reinstated.rmaNumber(), reinstated.serialNumber(), reinstated.addressVersion());
      }
      return;
    }
    if (!EventTypes.RMA_CLOSED.equals(event.type())
        && !EventTypes.RMA_CANCELLED.equals(event.type())
        && !EventTypes.RMA_RESERVATION_ABANDONED.equals(event.type())) {
      return; // rma.authorized.v1 and anything else: nothing for the registry
    }
    RmaEnded ended = inbox.read(event, RmaEnded.class);
    if (inbox.firstDelivery(event)) {
      locks.releaseEnded(ended.rmaNumber());
    }
  }
}
