package com.acme.rma.monitor.adapters.db;

import com.acme.rma.calendar.sla.ServiceLevel;
import com.acme.rma.calendar.sla.Target;
import com.acme.rma.monitor.application.ClockRepairStore;
import com.acme.rma.monitor.domain.SlaClock;
import com.acme.rma.monitor.domain.SlaState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.Session;

/**
 * {@link ClockRepairStore} on PostgreSQL: plain JDBC on the transaction's connection, one statement
 * per batch ({@code update … from unnest(arrays)}), so that 100,000 clocks take seconds.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class PostgresClockRepairStore implements ClockRepairStore {

  private static final String COLUMNS =
      "rma_number, service_level, target, calendar_id, started_at, due_at, at_risk_at, state,"
          + " paused_at, stopped_at, breached_at, late_by_seconds";
  private static final String LIVE_IN_WINDOW =
      " from sla_clock where calendar_id = ? and state in ('RUNNING', 'AT_RISK')"
          + " and due_at >= ? and started_at < ?";

  private final EntityManager em;

  public PostgresClockRepairStore(EntityManager em) {
    this.em = em;
  }

  @Override
  public List<SlaClock> lockForRepair(
      String calendarId, Instant windowStart, Instant windowEnd, long changeNo, int limit) {
    return query(
        "select "
            + COLUMNS
            + LIVE_IN_WINDOW
            + " and calendar_change_no < ? order by rma_number limit ? for update",
        calendarId,
        windowStart,
        windowEnd,
        changeNo,
        limit);
  }

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<SlaClock> liveInWindow(String calendarId, Instant windowStart, Instant windowEnd) {
    return query(
        "select " + COLUMNS + LIVE_IN_WINDOW + " order by due_at, rma_number",
        calendarId,
        windowStart,
        windowEnd);
  }

  @Override
  public List<SlaClock> lockFinished(Instant from, Instant to, String afterRma, int limit) {
    return query(
        "select "
            + COLUMNS
            + " from sla_clock where started_at >= ? and started_at < ? and rma_number > ?"
            + " and stopped_at is not null and state in ('MET', 'BREACHED')"
            + " order by rma_number limit ? for update",
        from,
        to,
        afterRma,
        limit);
  }

  @Override
  public void saveRepaired(
      long changeNo, List<String> examined, List<SlaClock> changed, Instant now) {
    work(
        c -> {
          try (PreparedStatement mark =
              c.prepareStatement(
                  "update sla_clock set calendar_change_no = ?"
                      + " where rma_number = any(?) and calendar_change_no < ?")) {
            mark.setLong(1, changeNo);
            mark.setArray(2, c.createArrayOf("varchar", examined.toArray()));
            mark.setLong(3, changeNo);
            mark.executeUpdate();
          }
          update(c, changed, now);
        });
  }

  @Override
  public void saveRejudged(List<SlaClock> changed, Instant now) {
    work(c -> update(c, changed, now));
  }

  @Override
  public void record(Rejudged r) {
    em.createNativeQuery(
            "insert into sla_repair (from_day, to_day, reason, requested_by, requested_at,"
                + " clocks_checked, deadlines_moved, met_to_breached, breached_to_met)"
                + " values (:from, :to, :reason, :by, :at, :checked, :moved, :mb, :bm)")
        .setParameter("from", r.from())
        .setParameter("to", r.to())
        .setParameter("reason", r.reason())
        .setParameter("by", r.requestedBy())
        .setParameter("at", r.requestedAt())
        .setParameter("checked", r.clocksChecked())
        .setParameter("moved", r.deadlinesMoved())
        .setParameter("mb", r.metToBreached())
        .setParameter("bm", r.breachedToMet())
        .executeUpdate();
  }

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  @SuppressWarnings("unchecked")
  public List<Rejudged> rejudgings(int limit) {
    List<Object[]> rows =
        em.createNativeQuery(
                "select id, from_day, to_day, reason, requested_by, requested_at, clocks_checked,"
                    + " deadlines_moved, met_to_breached, breached_to_met from sla_repair"
                    + " order by id desc limit :limit")
            .setParameter("limit", limit)
            .getResultList();
    return rows.stream()
        .map(
            r ->
                new Rejudged(
                    ((Number) r[0]).longValue(),
                    PostgresCalendarChangeStore.date(r[1]),
                    PostgresCalendarChangeStore.date(r[2]),
                    (String) r[3],
                    (String) r[4],
                    PostgresCalendarChangeStore.instant(r[5]),
                    ((Number) r[6]).intValue(),
                    ((Number) r[7]).intValue(),
                    ((Number) r[8]).intValue(),
                    ((Number) r[9]).intValue()))
        .toList();
  }

  @Override
  public void notePartner(String rmaNumber, String partnerId) {
    em.createNativeQuery(
            "update sla_clock set partner_id = :partner where rma_number = :rma"
                + " and partner_id is null")
        .setParameter("partner", partnerId)
        .setParameter("rma", rmaNumber)
        .executeUpdate();
  }

  private static void update(Connection c, List<SlaClock> clocks, Instant now) throws SQLException {
    if (clocks.isEmpty()) {
      return;
    }
    int n = clocks.size();
    Object[] rma = new Object[n];
    Object[] due = new Object[n];
    Object[] atRisk = new Object[n];
    Object[] state = new Object[n];
    Object[] paused = new Object[n];
    Object[] stopped = new Object[n];
    Object[] breached = new Object[n];
    Object[] late = new Object[n];
    Object[] next = new Object[n];
    for (int i = 0; i < n; i++) {
      SlaClock k = clocks.get(i);
      rma[i] = k.rmaNumber();
      due[i] = ts(k.dueAt());
      atRisk[i] = ts(k.atRiskAt());
      state[i] = k.state().name();
      paused[i] = ts(k.pausedAt());
      stopped[i] = ts(k.stoppedAt());
      breached[i] = ts(k.breachedAt());
      late[i] = k.lateBySeconds();
      next[i] = ts(k.nextMomentAt().orElse(null));
    }
    try (PreparedStatement update =
        c.prepareStatement(
            "update sla_clock c set due_at = u.due_at, at_risk_at = u.at_risk_at,"
                + " state = u.state, paused_at = u.paused_at, stopped_at = u.stopped_at,"
                + " breached_at = u.breached_at, late_by_seconds = u.late, next_fire_at = u.next,"
                + " updated_at = ?"
                + " from unnest(?::varchar[], ?::text[]::timestamptz[], ?::text[]::timestamptz[], ?::varchar[],"
                + " ?::text[]::timestamptz[], ?::text[]::timestamptz[], ?::text[]::timestamptz[], ?::bigint[],"
                + " ?::text[]::timestamptz[])"
                + " as u(rma, due_at, at_risk_at, state, paused_at, stopped_at, breached_at, late,"
                + " next) where c.rma_number = u.rma")) {
      update.setObject(1, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
      update.setArray(2, c.createArrayOf("varchar", rma));
      update.setArray(3, c.createArrayOf("text", due));
      update.setArray(4, c.createArrayOf("text", atRisk));
      update.setArray(5, c.createArrayOf("varchar", state));
      update.setArray(6, c.createArrayOf("text", paused));
      update.setArray(7, c.createArrayOf("text", stopped));
      update.setArray(8, c.createArrayOf("text", breached));
      update.setArray(9, c.createArrayOf("bigint", late));
      update.setArray(10, c.createArrayOf("text", next));
      update.executeUpdate();
    }
  }

  private List<SlaClock> query(String sql, Object... params) {
    List<SlaClock> clocks = new ArrayList<>();
    work(
        c -> {
          try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
              Object p = params[i];
              s.setObject(
                  i + 1, p instanceof Instant t ? OffsetDateTime.ofInstant(t, ZoneOffset.UTC) : p);
            }
            try (ResultSet r = s.executeQuery()) {
              while (r.next()) {
                clocks.add(clock(r));
              }
            }
          }
        });
    return clocks;
  }

  private static SlaClock clock(ResultSet r) throws SQLException {
    long lateValue = r.getLong("late_by_seconds");
    Long late = r.wasNull() ? null : lateValue;
    return new SlaClock(
        r.getString("rma_number"),
        ServiceLevel.valueOf(r.getString("service_level")),
        Target.valueOf(r.getString("target")),
        r.getString("calendar_id"),
        instant(r, "started_at"),
        instant(r, "due_at"),
        instant(r, "at_risk_at"),
        SlaState.valueOf(r.getString("state")),
        instant(r, "paused_at"),
        instant(r, "stopped_at"),
        instant(r, "breached_at"),
        late);
  }

  private static Instant instant(ResultSet r, String column) throws SQLException {
    OffsetDateTime t = r.getObject(column, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }

  /** An instant as PostgreSQL reads it into a timestamptz, whatever the session's zone. */
  private static String ts(Instant instant) {
    return instant == null ? null : instant.toString();
  }

  private interface Work {
    void execute(Connection connection) throws SQLException;
  }

  private void work(Work work) {
    if (em.isJoinedToTransaction()) {
      em.flush();
    }
    em.unwrap(Session.class).doWork(work::execute);
  }
}
