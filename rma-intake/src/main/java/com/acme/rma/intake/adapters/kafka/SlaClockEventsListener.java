package com.acme.rma.intake.adapters.kafka;

import com.acme.rma.contract.EventTypes;
import com.acme.rma.intake.application.RecordDeadlineChange;
import com.acme.rma.platform.consume.BatchEventConsumer;
import com.acme.rma.platform.inbox.EventChecks;
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
 * Consumes {@code sla.clocks}: {@code sla.deadline-changed.v1} sets the RMA's {@code sla.dueAt} to
 * the monitor's (null, paused, while on hold); other types are skipped. Idempotent by CloudEvent
 * id; an announcement older than the one applied last changes nothing; an event that cannot be
 * read, names an RMA this service never issued, or says it occurred more than the allowed skew
 * ahead of the clock (it would stay "newest" for ever), goes to {@code rma-intake.dlq}.
 */
@ApplicationScoped
public class SlaClockEventsListener {

  private static final Logger LOG = Logger.getLogger(SlaClockEventsListener.class);

  /** The members of {@code sla.deadline-changed.v1} this service reads. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record DeadlineChanged(
      @NotBlank String rmaNumber, Instant dueAt, @NotNull Instant occurredAt) {}

  private final BatchEventConsumer consumer;
  private final Inbox inbox;
  private final RecordDeadlineChange deadlines;
  private final EventChecks checks;

  public SlaClockEventsListener(
      BatchEventConsumer consumer,
      Inbox inbox,
      RecordDeadlineChange deadlines,
      EventChecks checks) {
    this.consumer = consumer;
    this.inbox = inbox;
    this.deadlines = deadlines;
    this.checks = checks;
  }

  @Incoming("sla-clocks")
  @Blocking
  public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
    return consumer.consume("sla-clocks", batch, this::apply);
  }

  void apply(InboundEvent event) {
    if (!EventTypes.SLA_DEADLINE_CHANGED.equals(event.type())) {
      return; // future types of the monitor's clock topic
    }
    DeadlineChanged change = inbox.read(event, DeadlineChanged.class);
    checks.notAhead(change.occurredAt(), "occurredAt");
    if (!inbox.firstDelivery(event)) {
      return; // a duplicate: already applied
    }
    RecordDeadlineChange.Result result =
        deadlines.changed(change.rmaNumber(), change.dueAt(), change.occurredAt());
    if (result == RecordDeadlineChange.Result.UNKNOWN_RMA) {
      throw new PoisonEventException(
          event.type() + " names " + change.rmaNumber() + ", an RMA rma-intake never issued");
    }
    if (result == RecordDeadlineChange.Result.UNCHANGED) {
      LOG.infof(
          "%s for %s (occurred %s) is older than the deadline applied last, or the same: ignored",
          event.type(), change.rmaNumber(), change.occurredAt());
    }
  }
}
