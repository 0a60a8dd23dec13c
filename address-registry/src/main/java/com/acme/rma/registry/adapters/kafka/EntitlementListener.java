package com.acme.rma.registry.adapters.kafka;

import com.acme.rma.contract.EventTypes;
import com.acme.rma.platform.consume.BatchEventConsumer;
import com.acme.rma.platform.inbox.EventChecks;
import com.acme.rma.platform.inbox.InboundEvent;
import com.acme.rma.platform.inbox.Inbox;
import com.acme.rma.platform.rest.FieldLimits;
import com.acme.rma.registry.application.RecordOwnership;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Learns appliance owners from {@code rma.entitlements} (rma-intake's compacted topic). Idempotent
 * by CloudEvent id; an older change than the one recorded does not overwrite it. Only rma-intake's
 * events count (the kit's {@link EventChecks}), and a {@code changedAt} more than the allowed skew
 * ahead of the clock is dead-lettered: it would otherwise win against every later real change.
 */
@ApplicationScoped
public class EntitlementListener {

  /** The fields of {@code rma.entitlement.changed.v1} the registry needs. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record EntitlementChanged(
      @NotBlank @Size(max = FieldLimits.ID) String serialNumber,
      @NotBlank @Size(max = FieldLimits.ID) String partnerId,
      Instant changedAt) {}

  private final BatchEventConsumer consumer;
  private final Inbox inbox;
  private final RecordOwnership ownership;
  private final EventChecks checks;
  private final Clock clock;

  public EntitlementListener(
      BatchEventConsumer consumer,
      Inbox inbox,
      RecordOwnership ownership,
      EventChecks checks,
      Clock clock) {
    this.consumer = consumer;
    this.inbox = inbox;
    this.ownership = ownership;
    this.checks = checks;
    this.clock = clock;
  }

  @Incoming("entitlements")
  @Blocking
  public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
    return consumer.consume("entitlements", batch, this::apply);
  }

  void apply(InboundEvent event) {
    if (!EventTypes.ENTITLEMENT_CHANGED.equals(event.type())) {
      return; // another type on the topic: not ours to read
    }
    EntitlementChanged change = inbox.read(event, EntitlementChanged.class);
    checks.notAhead(change.changedAt(), "changedAt");
    if (!inbox.firstDelivery(event)) {
      return; // already applied
    }
    Instant changedAt =
        change.changedAt() != null
            ? change.changedAt()
            : event.time() != null ? event.time() : Instant.now(clock);
    ownership.record(change.serialNumber(), change.partnerId(), changedAt);
  }
}
