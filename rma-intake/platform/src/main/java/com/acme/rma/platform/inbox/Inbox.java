package com.acme.rma.platform.inbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
  private final TransactionSynchronizationRegistry transactions;

  public Inbox(
      EntityManager em,
      ObjectMapper mapper,
      Validator validator,
      Clock clock,
      TransactionSynchronizationRegistry transactions) {
    this.em = em;
    this.mapper = mapper;
    this.validator = validator;
    this.clock = clock;
    this.transactions = transactions;
  }

  /**
   * Inserts the inbox rows of a whole batch in one statement, in the transaction that applies it;
   * {@link #firstDelivery} then answers from what this insert found (each event once) instead of a
   * statement per event. An event of the batch seen before, or twice in it, is not a first
   * delivery.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void claimAll(List<InboundEvent> events) {
    if (events.isEmpty()) {
      return;
    }
    StringBuilder sql =
        new StringBuilder("insert into processed_event (source, id, type, processed_at) values ");
    for (int i = 0; i < events.size(); i++) {
      sql.append(i == 0 ? "" : ", ")
          .append("(?")
          .append(3 * i + 2)
          .append(", ?")
          .append(3 * i + 3)
          .append(", ?")
          .append(3 * i + 4)
          .append(", ?1)");
    }
    sql.append(" on conflict do nothing returning source, id");
    var query = em.createNativeQuery(sql.toString());
    query.setParameter(1, Instant.now(clock));
    for (int i = 0; i < events.size(); i++) {
      query.setParameter(3 * i + 2, events.get(i).source());
      query.setParameter(3 * i + 3, events.get(i).id());
      query.setParameter(3 * i + 4, events.get(i).type());
    }
    Map<String, Boolean> claimed = new HashMap<>();
    for (InboundEvent event : events) {
      claimed.put(key(event.source(), event.id()), Boolean.FALSE);
    }
    for (Object row : query.getResultList()) {
      Object[] columns = (Object[]) row;
      claimed.put(key((String) columns[0], (String) columns[1]), Boolean.TRUE);
    }
    transactions.putResource(Inbox.class, claimed);
  }

  private static String key(String source, String id) {
    return source + '\u0000' + id;
  }

  /**
   * True the first time this event is seen; false for a redelivery or duplicate, whose effect is
   * already committed. Must run in the transaction that applies the effect.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public boolean firstDelivery(InboundEvent event) {
    @SuppressWarnings("unchecked")
    Map<String, Boolean> claimed = (Map<String, Boolean>) transactions.getResource(Inbox.class);
    if (claimed != null) {
      Boolean first = claimed.replace(key(event.source(), event.id()), Boolean.FALSE);
      if (first != null) {
        return first;
      }
    }
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
