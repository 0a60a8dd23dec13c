package com.acme.rma.monitor.application;

import com.acme.rma.calendar.sla.ServiceLevel;
import com.acme.rma.calendar.sla.Target;
import com.acme.rma.contract.EventTypes;
import com.acme.rma.monitor.domain.SlaAlert;
import com.acme.rma.monitor.domain.SlaState;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * The data of {@code sla.at-risk.v1}, {@code sla.breached.v1} and {@code sla.met.v1} (schemas and
 * goldens in the contract module). {@code lateBySeconds} is always present: null unless a late stop
 * is already known when the alert is raised. {@code correctsBreach} (additive) is in {@code
 * sla.met.v1} only: true when the met clock takes back a breach announced before (a stop dated in
 * time arrived after the deadline had been declared passed).
 */
public record AlertPayload(
    String rmaNumber,
    ServiceLevel serviceLevel,
    Target target,
    Instant startedAt,
    Instant dueAt,
    SlaState state,
    Instant occurredAt,
    @JsonInclude(JsonInclude.Include.ALWAYS) Long lateBySeconds,
    @JsonInclude(JsonInclude.Include.NON_NULL) Boolean correctsBreach) {

  public static AlertPayload of(SlaAlert alert) {
    return new AlertPayload(
        alert.rmaNumber(),
        alert.serviceLevel(),
        alert.target(),
        alert.startedAt(),
        alert.dueAt(),
        alert.state(),
        alert.occurredAt(),
        alert.lateBySeconds(),
        alert.kind() == SlaAlert.Kind.MET ? alert.correctsBreach() : null);
  }

  public static String typeOf(SlaAlert.Kind kind) {
    return switch (kind) {
      case AT_RISK -> EventTypes.SLA_AT_RISK;
      case BREACHED -> EventTypes.SLA_BREACHED;
      case MET -> EventTypes.SLA_MET;
    };
  }
}
