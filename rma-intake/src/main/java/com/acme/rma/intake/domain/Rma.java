package com.acme.rma.intake.domain;

import com.acme.rma.calendar.sla.ServiceLevel;
import java.time.Instant;
import java.util.Optional;

/**
 * A request for a replacement part, from acceptance to closure. Immutable: every transition returns
 * a new value, or empty when the event changes nothing in the RMA's current state.
 *
 * @param addressVersion the registered address version locked for a Gold Plus appliance
 * @param serviceCenterId the center shipping a GOLD_PLUS replacement; null otherwise
 */
public record Rma(
    String rmaNumber,
    String serialNumber,
    String partnerId,
    Component component,
    String faultDescription,
    Contact contact,
    RmaStatus status,
    ServiceLevel requestedLevel,
    ServiceLevel serviceLevel,
    DowngradeReason downgradeReason,
    Instant requestedAt,
    Instant authorizedAt,
    Instant issuesAt,
    Sla sla,
    Address shipTo,
    Integer addressVersion,
    String serviceCenterId,
    Instant shippedAt,
    Instant deliveredAt,
    Instant closedAt,
    Instant cancelledAt) {

  /** What a new RMA is made of, before the decisions about it are taken. */
  public record Request(
      String serialNumber,
      String partnerId,
      Component component,
      String faultDescription,
      Contact contact) {}

  /** A new RMA from the decisions taken about the request. */
  public static Rma accept(
      String rmaNumber,
      Request request,
      Instant requestedAt,
      ServiceLevel requestedLevel,
      LevelDecision level,
      Issuance issuance,
      Sla sla,
      Address shipTo,
      Integer addressVersion) {
    return new Rma(
        rmaNumber,
        request.serialNumber(),
        request.partnerId(),
        request.component(),
        request.faultDescription(),
        request.contact(),
        issuance.status(),
        requestedLevel,
        level.serviceLevel(),
        level.downgradeReason(),
        requestedAt,
        issuance.authorizedAt(),
        issuance.issuesAt(),
        sla,
        shipTo,
        addressVersion,
        level.serviceCenterId(),
        null,
        null,
        null,
        null);
  }

  /**
   * A queued RMA issued by the scheduler. Its clock starts at {@code issuesAt}, the opening it
   * waited for, however late the scheduler runs: a late scheduler never lengthens the customer's
   * deadline.
   */
  public Optional<Rma> issue() {
    if (status != RmaStatus.QUEUED) {
      return Optional.empty();
    }
    return Optional.of(copy(RmaStatus.AUTHORIZED, issuesAt, shippedAt, deliveredAt, null, null));
  }

  /** Cancelled before shipment; empty when the RMA is past that point (or already cancelled). */
  public Optional<Rma> cancel(Instant at) {
    if (!status.isCancellable()) {
      return Optional.empty();
    }
    return Optional.of(copy(RmaStatus.CANCELLED, authorizedAt, shippedAt, deliveredAt, null, at));
  }

  /**
   * Whether a shipment event brings this RMA back from CANCELLED. Dispatch decides whether the
   * replacement left: a cancel accepted here while dispatch was already shipping reaches dispatch
   * too late and is refused there, so a shipped or delivered event for an RMA cancelled after its
   * authorization means the parcel travels, and the RMA is reinstated. An RMA cancelled while
   * queued never had a shipment: it stays cancelled.
   */
  public boolean isReinstatable() {
    return status == RmaStatus.CANCELLED && authorizedAt != null;
  }

  /**
   * The replacement left: AUTHORIZED → SHIPPED, or CANCELLED → SHIPPED when {@link
   * #isReinstatable() reinstatable} (the cancel is undone: no cancellation time). Anything else is
   * unchanged (late or repeated).
   */
  public Optional<Rma> ship(Instant at) {
    if (status != RmaStatus.AUTHORIZED && !isReinstatable()) {
      return Optional.empty();
    }
    return Optional.of(copy(RmaStatus.SHIPPED, authorizedAt, at, null, null, null));
  }

  /**
   * The replacement arrived: DELIVERED, then at once CLOSED. From AUTHORIZED too (a shipment whose
   * shipped event is missing), taking the delivery as the shipment, and from a {@link
   * #isReinstatable() reinstatable} CANCELLED alike. Closed RMAs, and RMAs cancelled while queued,
   * are unchanged.
   */
  public Optional<Rma> deliverAndClose(Instant deliveredAt, Instant closedAt) {
    if (status != RmaStatus.SHIPPED && status != RmaStatus.AUTHORIZED && !isReinstatable()) {
      return Optional.empty();
    }
    Instant shipped = shippedAt != null ? shippedAt : deliveredAt;
    return Optional.of(copy(RmaStatus.CLOSED, authorizedAt, shipped, deliveredAt, closedAt, null));
  }

  /**
   * sla-monitor announced a new deadline ({@code null}: its clock is paused) at {@code occurredAt};
   * empty when the announcement is older than the one applied last, or changes nothing.
   */
  public Optional<Rma> deadlineChanged(Instant dueAt, Instant occurredAt) {
    return sla.changed(dueAt, occurredAt)
        .filter(changed -> !changed.equals(sla))
        .map(
            changed ->
                new Rma(
                    rmaNumber,
                    serialNumber,
                    partnerId,
                    component,
                    faultDescription,
                    contact,
                    status,
                    requestedLevel,
                    serviceLevel,
                    downgradeReason,
                    requestedAt,
                    authorizedAt,
                    issuesAt,
                    changed,
                    shipTo,
                    addressVersion,
                    serviceCenterId,
                    shippedAt,
                    deliveredAt,
                    closedAt,
                    cancelledAt));
  }

  private Rma copy(
      RmaStatus newStatus,
      Instant newAuthorizedAt,
      Instant newShippedAt,
      Instant newDeliveredAt,
      Instant newClosedAt,
      Instant newCancelledAt) {
    return new Rma(
        rmaNumber,
        serialNumber,
        partnerId,
        component,
        faultDescription,
        contact,
        newStatus,
        requestedLevel,
        serviceLevel,
        downgradeReason,
        requestedAt,
        newAuthorizedAt,
        issuesAt,
        sla,
        shipTo,
        addressVersion,
        serviceCenterId,
        newShippedAt,
        newDeliveredAt,
        newClosedAt,
        newCancelledAt);
  }
}
