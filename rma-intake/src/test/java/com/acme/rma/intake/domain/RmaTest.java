package com.acme.rma.intake.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.rma.calendar.sla.ServiceLevel;
import com.acme.rma.calendar.sla.Target;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RmaTest {

  private static final Instant REQUESTED = Instant.parse("2026-05-09T03:00:00Z");
  private static final Instant OPENING = Instant.parse("2026-05-11T00:30:00Z");
  private static final Instant LATER = Instant.parse("2026-05-11T02:00:00Z");
  private static final Address TO =
      new Address("2-2 Umeda", null, "Osaka", null, "530-0001", "JP", null, null);

  private static Rma rma(Issuance issuance) {
    return Rma.accept(
        "RMA-2026-000001",
        new Rma.Request("SN-1", "P-1", Component.FAN, "noisy", null),
        REQUESTED,
        ServiceLevel.SILVER,
        LevelDecision.asRequested(ServiceLevel.SILVER),
        issuance,
        new Sla(Target.SHIPMENT, Instant.parse("2026-05-12T08:30:00Z")),
        TO,
        null);
  }

  private static Rma queued() {
    return rma(new Issuance(RmaStatus.QUEUED, null, OPENING));
  }

  private static Rma authorized() {
    return rma(new Issuance(RmaStatus.AUTHORIZED, REQUESTED, null));
  }

  @Test
  void issuingAQueuedRmaStartsItsClockAtTheOpeningItWaitedForNotAtTheLateRun() {
    Rma issued = queued().issue().orElseThrow();
    assertEquals(RmaStatus.AUTHORIZED, issued.status());
    assertEquals(OPENING, issued.authorizedAt());
    assertEquals(Optional.empty(), issued.issue());
  }

  @Test
  void takesTheMonitorsDeadlineChangingNothingElseAndIgnoresAStaleOrRepeatedOne() {
    Rma before = authorized();
    Instant held = Instant.parse("2026-05-08T02:00:00Z");
    Rma paused = before.deadlineChanged(null, held).orElseThrow();
    assertEquals(new Sla(Target.SHIPMENT, null, held), paused.sla());
    assertEquals(
        before,
        new Rma(
            paused.rmaNumber(),
            paused.serialNumber(),
            paused.partnerId(),
            paused.component(),
            paused.faultDescription(),
            paused.contact(),
            paused.status(),
            paused.requestedLevel(),
            paused.serviceLevel(),
            paused.downgradeReason(),
            paused.requestedAt(),
            paused.authorizedAt(),
            paused.issuesAt(),
            before.sla(),
            paused.shipTo(),
            paused.addressVersion(),
            paused.serviceCenterId(),
            paused.shippedAt(),
            paused.deliveredAt(),
            paused.closedAt(),
            paused.cancelledAt()));
    assertEquals(Optional.empty(), paused.deadlineChanged(null, held));
    assertEquals(
        Optional.empty(),
        paused.deadlineChanged(Instant.parse("2026-05-12T08:30:00Z"), held.minusNanos(1000)));
  }

  @Test
  void cancelsQueuedAndAuthorizedRmas() {
    assertEquals(RmaStatus.CANCELLED, queued().cancel(LATER).orElseThrow().status());
    Rma cancelled = authorized().cancel(LATER).orElseThrow();
    assertEquals(RmaStatus.CANCELLED, cancelled.status());
    assertEquals(LATER, cancelled.cancelledAt());
  }

  @Test
  void refusesToCancelOnceShippedClosedOrCancelled() {
    Rma shipped = authorized().ship(LATER).orElseThrow();
    assertEquals(Optional.empty(), shipped.cancel(LATER));
    assertEquals(Optional.empty(), shipped.deliverAndClose(LATER, LATER).get().cancel(LATER));
    assertEquals(Optional.empty(), authorized().cancel(LATER).get().cancel(LATER));
  }

  @Test
  void shipsOnlyAnAuthorizedRma() {
    Rma shipped = authorized().ship(LATER).orElseThrow();
    assertEquals(RmaStatus.SHIPPED, shipped.status());
    assertEquals(LATER, shipped.shippedAt());
    assertEquals(Optional.empty(), shipped.ship(LATER));
    assertEquals(Optional.empty(), queued().ship(LATER));
    assertEquals(Optional.empty(), queued().cancel(LATER).get().ship(LATER));
  }

  @Test
  void aShipmentThatLeftBeforeTheCancelReachedDispatchReinstatesTheCancelledRmaAsShipped() {
    Instant cancelledAt = LATER;
    Instant shippedAt = LATER.minusSeconds(30);
    Rma cancelled = authorized().cancel(cancelledAt).orElseThrow();
    assertTrue(cancelled.isReinstatable());

    Rma reinstated = cancelled.ship(shippedAt).orElseThrow();

    assertEquals(RmaStatus.SHIPPED, reinstated.status());
    assertEquals(shippedAt, reinstated.shippedAt());
    assertNull(reinstated.cancelledAt());
    assertEquals(REQUESTED, reinstated.authorizedAt());
    assertEquals(false, reinstated.isReinstatable());
    assertEquals(Optional.empty(), reinstated.ship(shippedAt));
  }

  @Test
  void aDeliveryReinstatesAndClosesACancelledRmaWhoseShippedEventIsMissing() {
    Instant delivered = Instant.parse("2026-05-12T01:00:00Z");
    Instant closed = Instant.parse("2026-05-12T01:00:02Z");

    Rma done = authorized().cancel(LATER).get().deliverAndClose(delivered, closed).orElseThrow();

    assertEquals(RmaStatus.CLOSED, done.status());
    assertEquals(delivered, done.shippedAt());
    assertEquals(closed, done.closedAt());
    assertNull(done.cancelledAt());
  }

  @Test
  void anRmaCancelledWhileQueuedNeverHadAShipmentAndIsNotReinstatable() {
    Rma cancelled = queued().cancel(LATER).orElseThrow();
    assertEquals(false, cancelled.isReinstatable());
    assertTrue(cancelled.deliverAndClose(LATER, LATER).isEmpty());
    assertEquals(false, authorized().isReinstatable());
  }

  @Test
  void deliveryClosesAShippedRma() {
    Instant delivered = Instant.parse("2026-05-12T01:00:00Z");
    Instant closed = Instant.parse("2026-05-12T01:00:02Z");
    Rma done = authorized().ship(LATER).get().deliverAndClose(delivered, closed).orElseThrow();
    assertEquals(RmaStatus.CLOSED, done.status());
    assertEquals(LATER, done.shippedAt());
    assertEquals(delivered, done.deliveredAt());
    assertEquals(closed, done.closedAt());
    assertEquals(Optional.empty(), done.deliverAndClose(delivered, closed));
  }

  @Test
  void deliveryOfAnAuthorizedRmaTakesTheDeliveryAsItsShipment() {
    Rma done = authorized().deliverAndClose(LATER, LATER).orElseThrow();
    assertEquals(RmaStatus.CLOSED, done.status());
    assertEquals(LATER, done.shippedAt());
  }

  @Test
  void deliveryChangesNothingForAClosedRma() {
    Rma closed = authorized().deliverAndClose(LATER, LATER).orElseThrow();
    assertTrue(closed.deliverAndClose(LATER, LATER).isEmpty());
  }

  @Test
  void acceptsWithoutIssueInstantWhileQueued() {
    Rma rma = queued();
    assertEquals(RmaStatus.QUEUED, rma.status());
    assertNull(rma.authorizedAt());
    assertEquals(OPENING, rma.issuesAt());
  }
}
