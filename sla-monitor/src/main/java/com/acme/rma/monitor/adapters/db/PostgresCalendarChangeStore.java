package com.acme.rma.monitor.adapters.db;

import com.acme.rma.calendar.DatedClosure;
import com.acme.rma.monitor.application.CalendarChangeStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@link CalendarChangeStore} on PostgreSQL ({@code calendar_change}, {@code calendar_closure}).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class PostgresCalendarChangeStore implements CalendarChangeStore {

  // the first key of the two-key advisory locks taken per calendar ("CAL" in ASCII)
  private static final int CALENDAR_LOCK_SPACE = 0x43414c;

  private final EntityManager em;

  public PostgresCalendarChangeStore(EntityManager em) {
    this.em = em;
  }

  @Override
  public void lockCalendar(String calendarId) {
    em.createNativeQuery(
            "select 1 from (select pg_advisory_xact_lock(:space, hashtext(:id))) as locked")
        .setParameter("space", CALENDAR_LOCK_SPACE)
        .setParameter("id", calendarId)
        .getSingleResult();
  }

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  @SuppressWarnings("unchecked")
  public List<DatedClosure> closures(String calendarId) {
    List<Object[]> rows =
        em.createNativeQuery(
                "select day, reason from calendar_closure where calendar_id = :id order by day")
            .setParameter("id", calendarId)
            .getResultList();
    return rows.stream().map(r -> DatedClosure.day(date(r[0]), (String) r[1])).toList();
  }

  @Override
  public long record(
      String calendarId,
      Action action,
      LocalDate day,
      LocalDate lastDay,
      String reason,
      String by,
      Instant at) {
    return ((Number)
            em.createNativeQuery(
                    "insert into calendar_change"
                        + " (calendar_id, action, day, last_day, reason, changed_by, changed_at)"
                        + " values (:id, :action, :day, :last, :reason, :by, :at)"
                        + " returning change_no")
                .setParameter("id", calendarId)
                .setParameter("action", action.name())
                .setParameter("day", day)
                .setParameter("last", lastDay)
                .setParameter("reason", reason)
                .setParameter("by", by)
                .setParameter("at", at)
                .getSingleResult())
        .longValue();
  }

  @Override
  public void close(String calendarId, LocalDate day, String reason, long changeNo) {
    em.createNativeQuery(
            "insert into calendar_closure (calendar_id, day, reason, change_no)"
                + " values (:id, :day, :reason, :no) on conflict (calendar_id, day)"
                + " do update set reason = excluded.reason, change_no = excluded.change_no")
        .setParameter("id", calendarId)
        .setParameter("day", day)
        .setParameter("reason", reason)
        .setParameter("no", changeNo)
        .executeUpdate();
  }

  @Override
  public void reopen(String calendarId, LocalDate day) {
    em.createNativeQuery("delete from calendar_closure where calendar_id = :id and day = :day")
        .setParameter("id", calendarId)
        .setParameter("day", day)
        .executeUpdate();
  }

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  @SuppressWarnings("unchecked")
  public Slice changes(String calendarId, int offset, int limit) {
    List<Object[]> rows =
        em.createNativeQuery(
                "select change_no, calendar_id, action, day, last_day, reason, changed_by, changed_at,"
                    + " clocks_moved, repaired_at from calendar_change where calendar_id = :id"
                    + " order by change_no desc offset :offset limit :limit")
            .setParameter("id", calendarId)
            .setParameter("offset", offset)
            .setParameter("limit", limit)
            .getResultList();
    long total =
        ((Number)
                em.createNativeQuery("select count(*) from calendar_change where calendar_id = :id")
                    .setParameter("id", calendarId)
                    .getSingleResult())
            .longValue();
    return new Slice(rows.stream().map(PostgresCalendarChangeStore::change).toList(), total);
  }

  @Override
  @SuppressWarnings("unchecked")
  public List<Change> unrepaired() {
    List<Object[]> rows =
        em.createNativeQuery(
                "select change_no, calendar_id, action, day, last_day, reason, changed_by, changed_at,"
                    + " clocks_moved, repaired_at from calendar_change where repaired_at is null"
                    + " order by change_no")
            .getResultList();
    return rows.stream().map(PostgresCalendarChangeStore::change).toList();
  }

  @Override
  public void repaired(long changeNo, int clocksMoved, Instant at) {
    em.createNativeQuery(
            "update calendar_change set clocks_moved = coalesce(clocks_moved, 0) + :moved,"
                + " repaired_at = :at where change_no = :no")
        .setParameter("moved", clocksMoved)
        .setParameter("at", at)
        .setParameter("no", changeNo)
        .executeUpdate();
  }

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  @SuppressWarnings("unchecked")
  public Map<String, Long> versions() {
    List<Object[]> rows =
        em.createNativeQuery(
                "select calendar_id, max(change_no) from calendar_change group by calendar_id")
            .getResultList();
    Map<String, Long> versions = new TreeMap<>();
    rows.forEach(r -> versions.put((String) r[0], ((Number) r[1]).longValue()));
    return versions;
  }

  private static Change change(Object[] r) {
    return new Change(
        ((Number) r[0]).longValue(),
        (String) r[1],
        Action.valueOf((String) r[2]),
        date(r[3]),
        date(r[4]),
        (String) r[5],
        (String) r[6],
        instant(r[7]),
        r[8] == null ? null : ((Number) r[8]).intValue(),
        instant(r[9]));
  }

  static LocalDate date(Object value) {
    if (value instanceof LocalDate d) {
      return d;
    }
    return ((Date) value).toLocalDate();
  }

  static Instant instant(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Instant i) {
      return i;
    }
    if (value instanceof OffsetDateTime o) {
      return o.toInstant();
    }
    return ((Timestamp) value).toInstant();
  }
}
