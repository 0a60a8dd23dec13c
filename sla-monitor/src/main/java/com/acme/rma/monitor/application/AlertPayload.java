package com.acme.rma.monitor.application;

import com.acme.rma.calendar.sla.ServiceLevel;
import com.acme.rma.calendar.sla.Target;
import com.acme.rma.monitor.domain.SlaAlert;
import com.acme.rma.monitor.domain.SlaState;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * The data of {@code sla.at-risk.v1}, {@code sla.breached.v1} and {@code sla.met.v1} (goldens in
 * src/test/resources/events). {@code lateBySeconds} is always present: null unless a late stop is
 * already known when the alert is raised.
 */
public record AlertPayload(
    String rmaNumber,
    ServiceLevel serviceLevel,
    Target target,
    Instant startedAt,
    Instant dueAt,
    SlaState state,
    Instant occurredAt,
    @JsonInclude(JsonInclude.Include.ALWAYS) Long lateBySeconds) {

  public static final String AT_RISK = "sla.at-risk.v1";
  public static final String BREACHED = "sla.breached.v1";
  public static final String MET = "sla.met.v1";

  public static AlertPayload of(SlaAlert alert) {
    return new AlertPayload(
        alert.rmaNumber(),
        alert.serviceLevel(),
        alert.target(),
        alert.startedAt(),
        alert.dueAt(),
        alert.state(),
        alert.occurredAt(),
        alert.lateBySeconds());
  }

  public static String typeOf(SlaAlert.Kind kind) {
    return switch (kind) {
      case AT_RISK -> AT_RISK;
      case BREACHED -> BREACHED;
      case MET -> MET;
    };
  }
}
