package com.acme.rma.monitor.domain;

import com.acme.rma.calendar.sla.ServiceLevel;
import com.acme.rma.calendar.sla.Target;
import java.time.Instant;

/**
 * Something ops must hear about: a clock became at risk, breached, or was met. {@code occurredAt}
 * is the moment it became true (atRiskAt, dueAt, or the stop), not when the monitor noticed.
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
    Long lateBySeconds) {

  public enum Kind {
    AT_RISK,
    BREACHED,
    MET
  }
}
