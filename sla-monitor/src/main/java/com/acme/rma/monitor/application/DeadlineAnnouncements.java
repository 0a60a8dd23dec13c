package com.acme.rma.monitor.application;

import com.acme.rma.calendar.sla.ServiceLevel;
import com.acme.rma.calendar.sla.Target;
import com.acme.rma.contract.EventTypes;
import com.acme.rma.contract.Topics;
import com.acme.rma.monitor.domain.DeadlineChange;
import com.acme.rma.monitor.domain.SlaState;
import com.acme.rma.platform.outbox.Outbox;
import com.acme.rma.platform.outbox.OutgoingEvent;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Announces every change of a started clock's deadline as {@code sla.deadline-changed.v1} on {@code
 * sla.clocks} (key rmaNumber), through the outbox, in the transaction that changed the clock. rma-
 * intake reads it to keep the RMA's {@code sla.dueAt} equal to the monitor's.
 */
@ApplicationScoped
public class DeadlineAnnouncements {

  /**
   * The data of {@code sla.deadline-changed.v1} (schema and golden in the contract module). {@code
   * dueAt}, {@code previousDueAt} and {@code pausedAt} are always present, null when there is none.
   */
  public record Payload(
      String rmaNumber,
      ServiceLevel serviceLevel,
      Target target,
      String calendar,
      Instant startedAt,
      @JsonInclude(JsonInclude.Include.ALWAYS) Instant dueAt,
      @JsonInclude(JsonInclude.Include.ALWAYS) Instant previousDueAt,
      SlaState state,
      @JsonInclude(JsonInclude.Include.ALWAYS) Instant pausedAt,
      DeadlineChange.Reason reason,
      Instant occurredAt) {

    public static Payload of(DeadlineChange change) {
      return new Payload(
          change.rmaNumber(),
          change.serviceLevel(),
          change.target(),
          change.calendarId(),
          change.startedAt(),
          change.dueAt(),
          change.previousDueAt(),
          change.state(),
          change.pausedAt(),
          change.reason(),
          change.occurredAt());
    }
  }

  private final Outbox outbox;
  private final MeterRegistry metrics;

  public DeadlineAnnouncements(Outbox outbox, MeterRegistry metrics) {
    this.outbox = outbox;
    this.metrics = metrics;
  }

  /** Many changes at once (an SLA repair's batch): one statement for all of them. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void announceAll(List<DeadlineChange> changes) {
    outbox.addAll(
        changes.stream()
            .map(
                c ->
                    new OutgoingEvent(
                        Topics.SLA_CLOCKS,
                        c.rmaNumber(),
                        EventTypes.SLA_DEADLINE_CHANGED,
                        Payload.of(c)))
            .toList());
    changes.forEach(
        c ->
            metrics
                .counter("rma.monitor.deadline.changes", "reason", c.reason().name())
                .increment());
  }

  @Transactional(Transactional.TxType.MANDATORY)
  public void announce(Optional<DeadlineChange> change) {
    change.ifPresent(
        c -> {
          outbox.add(
              new OutgoingEvent(
                  Topics.SLA_CLOCKS,
                  c.rmaNumber(),
                  EventTypes.SLA_DEADLINE_CHANGED,
                  Payload.of(c)));
          metrics.counter("rma.monitor.deadline.changes", "reason", c.reason().name()).increment();
        });
  }
}
