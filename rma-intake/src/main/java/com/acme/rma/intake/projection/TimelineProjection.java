package com.acme.rma.intake.projection;

import com.acme.rma.intake.application.RmaStore;
import com.acme.rma.intake.application.webhook.NotifyWebhooks;
import com.acme.rma.intake.domain.Rma;
import com.acme.rma.platform.Causes;
import com.acme.rma.platform.consume.BatchEventConsumer;
import com.acme.rma.platform.inbox.InboundEvent;
import com.acme.rma.platform.inbox.PoisonEventException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The RMA timeline, a projection of the topics of every service ({@code rma.lifecycle} — intake's
 * own events too, so there is one code path —, {@code dispatch.shipments}, {@code sla.alerts},
 * {@code sla.clocks}) read with its own consumer group {@code rma-intake-timeline}. Idempotent by
 * CloudEvent: each entry's (source, id, part) is unique in {@code timeline_entry}; the kit's inbox
 * table is not used because intake's other consumers already record the same events there. A new
 * entry queues its webhook deliveries in the same transaction.
 */
@ApplicationScoped
public class TimelineProjection {

  private final BatchEventConsumer consumer;
  private final TimelineStore store;
  private final RmaStore rmas;
  private final NotifyWebhooks webhooks;
  private final ObjectMapper mapper;
  private final Clock clock;

  public TimelineProjection(
      BatchEventConsumer consumer,
      TimelineStore store,
      RmaStore rmas,
      NotifyWebhooks webhooks,
      ObjectMapper mapper,
      Clock clock) {
    this.consumer = consumer;
    this.store = store;
    this.rmas = rmas;
    this.webhooks = webhooks;
    this.mapper = mapper;
    this.clock = clock;
  }

  @Incoming("timeline-lifecycle")
  @Blocking
  public CompletionStage<Void> lifecycle(KafkaRecordBatch<String, String> batch) {
    return consumer.project(
        "timeline-lifecycle", batch, (event, record) -> project(event, record, true));
  }

  @Incoming("timeline-shipments")
  @Blocking
  public CompletionStage<Void> shipments(KafkaRecordBatch<String, String> batch) {
    return consumer.project(
        "timeline-shipments", batch, (event, record) -> project(event, record, true));
  }

  @Incoming("timeline-sla-alerts")
  @Blocking
  public CompletionStage<Void> slaAlerts(KafkaRecordBatch<String, String> batch) {
    return consumer.project(
        "timeline-sla-alerts", batch, (event, record) -> project(event, record, true));
  }

  @Incoming("timeline-sla-clocks")
  @Blocking
  public CompletionStage<Void> slaClocks(KafkaRecordBatch<String, String> batch) {
    return consumer.project(
        "timeline-sla-clocks", batch, (event, record) -> project(event, record, true));
  }

  /** The live path: new entries, and their webhook deliveries. */
  @Transactional(Transactional.TxType.MANDATORY)
  void project(InboundEvent event, ConsumerRecord<String, String> record, boolean notify) {
    for (TimelineEntry entry : entries(event, record, Instant.now(clock))) {
      if (store.insert(entry) && notify) {
        notifyPartner(entry);
      }
    }
  }

  /**
   * The rebuild path: the same entries, each put back where it stood ({@code kept}: arrival order
   * and first recording); no webhook is queued again. Returns how many entries it wrote.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  int replay(
      ConsumerRecord<String, String> record,
      Instant now,
      Function<TimelineEntry, Optional<TimelineStore.Kept>> kept) {
    InboundEvent event;
    try {
      event = InboundEvent.of(record);
    } catch (PoisonEventException unreadable) {
      return 0; // dead-lettered when it was consumed live: not part of the timeline
    }
    int written = 0;
    List<TimelineEntry> entries;
    try {
      entries = entries(event, record, now);
    } catch (PoisonEventException unreadable) {
      return 0;
    }
    for (TimelineEntry fresh : entries) {
      Optional<TimelineStore.Kept> before = kept.apply(fresh);
      if (before.isPresent()) {
        TimelineEntry entry =
            new TimelineEntry(
                fresh.rmaNumber(),
                fresh.eventSource(),
                fresh.eventId(),
                fresh.part(),
                fresh.type(),
                fresh.source(),
                fresh.at(),
                before.get().recordedAt(),
                fresh.summary(),
                fresh.details());
        store.insertKept(entry, before.get().seq());
      } else {
        store.insert(fresh);
      }
      written++;
    }
    return written;
  }

  private List<TimelineEntry> entries(
      InboundEvent event, ConsumerRecord<String, String> record, Instant now) {
    JsonNode data;
    try {
      data = mapper.readTree(event.data());
    } catch (JsonProcessingException e) {
      throw new PoisonEventException("data of " + event.type() + " is not JSON", e);
    }
    if (data == null || !data.isObject()) {
      throw new PoisonEventException("data of " + event.type() + " is not a JSON object");
    }
    try {
      return TimelineMapping.entries(
          new TimelineMapping.SourceEvent(
              event.id(),
              event.source(),
              event.type(),
              record.topic(),
              record.partition(),
              record.offset(),
              data),
          now.truncatedTo(ChronoUnit.MICROS),
          store::lockHeld);
    } catch (RuntimeException unreadable) {
      if (fromTheDatabase(unreadable)) {
        throw unreadable; // the store's failure: the kit retries what is transient (an outage)
      }
      throw new PoisonEventException(
          event.type() + " cannot be put on a timeline: " + unreadable.getMessage(), unreadable);
    }
  }

  /** True when the failure came from the database (the mapping asks the store about locks). */
  private static boolean fromTheDatabase(RuntimeException failure) {
    for (Throwable cause : Causes.of(failure)) {
      if (cause instanceof java.sql.SQLException
          || cause instanceof jakarta.persistence.PersistenceException) {
        return true;
      }
    }
    return false;
  }

  private void notifyPartner(TimelineEntry entry) {
    Optional<Rma> rma = rmas.find(entry.rmaNumber());
    if (rma.isEmpty()) {
      return; // an RMA intake never issued: nobody to notify
    }
    webhooks.enqueue(
        rma.get().partnerId(),
        entry.rmaNumber(),
        entry.webhookEventId(),
        entry.type(),
        entry.at(),
        partnerData(entry));
  }

  /** What a partner sees of an entry, in REST and in webhooks. */
  public static Map<String, Object> partnerData(TimelineEntry entry) {
    TimelineEntry visible = entry.forPartner();
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("rmaNumber", visible.rmaNumber());
    data.put("type", visible.type());
    data.put("at", visible.at().toString());
    data.put("source", visible.source());
    data.put("summary", visible.summary());
    data.put("details", visible.details());
    data.put("recordedAt", visible.recordedAt().toString());
    return data;
  }
}
