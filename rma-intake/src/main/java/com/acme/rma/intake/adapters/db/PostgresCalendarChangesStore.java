package com.acme.rma.intake.adapters.db;

import com.acme.rma.calendar.CalendarChanges;
import com.acme.rma.calendar.DatedClosure;
import com.acme.rma.intake.application.CalendarChangesStore;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** {@link CalendarChangesStore} on PostgreSQL ({@code calendar_changes}, closures as JSON). */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class PostgresCalendarChangesStore implements CalendarChangesStore {

  record Closure(LocalDate from, LocalDate to, String reason) {}

  private final EntityManager em;
  private final ObjectMapper json;

  public PostgresCalendarChangesStore(EntityManager em, ObjectMapper json) {
    this.em = em;
    this.json = json;
  }

  @Override
  public boolean keep(CalendarChanges changes, Instant now) {
    String closures;
    try {
      closures =
          json.writeValueAsString(
              changes.closures().stream()
                  .map(c -> new Closure(c.from(), c.to(), c.reason()))
                  .toList());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    return em.createNativeQuery(
                "insert into calendar_changes (calendar_id, version, closures, received_at)"
                    + " values (:id, :version, :closures, :now) on conflict (calendar_id) do update"
                    + " set version = excluded.version, closures = excluded.closures,"
                    + " received_at = excluded.received_at"
                    + " where calendar_changes.version < excluded.version")
            .setParameter("id", changes.calendarId())
            .setParameter("version", changes.version())
            .setParameter("closures", closures)
            .setParameter("now", now)
            .executeUpdate()
        > 0;
  }

  @Override
  @SuppressWarnings("unchecked")
  public List<CalendarChanges> all() {
    List<Object[]> rows =
        em.createNativeQuery("select calendar_id, version, closures from calendar_changes")
            .getResultList();
    return rows.stream()
        .map(
            r -> {
              try {
                List<Closure> closures =
                    json.readValue((String) r[2], new TypeReference<List<Closure>>() {});
                return new CalendarChanges(
                    (String) r[0],
                    ((Number) r[1]).longValue(),
                    closures.stream()
                        .map(c -> new DatedClosure(c.from(), c.to(), c.reason()))
                        .toList());
              } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
              }
            })
        .toList();
  }
}
