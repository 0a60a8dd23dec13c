package com.acme.rma.intake.adapters.rest;

import com.acme.rma.calendar.sla.ServiceLevel;
import com.acme.rma.calendar.sla.Target;
import com.acme.rma.intake.domain.Component;
import com.acme.rma.intake.domain.DowngradeReason;
import com.acme.rma.intake.domain.Rma;
import com.acme.rma.intake.domain.RmaStatus;
import java.time.Instant;

/** The contract's {@code RMA}, plus the request's details and the lifecycle instants. */
public record RmaView(
    String rmaNumber,
    String serialNumber,
    String partnerId,
    Component component,
    String faultDescription,
    ContactBody contact,
    RmaStatus status,
    ServiceLevel requestedLevel,
    ServiceLevel serviceLevel,
    DowngradeReason downgradeReason,
    Instant requestedAt,
    Instant authorizedAt,
    Instant issuesAt,
    SlaView sla,
    AddressBody shipTo,
    Integer addressVersion,
    String serviceCenterId,
    Instant shippedAt,
    Instant deliveredAt,
    Instant closedAt,
    Instant cancelledAt) {

  /**
   * The RMA's SLA, as sla-monitor's clock has it: {@code dueAt} null and {@code paused} true while
   * the clock is paused (an export hold).
   */
  public record SlaView(Target target, Instant dueAt, boolean paused) {}

  static RmaView of(Rma rma) {
    return new RmaView(
        rma.rmaNumber(),
        rma.serialNumber(),
        rma.partnerId(),
        rma.component(),
        rma.faultDescription(),
        ContactBody.of(rma.contact()),
        rma.status(),
        rma.requestedLevel(),
        rma.serviceLevel(),
        rma.downgradeReason(),
        rma.requestedAt(),
        rma.authorizedAt(),
        // the contract shows issuesAt while the RMA waits for it
        rma.status() == RmaStatus.QUEUED ? rma.issuesAt() : null,
        new SlaView(rma.sla().target(), rma.sla().dueAt(), rma.sla().paused()),
        AddressBody.of(rma.shipTo()),
        rma.addressVersion(),
        rma.serviceCenterId(),
        rma.shippedAt(),
        rma.deliveredAt(),
        rma.closedAt(),
        rma.cancelledAt());
  }
}
