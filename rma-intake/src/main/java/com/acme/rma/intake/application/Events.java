package com.acme.rma.intake.application;

import com.acme.rma.calendar.sla.ServiceLevel;
import com.acme.rma.calendar.sla.Target;
import com.acme.rma.intake.domain.Address;
import com.acme.rma.intake.domain.Component;
import com.acme.rma.intake.domain.DowngradeReason;
import com.acme.rma.intake.domain.Entitlement;
import com.acme.rma.intake.domain.MaintenanceLevel;
import com.acme.rma.intake.domain.Rma;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The payloads of the events rma-intake publishes. Their topics and types are the contract's
 * ({@code com.acme.rma.contract.Topics}, {@code EventTypes}); {@code
 * contract/schemas/<type>.schema.json} states each payload and {@code contract/events/<type>.json}
 * shows it.
 */
public final class Events {

  private Events() {}

  /** {@code rma.entitlement.changed.v1}, keyed by serial number (compacted topic). */
  public record EntitlementChanged(
      String serialNumber,
      String partnerId,
      String customerId,
      String productModel,
      MaintenanceLevel maintenanceLevel,
      LocalDate contractStart,
      LocalDate contractEnd,
      LocalDate hardwareShipDate,
      LocalDate endOfLifeDate,
      LocalDate extendedSupportUntil,
      Instant changedAt) {

    public static EntitlementChanged of(Entitlement e, Instant changedAt) {
      return new EntitlementChanged(
          e.serialNumber(),
          e.partnerId(),
          e.customerId(),
          e.productModel(),
          e.maintenanceLevel(),
          e.contractStart(),
          e.contractEnd(),
          e.hardwareShipDate(),
          e.endOfLifeDate(),
          e.extendedSupportUntil(),
          changedAt);
    }
  }

  /** {@code rma.authorized.v1}, keyed by RMA number: the RMA is issued, its clock runs. */
  public record RmaAuthorized(
      String rmaNumber,
      String serialNumber,
      String partnerId,
      Component component,
      ServiceLevel requestedLevel,
      ServiceLevel serviceLevel,
      DowngradeReason downgradeReason,
      Instant requestedAt,
      Instant authorizedAt,
      Address shipTo,
      Integer addressVersion,
      String serviceCenterId,
      SlaDue sla) {

    /** The RMA's target and deadline at its authorization. */
    public record SlaDue(Target target, Instant dueAt) {}

    public static RmaAuthorized of(Rma rma) {
      if (rma.authorizedAt() == null) {
        throw new IllegalArgumentException(rma.rmaNumber() + " is not authorized");
      }
      return new RmaAuthorized(
          rma.rmaNumber(),
          rma.serialNumber(),
          rma.partnerId(),
          rma.component(),
          rma.requestedLevel(),
          rma.serviceLevel(),
          rma.downgradeReason(),
          rma.requestedAt(),
          rma.authorizedAt(),
          rma.shipTo(),
          rma.addressVersion(),
          rma.serviceCenterId(),
          new SlaDue(rma.sla().target(), rma.sla().dueAt()));
    }
  }

  /** {@code rma.cancelled.v1} and {@code rma.closed.v1}, keyed by RMA number. */
  public record RmaEnded(String rmaNumber, String serialNumber, Instant at) {}

  /**
   * {@code rma.reservation.abandoned.v1}, keyed by the reserved RMA number: no RMA with this number
   * exists or ever will; a lock held for it is released. {@code at} is when intake gave up.
   */
  public record ReservationAbandoned(
      String rmaNumber, String serialNumber, Instant reservedAt, Instant at) {}

  /**
   * {@code rma.reinstated.v1}, keyed by RMA number: a cancelled RMA is open again because dispatch
   * reports that its replacement had left before the cancel reached it. {@code at} is when intake
   * reinstated it; {@code serviceCenterId} and {@code addressVersion} are the RMA's (null when it
   * has none), so that the registry can lock the address again.
   */
  public record RmaReinstated(
      String rmaNumber,
      String serialNumber,
      Instant at,
      String reason,
      String serviceCenterId,
      Integer addressVersion) {

    /** The only reason so far. */
    public static final String SHIPPED_BEFORE_CANCEL = "SHIPPED_BEFORE_CANCEL";

    public static RmaReinstated of(Rma rma, Instant at) {
      return new RmaReinstated(
          rma.rmaNumber(),
          rma.serialNumber(),
          at,
          SHIPPED_BEFORE_CANCEL,
          rma.serviceCenterId(),
          rma.addressVersion());
    }
  }
}
