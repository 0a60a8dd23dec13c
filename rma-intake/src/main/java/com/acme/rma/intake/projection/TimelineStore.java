package com.acme.rma.intake.projection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The timeline's table ({@code timeline_entry}) in intake's database, in plain SQL. */
@ApplicationScoped
public class TimelineStore {

  /** Where an entry stood before a rebuild: its arrival order and when it was first recorded. */
  public record Kept(long seq, Instant recordedAt) {}

  private static final String COLUMNS =
      "rma_number, event_source, event_id, part, type, source, at, recorded_at, summary, details";

  private final EntityManager em;
  private final ObjectMapper mapper;

  public TimelineStore(EntityManager em, ObjectMapper mapper) {
    this.em = em;
    this.mapper = mapper;
  }

  /** True when the entry is new; false when this event's part was already recorded. */
  @Transactional(Transactional.TxType.MANDATORY)
  public boolean insert(TimelineEntry e) {
    return em.createNativeQuery(
                "insert into timeline_entry ("
                    + COLUMNS
                    + ") values (:rma, :eventSource, :eventId, :part, :type, :source, :at,"
                    + " :recordedAt, :summary, :details) on conflict do nothing")
            .setParameter("rma", e.rmaNumber())
            .setParameter("eventSource", e.eventSource())
            .setParameter("eventId", e.eventId())
            .setParameter("part", e.part())
            .setParameter("type", e.type())
            .setParameter("source", e.source())
            .setParameter("at", e.at())
            .setParameter("recordedAt", e.recordedAt())
            .setParameter("summary", e.summary())
            .setParameter("details", json(e.details()))
            .executeUpdate()
        == 1;
  }

  /** Re-inserts an entry at the place it had before a rebuild. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void insertKept(TimelineEntry e, long seq) {
    em.createNativeQuery(
            "insert into timeline_entry (seq, "
                + COLUMNS
                + ") values (:seq, :rma, :eventSource, :eventId, :part, :type, :source, :at,"
                + " :recordedAt, :summary, :details) on conflict do nothing")
        .setParameter("seq", seq)
        .setParameter("rma", e.rmaNumber())
        .setParameter("eventSource", e.eventSource())
        .setParameter("eventId", e.eventId())
        .setParameter("part", e.part())
        .setParameter("type", e.type())
        .setParameter("source", e.source())
        .setParameter("at", e.at())
        .setParameter("recordedAt", e.recordedAt())
        .setParameter("summary", e.summary())
        .setParameter("details", json(e.details()))
        .executeUpdate();
  }

  /** Whether the RMA's address is locked according to its timeline so far. */
  @Transactional(Transactional.TxType.MANDATORY)
  public boolean lockHeld(String rmaNumber) {
    Object[] counts =
        (Object[])
            em.createNativeQuery(
                    "select count(*) filter (where type = :locked),"
                        + " count(*) filter (where type = :released)"
                        + " from timeline_entry where rma_number = :rma")
                .setParameter("locked", TimelineTypes.ADDRESS_LOCKED)
                .setParameter("released", TimelineTypes.ADDRESS_RELEASED)
                .setParameter("rma", rmaNumber)
                .getSingleResult();
    return ((Number) counts[0]).longValue() > ((Number) counts[1]).longValue();
  }

  /** Every entry of the RMA: by {@code at}, ties in order of arrival. */
  public List<TimelineEntry> entries(String rmaNumber) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "select "
                    + COLUMNS
                    + " from timeline_entry where rma_number = :rma order by at, seq")
            .setParameter("rma", rmaNumber)
            .getResultList();
    return rows.stream().map(this::toEntry).toList();
  }

  /** Empties the table, answering where each entry stood (in the same transaction). */
  @Transactional(Transactional.TxType.MANDATORY)
  public Map<String, Kept> deleteAll() {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "delete from timeline_entry returning event_source, event_id, part, seq,"
                    + " recorded_at")
            .getResultList();
    Map<String, Kept> kept = new HashMap<>();
    for (Object[] r : rows) {
      kept.put(
          key((String) r[0], (String) r[1], ((Number) r[2]).intValue()),
          new Kept(((Number) r[3]).longValue(), instant(r[4])));
    }
    return kept;
  }

  /**
   * Forgets at most {@code limit} entries of RMAs closed or cancelled before {@code cutoff}
   * (intake's own record of the RMA says so); returns how many.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public int forgetEndedBefore(Instant cutoff, int limit) {
    return em.createNativeQuery(
            "delete from timeline_entry where seq in (select t.seq from timeline_entry t"
                + " join rma r on r.rma_number = t.rma_number"
                + " where (r.status = 'CLOSED' and r.closed_at < :cutoff)"
                + " or (r.status = 'CANCELLED' and r.cancelled_at < :cutoff)"
                + " limit :limit for update of t skip locked)")
        .setParameter("cutoff", cutoff)
        .setParameter("limit", limit)
        .executeUpdate();
  }

  public static String key(String eventSource, String eventId, int part) {
    return eventSource + "\n" + eventId + "\n" + part;
  }

  private TimelineEntry toEntry(Object[] r) {
    return new TimelineEntry(
        (String) r[0],
        (String) r[1],
        (String) r[2],
        ((Number) r[3]).intValue(),
        (String) r[4],
        (String) r[5],
        instant(r[6]),
        instant(r[7]),
        (String) r[8],
        details((String) r[9]));
  }

  private String json(Map<String, Object> details) {
    try {
      return mapper.writeValueAsString(details);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("timeline details that cannot be written", e);
    }
  }

  private Map<String, Object> details(String json) {
    try {
      return mapper.readValue(
          json, new TypeReference<java.util.LinkedHashMap<String, Object>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("timeline details that cannot be read", e);
    }
  }

  /** A timestamp column as JDBC/Hibernate hands it back, as an instant. */
  static Instant instant(Object value) {
    if (value instanceof Instant instant) {
      return instant;
    }
    if (value instanceof OffsetDateTime odt) {
      return odt.toInstant();
    }
    if (value instanceof Timestamp ts) {
      return ts.toInstant();
    }
    throw new IllegalStateException("unexpected timestamp " + value);
  }
}
