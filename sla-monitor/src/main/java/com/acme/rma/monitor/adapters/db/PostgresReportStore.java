package com.acme.rma.monitor.adapters.db;

import com.acme.rma.monitor.application.ReportStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/**
 * {@link ReportStore} on PostgreSQL: one aggregate query over the covering index {@code
 * sla_clock_report} (percentiles with {@code percentile_cont}).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class PostgresReportStore implements ReportStore {

  private final EntityManager em;

  public PostgresReportStore(EntityManager em) {
    this.em = em;
  }

  @Override
  @SuppressWarnings("unchecked")
  public List<Row> report(Instant from, Instant to, GroupBy groupBy) {
    String group =
        switch (groupBy) {
          case level -> "service_level";
          case partner -> "coalesce(partner_id, '(unknown)')";
          case calendar -> "calendar_id";
        };
    String judged = "state in ('MET', 'BREACHED')";
    String stop = "extract(epoch from stopped_at - started_at)";
    List<Object[]> rows =
        em.createNativeQuery(
                "select "
                    + group
                    + " as grp,"
                    + " count(*) filter (where state = 'MET'),"
                    + " count(*) filter (where state = 'BREACHED'),"
                    + " count(*) filter (where state = 'CANCELLED'),"
                    + " count(*) filter (where state in ('RUNNING', 'AT_RISK', 'PAUSED')),"
                    + " percentile_cont(0.5) within group (order by "
                    + stop
                    + ") filter (where target = 'SHIPMENT' and stopped_at is not null and "
                    + judged
                    + "),"
                    + " percentile_cont(0.9) within group (order by "
                    + stop
                    + ") filter (where target = 'SHIPMENT' and stopped_at is not null and "
                    + judged
                    + "),"
                    + " percentile_cont(0.5) within group (order by "
                    + stop
                    + ") filter (where target = 'DELIVERY' and stopped_at is not null and "
                    + judged
                    + "),"
                    + " percentile_cont(0.9) within group (order by "
                    + stop
                    + ") filter (where target = 'DELIVERY' and stopped_at is not null and "
                    + judged
                    + "),"
                    + " coalesce(sum(late_by_seconds) filter (where state = 'BREACHED'), 0),"
                    + " avg(late_by_seconds) filter (where state = 'BREACHED')"
                    + " from sla_clock where started_at >= :from and started_at < :to"
                    + " group by grp order by grp")
            .setParameter("from", from)
            .setParameter("to", to)
            .getResultList();
    return rows.stream()
        .map(
            r -> {
              long met = ((Number) r[1]).longValue();
              long breached = ((Number) r[2]).longValue();
              Double compliance = met + breached == 0 ? null : 100.0 * met / (met + breached);
              return new Row(
                  (String) r[0],
                  met,
                  breached,
                  ((Number) r[3]).longValue(),
                  ((Number) r[4]).longValue(),
                  compliance,
                  number(r[5]),
                  number(r[6]),
                  number(r[7]),
                  number(r[8]),
                  ((Number) r[9]).longValue(),
                  number(r[10]));
            })
        .toList();
  }

  @Override
  @SuppressWarnings("unchecked")
  public List<Day> daily(Instant from, Instant to, String zone) {
    List<Object[]> rows =
        em.createNativeQuery(
                "select to_char(d, 'YYYY-MM-DD'),"
                    + " (select count(*) from sla_clock where state <> 'CANCELLED'"
                    + "   and started_at >= cast(:from as timestamptz) - interval '60 days' and started_at < :to"
                    + "   and breached_at is not null and breached_at >= d at time zone :zone"
                    + "   and breached_at < (d + interval '1 day') at time zone :zone),"
                    + " (select count(*) from sla_clock where state <> 'CANCELLED'"
                    + "   and started_at >= cast(:from as timestamptz) - interval '60 days' and started_at < :to"
                    + "   and at_risk_at >= d at time zone :zone"
                    + "   and at_risk_at < (d + interval '1 day') at time zone :zone"
                    + "   and at_risk_at <= cast(:to as timestamptz) and (stopped_at is null or stopped_at > at_risk_at)"
                    + "   and (paused_at is null or paused_at > at_risk_at))"
                    // d: each local midnight as a timestamp without time zone, so that "d at time
                    // zone :zone" is that midnight in the zone (over dates, generate_series would
                    // yield timestamptz in the session's zone and shift every day by its offset)
                    + " from generate_series(cast((cast(:from as timestamptz) at time zone :zone)::date as timestamp),"
                    + " cast((cast(:to as timestamptz) at time zone :zone)::date as timestamp), interval '1 day') as d"
                    + " order by 1")
            .setParameter("from", from)
            .setParameter("to", to)
            .setParameter("zone", zone)
            .getResultList();
    return rows.stream()
        .map(r -> new Day((String) r[0], ((Number) r[1]).longValue(), ((Number) r[2]).longValue()))
        .toList();
  }

  private static Double number(Object value) {
    return value == null ? null : ((Number) value).doubleValue();
  }
}
