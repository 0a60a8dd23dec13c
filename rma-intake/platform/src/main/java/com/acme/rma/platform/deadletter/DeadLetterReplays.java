package com.acme.rma.platform.deadletter;

import com.acme.rma.platform.outbox.Outbox;
import com.acme.rma.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Puts dead letters back on their original topics through the service's outbox and remembers each
 * replay ({@code dead_letter_replay}). A dead letter is replayed once, however often ops ask: the
 * second request finds the first one's row and sends nothing. The record keeps its CloudEvent id,
 * source, type, key and data, so consumers that already applied it skip it by their inbox.
 */
@ApplicationScoped
public class DeadLetterReplays {

  private final EntityManager em;
  private final Outbox outbox;
  private final Clock clock;

  public DeadLetterReplays(EntityManager em, Outbox outbox, Clock clock) {
    this.em = em;
    this.outbox = outbox;
    this.clock = clock;
  }

  /** The entries, each with its replay time when it was replayed. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<DeadLetter> withReplays(String topic, List<DeadLetter> entries) {
    if (entries.isEmpty()) {
      return entries;
    }
    Map<Integer, long[]> spans = new HashMap<>();
    for (DeadLetter e : entries) {
      spans.merge(
          e.partition(),
          new long[] {e.offset(), e.offset()},
          (a, b) -> new long[] {Math.min(a[0], b[0]), Math.max(a[1], b[1])});
    }
    Map<String, Instant> replayed = new HashMap<>();
    spans.forEach(
        (partition, span) -> {
          @SuppressWarnings("unchecked")
          List<Object[]> rows =
              em.createNativeQuery(
                      "select dlq_offset, ce_id, replayed_at from dead_letter_replay"
                          + " where dlq_topic = :topic and dlq_partition = :partition"
                          + " and dlq_offset between :low and :high")
                  .setParameter("topic", topic)
                  .setParameter("partition", partition)
                  .setParameter("low", span[0])
                  .setParameter("high", span[1])
                  .getResultList();
          for (Object[] row : rows) {
            replayed.put(
                DeadLetter.idOf(partition, ((Number) row[0]).longValue()) + " " + row[1],
                toInstant(row[2]));
          }
        });
    return entries.stream().map(e -> e.replayedAt(replayed.get(e.id() + " " + e.ceId()))).toList();
  }

  /** Whether this CloudEvent was already replayed from any dead letter of the topic. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public boolean eventReplayed(String topic, String ceSource, String ceId) {
    return !em.createNativeQuery(
            "select 1 from dead_letter_replay"
                + " where dlq_topic = :topic and ce_source = :source and ce_id = :id")
        .setParameter("topic", topic)
        .setParameter("source", ceSource)
        .setParameter("id", ceId)
        .setMaxResults(1)
        .getResultList()
        .isEmpty();
  }

  /**
   * Replays the dead letter unless it was replayed before; answers its entry with the time of the
   * (first) replay. A record that cannot be put back as it came is a 422 naming why.
   */
  @Transactional
  public DeadLetter replay(String topic, DeadLetterRecord record, String by) {
    Replayable event = replayable(record);
    Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    int remembered =
        em.createNativeQuery(
                "insert into dead_letter_replay (dlq_topic, dlq_partition, dlq_offset, ce_id,"
                    + " ce_source, outbox_id, replayed_at, replayed_by)"
                    + " values (:topic, :partition, :offset, :ceId, :source, :outboxId, :at, :by)"
                    + " on conflict do nothing")
            .setParameter("topic", topic)
            .setParameter("partition", record.partition())
            .setParameter("offset", record.offset())
            .setParameter("ceId", event.ceId())
            .setParameter("source", event.source())
            .setParameter("outboxId", event.id())
            .setParameter("at", now)
            .setParameter("by", by)
            .executeUpdate();
    if (remembered == 1) {
      outbox.resend(
          event.id(),
          event.topic(),
          event.key(),
          event.type(),
          event.source(),
          event.payload(),
          event.occurredAt());
    }
    return withReplays(topic, List.of(record.entry())).get(0);
  }

  /** What a replay sends, or why the record cannot be replayed (a 422). */
  public static Replayable replayable(DeadLetterRecord record) {
    String ceId = record.header("ce_id");
    String source = record.header("ce_source");
    String type = record.header("ce_type");
    String topic = record.header(DeadLetterRecord.TOPIC);
    if (topic == null || topic.isBlank()) {
      throw notReplayable(record, "it does not name its original topic");
    }
    if (ceId == null || source == null || type == null) {
      throw notReplayable(record, "it is not a CloudEvent (ce_id, ce_source, ce_type missing)");
    }
    UUID id;
    try {
      id = UUID.fromString(ceId);
    } catch (IllegalArgumentException e) {
      throw notReplayable(
          record, "its ce_id is not a UUID, which is what the outbox carries; ask the sender");
    }
    String key = record.key();
    if (key == null) {
      throw notReplayable(record, "it has no key");
    }
    String payload =
        record
            .fullValue()
            .filter(v -> !v.isBlank())
            .orElseThrow(() -> notReplayable(record, "its value is empty or not UTF-8 text"));
    return new Replayable(
        id, ceId, topic, key, type, source, payload, occurredAt(record.header("ce_time"), record));
  }

  /** The event a replay puts back through the outbox. */
  public record Replayable(
      UUID id,
      String ceId,
      String topic,
      String key,
      String type,
      String source,
      String payload,
      Instant occurredAt) {}

  private static Instant occurredAt(String ceTime, DeadLetterRecord record) {
    if (ceTime != null) {
      try {
        return OffsetDateTime.parse(ceTime).toInstant();
      } catch (DateTimeParseException e) {
        // the dead letter's own time stands in
      }
    }
    return record.timestamp();
  }

  private static ProblemException notReplayable(DeadLetterRecord record, String why) {
    return ProblemException.unprocessable(
        "DEAD_LETTER_NOT_REPLAYABLE", "Dead letter " + record.id() + " cannot be replayed: " + why);
  }

  private static Instant toInstant(Object value) {
    if (value instanceof Instant instant) {
      return instant;
    }
    if (value instanceof OffsetDateTime odt) {
      return odt.toInstant();
    }
    if (value instanceof java.sql.Timestamp ts) {
      return ts.toInstant();
    }
    throw new IllegalStateException("unexpected timestamp type " + value.getClass());
  }
}
