package com.acme.rma.platform.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Records an event in the caller's transaction. It reaches Kafka only if that transaction commits,
 * and then for sure: the relay sends it, retrying until the broker acknowledges.
 */
@ApplicationScoped
public class Outbox {

  private final ObjectMapper mapper;
  private final Clock clock;
  private final String source;

  public Outbox(
      ObjectMapper mapper, Clock clock, @ConfigProperty(name = "rma.events.source") String source) {
    this.mapper = mapper;
    this.clock = clock;
    this.source = source;
  }

  /**
   * Adds the event to the current transaction (there must be one) and returns its CloudEvent id.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public UUID add(String topic, String key, String type, Object payload) {
    OutboxEvent event = new OutboxEvent();
    event.id = UUID.randomUUID();
    event.topic = topic;
    event.key = key;
    event.type = type;
    event.source = source;
    event.payload = json(payload);
    event.occurredAt = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    event.persist();
    return event.id;
  }

  private String json(Object payload) {
    try {
      return mapper.writeValueAsString(payload);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("event payload cannot be written as JSON", e);
    }
  }
}
