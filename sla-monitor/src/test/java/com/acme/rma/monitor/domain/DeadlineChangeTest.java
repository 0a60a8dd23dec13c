package com.acme.rma.monitor.domain;

import static com.acme.rma.monitor.domain.Moments.policy;
import static com.acme.rma.monitor.domain.Moments.utc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.rma.calendar.sla.ServiceLevel;
import com.acme.rma.calendar.sla.Target;
import com.acme.rma.monitor.domain.DeadlineChange.Reason;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which changes of a clock are announced as {@code sla.deadline-changed.v1}, and with what. */
class DeadlineChangeTest {

  private static final String RMA = "RMA-2026-000042";
  private static final Instant AUTHORIZED = utc("2026-05-01T01:00:00Z");
  private static final Instant DUE = utc("2026-05-01T05:00:00Z");
  private static final Instant HELD = utc("2026-05-01T02:00:00Z");
  private static final Instant CLEARED = utc("2026-05-02T09:00:00Z");
  private static final Instant NOW = utc("2026-05-02T09:00:05Z");
  private static final Duration MICRO = Duration.ofNanos(1000);

  private static SlaClock goldPlus() {
    return SlaClock.start(RMA, ServiceLevel.GOLD_PLUS, AUTHORIZED, policy());
  }

  private static SlaClock after(SlaClock clock, SlaEvent event) {
    return clock.apply(event, policy()).clock();
  }

  @Test
  void anExportHoldAnnouncesThatThereIsNoDeadlineWhileTheClockIsPaused() {
    SlaClock running = goldPlus();
    SlaClock paused = after(running, new SlaEvent.ExportHeld(HELD));

    DeadlineChange change =
        DeadlineChange.between(running, paused, Reason.EXPORT_HOLD, NOW).orElseThrow();

    assertEquals(RMA, change.rmaNumber());
    assertEquals(ServiceLevel.GOLD_PLUS, change.serviceLevel());
    assertEquals(Target.DELIVERY, change.target());
    assertEquals("24x7", change.calendarId());
    assertEquals(AUTHORIZED, change.startedAt());
    assertNull(change.dueAt());
    assertEquals(DUE, change.previousDueAt());
    assertEquals(SlaState.PAUSED, change.state());
    assertEquals(HELD, change.pausedAt());
    assertEquals(Reason.EXPORT_HOLD, change.reason());
    assertEquals(NOW, change.occurredAt());
  }

  @Test
  void theClearanceAnnouncesTheDeadlineMovedToTheFullTargetFromIt() {
    SlaClock paused = after(goldPlus(), new SlaEvent.ExportHeld(HELD));
    SlaClock restarted = after(paused, new SlaEvent.ExportCleared(CLEARED));

    DeadlineChange change =
        DeadlineChange.between(paused, restarted, Reason.EXPORT_CLEARED, NOW).orElseThrow();

    assertEquals(CLEARED.plus(Duration.ofHours(4)), change.dueAt());
    assertNull(change.previousDueAt());
    assertEquals(CLEARED, change.startedAt());
    assertEquals(SlaState.RUNNING, change.state());
    assertNull(change.pausedAt());
  }

  @Test
  void aHoldJustBeforeTheDeadlineIsAnnouncedAndOneJustAfterItIsNot() {
    SlaClock atRisk = goldPlus().tick(DUE.minus(Duration.ofMinutes(30))).clock();

    SlaClock heldInTime = after(atRisk, new SlaEvent.ExportHeld(DUE.minus(MICRO)));
    assertTrue(DeadlineChange.between(atRisk, heldInTime, Reason.EXPORT_HOLD, NOW).isPresent());

    SlaClock heldTooLate = after(atRisk, new SlaEvent.ExportHeld(DUE.plus(MICRO)));
    assertEquals(SlaState.BREACHED, heldTooLate.state());
    assertEquals(
        Optional.empty(), DeadlineChange.between(atRisk, heldTooLate, Reason.EXPORT_HOLD, NOW));
  }

  @Test
  void timePassingAndStopsDoNotChangeTheDeadline() {
    SlaClock running = goldPlus();
    SlaClock atRisk = running.tick(DUE.minus(Duration.ofMinutes(30))).clock();
    assertEquals(
        Optional.empty(), DeadlineChange.between(running, atRisk, Reason.CALENDAR_CHANGED, NOW));

    SlaClock met = after(running, new SlaEvent.Delivered(HELD));
    assertEquals(Optional.empty(), DeadlineChange.between(running, met, Reason.EXPORT_HOLD, NOW));

    // stopped while on hold: MET, its old deadline is not announced again
    SlaClock paused = after(running, new SlaEvent.ExportHeld(HELD));
    SlaClock metOnHold = after(paused, new SlaEvent.Delivered(CLEARED));
    assertEquals(SlaState.MET, metOnHold.state());
    assertEquals(
        Optional.empty(), DeadlineChange.between(paused, metOnHold, Reason.EXPORT_CLEARED, NOW));
  }

  @Test
  void aCancellationIsNotAnnouncedAndAReinstatementOnlyWhenItChangesTheDeadline() {
    SlaClock running = goldPlus();
    SlaClock cancelled = after(running, new SlaEvent.Cancelled(HELD));
    assertEquals(
        Optional.empty(), DeadlineChange.between(running, cancelled, Reason.REINSTATED, NOW));

    // back as it was: the readers' deadline never changed
    SlaClock reinstated = cancelled.reinstate().clock();
    assertEquals(SlaState.RUNNING, reinstated.state());
    assertEquals(
        Optional.empty(), DeadlineChange.between(cancelled, reinstated, Reason.REINSTATED, NOW));

    // a hold heard while cancelled applies after the reinstatement: paused, announced
    SlaClock reinstatedOnHold = after(reinstated, new SlaEvent.ExportHeld(HELD.plusSeconds(60)));
    DeadlineChange change =
        DeadlineChange.between(cancelled, reinstatedOnHold, Reason.REINSTATED, NOW).orElseThrow();
    assertNull(change.dueAt());
    assertEquals(DUE, change.previousDueAt());

    // cancelled while on hold and reinstated on hold: still no deadline, nothing to announce
    SlaClock paused = after(running, new SlaEvent.ExportHeld(HELD));
    SlaClock cancelledOnHold = after(paused, new SlaEvent.Cancelled(HELD.plusSeconds(60)));
    assertNull(DeadlineChange.announcedDue(cancelledOnHold));
    assertEquals(
        Optional.empty(),
        DeadlineChange.between(
            cancelledOnHold, cancelledOnHold.reinstate().clock(), Reason.REINSTATED, NOW));
  }

  @Test
  void onlyExportEventsAreReasonsOfTheirOwn() {
    assertEquals(
        Optional.of(Reason.EXPORT_HOLD), DeadlineChange.reasonOf(new SlaEvent.ExportHeld(HELD)));
    assertEquals(
        Optional.of(Reason.EXPORT_CLEARED),
        DeadlineChange.reasonOf(new SlaEvent.ExportCleared(HELD)));
    assertEquals(Optional.empty(), DeadlineChange.reasonOf(new SlaEvent.Shipped(HELD)));
    assertEquals(Optional.empty(), DeadlineChange.reasonOf(new SlaEvent.Cancelled(HELD)));
  }

  @Test
  void comparesOnlyTheClocksOfOneRma() {
    SlaClock other = SlaClock.start("RMA-2026-000043", ServiceLevel.GOLD, AUTHORIZED, policy());
    assertThrows(
        IllegalArgumentException.class,
        () -> DeadlineChange.between(goldPlus(), other, Reason.EXPORT_HOLD, NOW));
  }
}
