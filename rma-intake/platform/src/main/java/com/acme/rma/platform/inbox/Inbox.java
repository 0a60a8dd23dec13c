package com.acme.rma.platform.inbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The consuming side of every service: reads and validates event data, and makes handling
 * idempotent by remembering each CloudEvent (source + id) in the effect's own transaction.
 */
@ApplicationScoped
public class Inbox {

  private final EntityManager em;
  private final ObjectMapper mapper;
  private final Validator validator;
  private final Clock clock;

  public Inbox(EntityManager em, ObjectMapper mapper, Validator validator, Clock clock) {
    this.em = em;
    this.mapper = mapper;
    this.validator = validator;
    this.clock = clock;
  }

  /**
   * True the first time this event is seen; false for a redelivery or duplicate, whose effect is
   * already committed. Must run in the transaction that applies the effect.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public boolean firstDelivery(InboundEvent event) {
    int inserted =
        em.createNativeQuery(
                "insert into processed_event (source, id, type, processed_at)"
                    + " values (:source, :id, :type, :at) on conflict do nothing")
            .setParameter("source", event.source())
            .setParameter("id", event.id())
            .setParameter("type", event.type())
            .setParameter("at", Instant.now(clock))
            .executeUpdate();
    return inserted == 1;
  }

  /** Parses and validates the event's data; anything unreadable is poison. */
  public <T> T read(InboundEvent event, Class<T> type) {
    T data;
    try {
      data = mapper.readValue(event.data(), type);
    } catch (JsonProcessingException e) {
      throw new PoisonEventException(
          "data of "
              + event.type()
              + " is not a valid "
              + type.getSimpleName()
              + ": "
              + e.getOriginalMessage(),
          e);
    }
    if (data == null) {
      throw new PoisonEventException("data of " + event.type() + " is null");
    }
    Set<ConstraintViolation<T>> violations = validator.validate(data);
    if (!violations.isEmpty()) {
      throw new PoisonEventException(
          "data of "
              + event.type()
              + " is invalid: "
              + violations.stream()
                  .map(v -> v.getPropertyPath() + " " + v.getMessage())
                  .sorted(Comparator.naturalOrder())
                  .collect(Collectors.joining(", ")));
    }
    return data;
  }
}
