package com.acme.rma.monitor.application;

import com.acme.rma.calendar.sla.SlaPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * SLA compliance reports: clocks started between two dates (inclusive, in the business calendar's
 * zone), grouped by level, partner or calendar.
 */
@ApplicationScoped
public class SlaReports {

  private final ReportStore store;
  private final SlaPolicy policy;
  private final Clock clock;

  public SlaReports(ReportStore store, SlaPolicy policy, Clock clock) {
    this.store = store;
    this.policy = policy;
    this.clock = clock;
  }

  public ZoneId zone() {
    return policy.businessDays().zone();
  }

  public List<ReportStore.Row> report(LocalDate from, LocalDate to, ReportStore.GroupBy groupBy) {
    return store.report(
        from.atStartOfDay(zone()).toInstant(),
        to.plusDays(1).atStartOfDay(zone()).toInstant(),
        groupBy);
  }

  /** Breaches and at-risk clocks per day over the last {@code days} days (today included). */
  public List<ReportStore.Day> daily(int days) {
    Instant now = Instant.now(clock);
    LocalDate today = LocalDate.ofInstant(now, zone());
    return store.daily(
        today.minusDays(days - 1L).atStartOfDay(zone()).toInstant(), now, zone().getId());
  }
}
