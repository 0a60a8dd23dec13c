package com.acme.rma.monitor.domain;

import com.acme.rma.calendar.sla.ServiceLevel;
import com.acme.rma.calendar.sla.Target;
import java.time.Instant;

/**
 * Something ops must hear about: a clock became at risk, breached, or was met. {@code occurredAt}
 * is the moment it became true (atRiskAt, dueAt, or the stop), not when the monitor noticed. A met
 * alert with {@code correctsBreach} takes back a breach announced before: the stop, dated at or
 * before the deadline, arrived after the timer had fired.
 */
public record SlaAlert(
    Kind kind,
    String rmaNumber,
    ServiceLevel serviceLevel,
    Target target,
    Instant startedAt,
    Instant dueAt,
    SlaState state,
    Instant occurredAt,
    Long lateBySeconds,
    boolean correctsBreach) {

  public enum Kind {
    AT_RISK,
    BREACHED,
    MET
  }
}
