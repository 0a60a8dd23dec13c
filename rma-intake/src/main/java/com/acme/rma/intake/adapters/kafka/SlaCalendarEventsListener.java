package com.acme.rma.intake.adapters.kafka;

import com.acme.rma.calendar.CalendarChanges;
import com.acme.rma.calendar.DatedClosure;
import com.acme.rma.contract.EventTypes;
import com.acme.rma.intake.application.RecordCalendarChange;
import com.acme.rma.platform.consume.EventConsumer;
import com.acme.rma.platform.inbox.InboundEvent;
import com.acme.rma.platform.inbox.Inbox;
import com.acme.rma.platform.inbox.PoisonEventException;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.LocalDate;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Consumes {@code sla.calendars}: {@code sla.calendar-changed.v1} (a calendar's closures declared
 * by ops, all of them, and their version) is kept and laid over the shipped calendar; an older or
 * repeated version changes nothing. Idempotent by CloudEvent id; an unreadable event goes to {@code
 * rma-intake.dlq}.
 */
@ApplicationScoped
public class SlaCalendarEventsListener {

  private static final Logger LOG = Logger.getLogger(SlaCalendarEventsListener.class);

  /** The members of {@code sla.calendar-changed.v1} this service reads. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record CalendarChanged(
      @NotBlank String calendar,
      @NotNull @Positive Long version,
      @NotNull List<@Valid @NotNull Closure> closures) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Closure(@NotNull LocalDate from, @NotNull LocalDate to, @NotBlank String reason) {}

  private final EventConsumer consumer;
  private final Inbox inbox;
  private final RecordCalendarChange calendars;

  public SlaCalendarEventsListener(
      EventConsumer consumer, Inbox inbox, RecordCalendarChange calendars) {
    this.consumer = consumer;
    this.inbox = inbox;
    this.calendars = calendars;
  }

  @Incoming("sla-calendars")
  @Blocking
  public void consume(ConsumerRecord<String, String> record) {
    consumer.consume("sla-calendars", record, this::apply);
  }

  void apply(InboundEvent event) {
    if (!EventTypes.SLA_CALENDAR_CHANGED.equals(event.type())) {
      return; // future types of the calendar topic
    }
    CalendarChanged data = inbox.read(event, CalendarChanged.class);
    if (!inbox.firstDelivery(event)) {
      return;
    }
    CalendarChanges changes;
    try {
      changes =
          new CalendarChanges(
              data.calendar(),
              data.version(),
              data.closures().stream()
                  .map(c -> new DatedClosure(c.from(), c.to(), c.reason()))
                  .toList());
    } catch (IllegalArgumentException e) {
      throw new PoisonEventException(event.type() + ": " + e.getMessage());
    }
    if (!calendars.changed(changes)) {
      LOG.infof(
          "%s of %s version %d is not newer than the one kept: ignored",
          event.type(), data.calendar(), data.version());
    }
  }
}
