package com.acme.rma.monitor.application;

import java.time.Instant;
import java.util.List;

/** The compliance report's one query (port). */
public interface ReportStore {

  /** Clocks started in {@code [from, to)}, grouped. */
  List<Row> report(Instant from, Instant to, GroupBy groupBy);

  /**
   * Per day (in {@code zone}) of the {@code days} days up to {@code now}: breaches (deadlines
   * passed unmet) and clocks that became at risk.
   */
  List<Day> daily(Instant from, Instant to, String zone);

  enum GroupBy {
    level,
    partner,
    calendar
  }

  /**
   * One group. Times in seconds (null when no clock had one); compliance = met / (met + breached),
   * in percent, null when none was judged.
   */
  record Row(
      String group,
      long met,
      long breached,
      long cancelled,
      long open,
      Double compliancePercent,
      Double timeToShipP50,
      Double timeToShipP90,
      Double timeToDeliverP50,
      Double timeToDeliverP90,
      long totalLatenessSeconds,
      Double meanLatenessSeconds) {}

  record Day(String day, long breached, long atRisk) {}
}
