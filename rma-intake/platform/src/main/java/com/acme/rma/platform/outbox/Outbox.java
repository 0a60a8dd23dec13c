package com.acme.rma.platform.outbox;

import com.acme.rma.platform.observe.Traces;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;
import org.jboss.logging.Logger;

/**
 * Records an event in the caller's transaction. It reaches Kafka only if that transaction commits,
 * and then for sure: the relay sends it, retrying until the broker acknowledges. The row keeps the
 * current trace context ({@code traceparent}), which the relay sends along as a Kafka header, so
 * the trace goes on in the consumers.
 */
@ApplicationScoped
public class Outbox {

  private static final Logger LOG = Logger.getLogger(Outbox.class);

  private final ObjectMapper mapper;
  private final Clock clock;
  private final String source;
  private final RelayWakeUp wakeUp;

  public Outbox(
      ObjectMapper mapper,
      Clock clock,
      @ConfigProperty(name = "rma.events.source") String source,
      RelayWakeUp wakeUp) {
    this.mapper = mapper;
    this.clock = clock;
    this.source = source;
    this.wakeUp = wakeUp;
  }

  /**
   * Adds the event to the current transaction (there must be one) and returns its CloudEvent id.
   * The one way every service publishes.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public UUID add(OutgoingEvent outgoing) {
    OutboxEvent event = new OutboxEvent();
    event.id = UUID.randomUUID();
    event.topic = outgoing.topic();
    event.key = outgoing.key();
    event.type = outgoing.type();
    event.source = source;
    event.payload = json(outgoing.payload());
    event.occurredAt = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    event.traceparent = Traces.currentTraceparent();
    event.persist();
    wakeUp.afterCommit();
    LOG.debugf("event %s %s for %s recorded", event.type, event.id, event.key);
    return event.id;
  }

  /**
   * Adds many events to the current transaction in one statement (a batch job's announcements, e.g.
   * thousands of moved deadlines), in their order; the same as {@link #add} for each.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void addAll(List<OutgoingEvent> events) {
    if (events.isEmpty()) {
      return;
    }
    int n = events.size();
    Object[] ids = new Object[n];
    Object[] topics = new Object[n];
    Object[] keys = new Object[n];
    Object[] types = new Object[n];
    Object[] payloads = new Object[n];
    for (int i = 0; i < n; i++) {
      OutgoingEvent e = events.get(i);
      ids[i] = UUID.randomUUID().toString();
      topics[i] = e.topic();
      keys[i] = e.key();
      types[i] = e.type();
      payloads[i] = json(e.payload());
    }
    Instant at = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    String traceparent = Traces.currentTraceparent();
    EntityManager em = OutboxEvent.getEntityManager();
    em.flush();
    em.unwrap(Session.class)
        .doWork(
            c -> {
              try (PreparedStatement insert =
                  c.prepareStatement(
                      "insert into outbox_event"
                          + " (id, topic, record_key, type, source, payload, occurred_at,"
                          + " traceparent) select u.id::uuid, u.topic, u.key, u.type, ?, u.payload,"
                          + " ?::timestamptz, ? from unnest(?::text[], ?::text[], ?::text[],"
                          + " ?::text[], ?::text[]) with ordinality as u(id, topic, key, type,"
                          + " payload, n) order by u.n")) {
                insert.setString(1, source);
                insert.setString(2, at.toString());
                insert.setString(3, traceparent);
                insert.setArray(4, c.createArrayOf("text", ids));
                insert.setArray(5, c.createArrayOf("text", topics));
                insert.setArray(6, c.createArrayOf("text", keys));
                insert.setArray(7, c.createArrayOf("text", types));
                insert.setArray(8, c.createArrayOf("text", payloads));
                insert.executeUpdate();
              }
            });
    LOG.infof("%d events recorded (%s, ...)", n, events.get(0).type());
  }

  /**
   * Adds an event that already has its CloudEvent identity, e.g. a dead letter put back on its
   * topic: the same id, source, type, key and data, so consumers' inboxes recognise it. A row of
   * that id still pending is left to go once; an already published one is sent again (as a new row,
   * behind everything pending).
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void resend(
      UUID id,
      String topic,
      String key,
      String type,
      String eventSource,
      String payload,
      Instant occurredAt) {
    EntityManager em = OutboxEvent.getEntityManager();
    em.createNativeQuery("delete from outbox_event where id = :id and published_at is not null")
        .setParameter("id", id)
        .executeUpdate();
    em.createNativeQuery(
            "insert into outbox_event"
                + " (id, topic, record_key, type, source, payload, occurred_at, traceparent)"
                + " values (:id, :topic, :key, :type, :source, :payload, :at, :traceparent)"
                + " on conflict (id) do nothing")
        .setParameter("id", id)
        .setParameter("topic", topic)
        .setParameter("key", key)
        .setParameter("type", type)
        .setParameter("source", eventSource)
        .setParameter("payload", payload)
        .setParameter("at", occurredAt.truncatedTo(ChronoUnit.MICROS))
        .setParameter("traceparent", Traces.currentTraceparent())
        .executeUpdate();
    wakeUp.afterCommit();
  }

  private String json(Object payload) {
    try {
      return mapper.writeValueAsString(payload);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("event payload cannot be written as JSON", e);
    }
  }
}
