package com.acme.rma.monitor.adapters.rest;

import com.acme.rma.calendar.sla.ServiceLevel;
import com.acme.rma.calendar.sla.Target;
import com.acme.rma.monitor.domain.SlaClock;
import com.acme.rma.monitor.domain.SlaState;
import java.time.Instant;

/** An SLA clock as ops read it (contract.md, sla-monitor). */
public record SlaView(
    String rmaNumber,
    ServiceLevel serviceLevel,
    Target target,
    String calendar,
    Instant startedAt,
    Instant dueAt,
    Instant atRiskAt,
    SlaState state,
    Instant pausedAt,
    Instant stoppedAt,
    Instant breachedAt,
    Long lateBySeconds) {

  static SlaView of(SlaClock clock) {
    return new SlaView(
        clock.rmaNumber(),
        clock.serviceLevel(),
        clock.target(),
        clock.calendarId(),
        clock.startedAt(),
        clock.dueAt(),
        clock.atRiskAt(),
        clock.state(),
        clock.pausedAt(),
        clock.stoppedAt(),
        clock.breachedAt(),
        clock.lateBySeconds());
  }
}
