package com.acme.rma.monitor.domain;

import static com.acme.rma.monitor.domain.Moments.policy;
import static com.acme.rma.monitor.domain.Moments.tokyo;
import static com.acme.rma.monitor.domain.Moments.utc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.rma.calendar.sla.ServiceLevel;
import com.acme.rma.calendar.sla.Target;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** rules.md §5, §7: one clock per RMA, moved by time and by events. */
class SlaClockTest {

  private static final Instant AUTHORIZED = utc("2026-05-01T01:00:00Z");
  private static final Instant AT_RISK = utc("2026-05-01T04:00:00Z");
  private static final Instant DUE = utc("2026-05-01T05:00:00Z");
  private static final Duration MICRO = Duration.ofNanos(1000);

  private static SlaClock goldPlus() {
    return SlaClock.start("RMA-2026-000042", ServiceLevel.GOLD_PLUS, AUTHORIZED, policy());
  }

  private static SlaClock silver(Instant authorizedAt) {
    return SlaClock.start("RMA-2026-000044", ServiceLevel.SILVER, authorizedAt, policy());
  }

  private static List<SlaAlert.Kind> kinds(Transition t) {
    return t.alerts().stream().map(SlaAlert::kind).toList();
  }

  // ---------------------------------------------------------------- start and time

  @Test
  void aNewClockRunsFromTheAuthorizationWithItsLevelsTarget() {
    SlaClock clock = goldPlus();
    assertEquals(SlaState.RUNNING, clock.state());
    assertEquals(AUTHORIZED, clock.startedAt());
    assertEquals(DUE, clock.dueAt());
    assertEquals(AT_RISK, clock.atRiskAt());
    assertEquals(Target.DELIVERY, clock.target());
    assertEquals(Optional.of(AT_RISK), clock.nextMomentAt());
  }

  @Test
  void staysRunningUntilTheAtRiskMomentAndBecomesAtRiskExactlyThen() {
    Transition before = goldPlus().tick(AT_RISK.minus(MICRO));
    assertEquals(SlaState.RUNNING, before.clock().state());
    assertEquals(List.of(), before.alerts());

    Transition at = goldPlus().tick(AT_RISK);
    assertEquals(SlaState.AT_RISK, at.clock().state());
    assertEquals(List.of(SlaAlert.Kind.AT_RISK), kinds(at));
    SlaAlert alert = at.alerts().get(0);
    assertEquals(AT_RISK, alert.occurredAt());
    assertEquals(SlaState.AT_RISK, alert.state());
    assertEquals(Optional.of(DUE.plus(MICRO)), at.clock().nextMomentAt());
  }

  @Test
  void staysAtRiskThroughTheDeadlineItselfAndIsBreachedOnlyOnceItHasPassed() {
    SlaClock atRisk = goldPlus().tick(AT_RISK).clock();

    Transition at = atRisk.tick(DUE);
    assertEquals(SlaState.AT_RISK, at.clock().state());
    assertEquals(List.of(), at.alerts());

    Transition after = atRisk.tick(DUE.plus(MICRO));
    assertEquals(SlaState.BREACHED, after.clock().state());
    assertEquals(DUE, after.clock().breachedAt());
    assertEquals(List.of(SlaAlert.Kind.BREACHED), kinds(after));
    assertEquals(DUE, after.alerts().get(0).occurredAt());
    assertNull(after.alerts().get(0).lateBySeconds());
    assertEquals(Optional.empty(), after.clock().nextMomentAt());
  }

  @Test
  void theTimersMomentOfTheBreachIsTheFirstMicrosecondAfterTheDeadline() {
    SlaClock atRisk = goldPlus().tick(AT_RISK).clock();
    assertEquals(Optional.of(DUE.plus(MICRO)), atRisk.nextMomentAt());
  }

  @Test
  void aClockStartedExactlyAtItsDeadlineIsNotYetBreached() {
    Transition t = goldPlus().tick(DUE);
    assertEquals(SlaState.AT_RISK, t.clock().state());
    assertEquals(List.of(SlaAlert.Kind.AT_RISK), kinds(t));
  }

  @Test
  void anOverdueStartIsBreachedAtOnceWithOnlyTheBreachAlert() {
    Transition t = goldPlus().tick(DUE.plus(Duration.ofDays(30)));
    assertEquals(SlaState.BREACHED, t.clock().state());
    assertEquals(List.of(SlaAlert.Kind.BREACHED), kinds(t));
    assertEquals(DUE, t.alerts().get(0).occurredAt());
  }

  @Test
  void aStartPastItsAtRiskMomentButBeforeTheDeadlineIsAtRiskAtOnce() {
    Transition t = goldPlus().tick(AT_RISK.plus(Duration.ofMinutes(10)));
    assertEquals(SlaState.AT_RISK, t.clock().state());
    assertEquals(List.of(SlaAlert.Kind.AT_RISK), kinds(t));
    assertEquals(AT_RISK, t.alerts().get(0).occurredAt());
  }

  @Test
  void aBreachIsReportedOnceHoweverOftenTimeTicksAfterIt() {
    SlaClock breached = goldPlus().tick(DUE.plus(MICRO)).clock();
    assertEquals(List.of(), breached.tick(DUE.plusSeconds(1)).alerts());
    assertEquals(breached, breached.tick(DUE.plus(Duration.ofDays(3))).clock());
  }

  // ---------------------------------------------------------------- stops

  @Test
  void aDeliveryAtTheDeadlineIsMet() {
    Transition t = goldPlus().tick(AT_RISK).clock().apply(new SlaEvent.Delivered(DUE), policy());
    assertEquals(SlaState.MET, t.clock().state());
    assertEquals(DUE, t.clock().stoppedAt());
    assertNull(t.clock().lateBySeconds());
    assertEquals(List.of(SlaAlert.Kind.MET), kinds(t));
    SlaAlert met = t.alerts().get(0);
    assertEquals(DUE, met.occurredAt());
    assertEquals(SlaState.MET, met.state());
    assertNull(met.lateBySeconds());
    assertFalse(met.correctsBreach());
  }

  @Test
  void aDeliveryJustAfterTheDeadlineIsBreachedAndLateByAtLeastOneSecond() {
    SlaClock breached = goldPlus().tick(DUE.plus(MICRO)).clock();
    Transition t = breached.apply(new SlaEvent.Delivered(DUE.plus(MICRO)), policy());
    assertEquals(SlaState.BREACHED, t.clock().state());
    assertEquals(1L, t.clock().lateBySeconds());
    assertEquals(DUE.plus(MICRO), t.clock().stoppedAt());
  }

  @Test
  void aLateStopRecordsByHowMuchWithoutAnotherAlert() {
    SlaClock breached = goldPlus().tick(DUE.plusSeconds(1)).clock();
    Transition t = breached.apply(new SlaEvent.Delivered(DUE.plusSeconds(5400)), policy());
    assertEquals(SlaState.BREACHED, t.clock().state());
    assertEquals(DUE, t.clock().breachedAt());
    assertEquals(5400L, t.clock().lateBySeconds());
    assertEquals(List.of(), t.alerts());
    assertEquals(Optional.empty(), t.clock().nextMomentAt());
  }

  @Test
  void aLateStopHeardOfBeforeTheTimerFiredReportsTheBreachWithItsLateness() {
    Transition t = goldPlus().apply(new SlaEvent.Delivered(DUE.plusSeconds(90)), policy());
    assertEquals(SlaState.BREACHED, t.clock().state());
    assertEquals(List.of(SlaAlert.Kind.BREACHED), kinds(t));
    assertEquals(DUE, t.alerts().get(0).occurredAt());
    assertEquals(90L, t.alerts().get(0).lateBySeconds());
  }

  @Test
  void aStopThatHappenedInTimeButArrivedAfterTheBreachWasReportedIsMetAndCorrectsTheBreach() {
    SlaClock breached = goldPlus().tick(DUE.plusSeconds(2)).clock();
    Transition t = breached.apply(new SlaEvent.Delivered(DUE.minusSeconds(1)), policy());
    assertEquals(SlaState.MET, t.clock().state());
    assertNull(t.clock().breachedAt());
    assertNull(t.clock().lateBySeconds());
    assertEquals(List.of(SlaAlert.Kind.MET), kinds(t));
    assertTrue(t.alerts().get(0).correctsBreach());
    assertEquals(SlaState.MET, t.alerts().get(0).state());
  }

  @Test
  void aStopExactlyAtTheDeadlineArrivingAfterTheBreachWasReportedIsMetAndCorrectsTheBreach() {
    SlaClock breached = goldPlus().tick(DUE.plusSeconds(30)).clock();
    Transition t = breached.apply(new SlaEvent.Delivered(DUE), policy());
    assertEquals(SlaState.MET, t.clock().state());
    assertEquals(DUE, t.clock().stoppedAt());
    assertEquals(List.of(SlaAlert.Kind.MET), kinds(t));
    assertTrue(t.alerts().get(0).correctsBreach());
    assertEquals(DUE, t.alerts().get(0).occurredAt());
  }

  @Test
  void aStopJustAfterTheDeadlineArrivingAfterTheBreachKeepsItWithoutASecondBreach() {
    SlaClock breached = goldPlus().tick(DUE.plusSeconds(30)).clock();
    Transition t = breached.apply(new SlaEvent.Delivered(DUE.plus(MICRO)), policy());
    assertEquals(SlaState.BREACHED, t.clock().state());
    assertEquals(DUE, t.clock().breachedAt());
    assertEquals(1L, t.clock().lateBySeconds());
    assertEquals(List.of(), t.alerts());
  }

  @Test
  void aBreachFoundByALateStopThenCorrectedByAnEarlierOneIsMetAndSaysSo() {
    SlaClock late = goldPlus().apply(new SlaEvent.Closed(DUE.plusSeconds(600)), policy()).clock();
    assertEquals(SlaState.BREACHED, late.state());
    Transition t = late.apply(new SlaEvent.Delivered(DUE), policy());
    assertEquals(SlaState.MET, t.clock().state());
    assertEquals(List.of(SlaAlert.Kind.MET), kinds(t));
    assertTrue(t.alerts().get(0).correctsBreach());
  }

  @Test
  void onlyAMetAlertCanCorrectABreach() {
    Transition atRisk = goldPlus().tick(AT_RISK);
    Transition breach = atRisk.clock().tick(DUE.plus(MICRO));
    assertFalse(atRisk.alerts().get(0).correctsBreach());
    assertFalse(breach.alerts().get(0).correctsBreach());
  }

  @Test
  void aStopIsAppliedOnce() {
    SlaClock met = goldPlus().apply(new SlaEvent.Delivered(AT_RISK), policy()).clock();
    Transition again = met.apply(new SlaEvent.Delivered(AT_RISK.plusSeconds(60)), policy());
    assertEquals(met, again.clock());
    assertEquals(List.of(), again.alerts());
  }

  @Test
  void aDeliveryHeardOfAfterTheRmaClosedCountsWhenItHappenedFirst() {
    // the close (after the deadline) overtook the delivery (before it) on another topic
    SlaClock closedLate =
        goldPlus().apply(new SlaEvent.Closed(DUE.plusSeconds(600)), policy()).clock();
    assertEquals(SlaState.BREACHED, closedLate.state());
    Transition t = closedLate.apply(new SlaEvent.Delivered(DUE.minusSeconds(60)), policy());
    assertEquals(SlaState.MET, t.clock().state());
    assertEquals(DUE.minusSeconds(60), t.clock().stoppedAt());
    assertNull(t.clock().breachedAt());
    assertNull(t.clock().lateBySeconds());
    assertEquals(List.of(SlaAlert.Kind.MET), kinds(t));
  }

  @Test
  void anEarlierLateStopShortensTheLatenessWithoutAnotherAlert() {
    SlaClock closedLate =
        goldPlus().apply(new SlaEvent.Closed(DUE.plusSeconds(600)), policy()).clock();
    Transition t = closedLate.apply(new SlaEvent.Delivered(DUE.plusSeconds(120)), policy());
    assertEquals(SlaState.BREACHED, t.clock().state());
    assertEquals(120L, t.clock().lateBySeconds());
    assertEquals(List.of(), t.alerts());
  }

  @Test
  void anEarlierStopOfAMetClockOnlyMovesTheStopTime() {
    SlaClock closed = goldPlus().apply(new SlaEvent.Closed(AT_RISK), policy()).clock();
    Transition t = closed.apply(new SlaEvent.Delivered(AT_RISK.minusSeconds(60)), policy());
    assertEquals(SlaState.MET, t.clock().state());
    assertEquals(AT_RISK.minusSeconds(60), t.clock().stoppedAt());
    assertEquals(List.of(), t.alerts());
  }

  @Test
  void aShipmentDoesNotStopADeliveryClock() {
    Transition t = goldPlus().apply(new SlaEvent.Shipped(AT_RISK), policy());
    assertEquals(SlaState.RUNNING, t.clock().state());
    assertEquals(List.of(), t.alerts());
  }

  @Test
  void aShipmentStopsAShipmentClock() {
    SlaClock clock = silver(utc("2026-05-07T01:00:00Z"));
    Transition t = clock.apply(new SlaEvent.Shipped(utc("2026-05-08T02:15:00Z")), policy());
    assertEquals(SlaState.MET, t.clock().state());
    assertEquals(utc("2026-05-08T02:15:00Z"), t.alerts().get(0).occurredAt());
  }

  @Test
  void aDeliveryStopsAShipmentClockThatMissedItsShipment() {
    SlaClock clock = silver(utc("2026-05-07T01:00:00Z"));
    Transition t = clock.apply(new SlaEvent.Delivered(utc("2026-05-08T05:00:00Z")), policy());
    assertEquals(SlaState.MET, t.clock().state());
  }

  @Test
  void aClosedRmaStopsAClockStillRunningAsIfDeliveredThen() {
    Transition t = goldPlus().apply(new SlaEvent.Closed(DUE.plusSeconds(60)), policy());
    assertEquals(SlaState.BREACHED, t.clock().state());
    assertEquals(60L, t.clock().lateBySeconds());
  }

  // ---------------------------------------------------------------- export hold

  @Test
  void anExportHoldPausesTheClockAndTimeNoLongerMovesIt() {
    Transition held =
        goldPlus().apply(new SlaEvent.ExportHeld(AUTHORIZED.plusSeconds(5)), policy());
    assertEquals(SlaState.PAUSED, held.clock().state());
    assertEquals(AUTHORIZED.plusSeconds(5), held.clock().pausedAt());
    assertEquals(Optional.empty(), held.clock().nextMomentAt());
    Transition muchLater = held.clock().tick(DUE.plus(Duration.ofDays(10)));
    assertEquals(SlaState.PAUSED, muchLater.clock().state());
    assertEquals(List.of(), muchLater.alerts());
  }

  @Test
  void anExportHoldFromTheAuthorizationItselfPausesTheClockAtItsStart() {
    Transition held = goldPlus().apply(new SlaEvent.ExportHeld(AUTHORIZED), policy());
    assertEquals(SlaState.PAUSED, held.clock().state());
    assertEquals(AUTHORIZED, held.clock().pausedAt());
    assertEquals(List.of(), held.alerts());
    assertEquals(List.of(), held.clock().tick(DUE.plus(Duration.ofDays(2))).alerts());

    Instant cleared = utc("2026-05-02T03:00:00Z");
    SlaClock resumed = held.clock().apply(new SlaEvent.ExportCleared(cleared), policy()).clock();
    assertEquals(SlaState.RUNNING, resumed.state());
    assertEquals(cleared, resumed.startedAt());
    assertEquals(cleared.plus(Duration.ofHours(4)), resumed.dueAt());
  }

  @Test
  void aHoldFromTheAuthorizationHeardOfOnlyAfterTheDeadlineStillPausesAndCorrectsNothing() {
    SlaClock breached = goldPlus().tick(DUE.plusSeconds(10)).clock();
    Transition held = breached.apply(new SlaEvent.ExportHeld(AUTHORIZED), policy());
    assertEquals(SlaState.PAUSED, held.clock().state());
    assertEquals(AUTHORIZED, held.clock().pausedAt());
    assertNull(held.clock().breachedAt());
  }

  @Test
  void aHoldExactlyAtTheDeadlinePauses() {
    SlaClock atRisk = goldPlus().tick(AT_RISK).clock();
    Transition held = atRisk.apply(new SlaEvent.ExportHeld(DUE), policy());
    assertEquals(SlaState.PAUSED, held.clock().state());
    assertEquals(List.of(), held.alerts());
  }

  @Test
  void anAtRiskClockPausesToo() {
    SlaClock atRisk = goldPlus().tick(AT_RISK).clock();
    assertEquals(
        SlaState.PAUSED,
        atRisk.apply(new SlaEvent.ExportHeld(AT_RISK.plusSeconds(1)), policy()).clock().state());
  }

  @Test
  void clearanceRestartsTheClockWithItsFullTargetFromTheClearance() {
    SlaClock held = goldPlus().apply(new SlaEvent.ExportHeld(AUTHORIZED), policy()).clock();
    Instant cleared = utc("2026-05-03T10:00:00Z");
    Transition t = held.apply(new SlaEvent.ExportCleared(cleared), policy());
    SlaClock resumed = t.clock();
    assertEquals(SlaState.RUNNING, resumed.state());
    assertEquals(cleared, resumed.startedAt());
    assertEquals(cleared.plus(Duration.ofHours(4)), resumed.dueAt());
    assertEquals(cleared.plus(Duration.ofHours(3)), resumed.atRiskAt());
    assertNull(resumed.pausedAt());
    assertEquals(List.of(), t.alerts());
  }

  @Test
  void clearanceOfABusinessDayClockRestartsTheBusinessDayCount() {
    SlaClock held =
        silver(tokyo("2026-05-07T10:00"))
            .apply(new SlaEvent.ExportHeld(tokyo("2026-05-07T10:05")), policy())
            .clock();
    SlaClock resumed =
        held.apply(new SlaEvent.ExportCleared(tokyo("2026-05-12T16:00")), policy()).clock();
    assertEquals(tokyo("2026-05-12T16:00"), resumed.startedAt());
    assertEquals(tokyo("2026-05-13T17:30"), resumed.dueAt());
  }

  @Test
  void theRestartedClockBecomesAtRiskAndBreachesOnItsNewMoments() {
    SlaClock atRisk = goldPlus().tick(AT_RISK).clock();
    SlaClock held = atRisk.apply(new SlaEvent.ExportHeld(AT_RISK), policy()).clock();
    Instant cleared = utc("2026-05-02T00:00:00Z");
    SlaClock resumed = held.apply(new SlaEvent.ExportCleared(cleared), policy()).clock();
    assertEquals(List.of(), resumed.tick(cleared.plus(Duration.ofMinutes(179))).alerts());
    Transition again = resumed.tick(cleared.plus(Duration.ofHours(3)));
    assertEquals(List.of(SlaAlert.Kind.AT_RISK), kinds(again));
    assertEquals(
        List.of(SlaAlert.Kind.BREACHED),
        kinds(again.clock().tick(cleared.plus(Duration.ofHours(4)).plus(MICRO))));
  }

  @Test
  void aHoldThatBeganAfterTheDeadlineDoesNotUndoTheBreach() {
    Transition t = goldPlus().apply(new SlaEvent.ExportHeld(DUE.plusSeconds(1)), policy());
    assertEquals(SlaState.BREACHED, t.clock().state());
    assertEquals(List.of(SlaAlert.Kind.BREACHED), kinds(t));
  }

  @Test
  void aClearanceWithoutAHoldChangesNothing() {
    SlaClock clock = goldPlus();
    assertEquals(clock, clock.apply(new SlaEvent.ExportCleared(AT_RISK), policy()).clock());
  }

  @Test
  void aShipmentWhileOnHoldIsMet() {
    SlaClock held =
        silver(tokyo("2026-05-07T10:00"))
            .apply(new SlaEvent.ExportHeld(tokyo("2026-05-07T10:05")), policy())
            .clock();
    Transition t = held.apply(new SlaEvent.Shipped(tokyo("2026-05-20T10:00")), policy());
    assertEquals(SlaState.MET, t.clock().state());
    assertEquals(List.of(SlaAlert.Kind.MET), kinds(t));
  }

  @Test
  void anEarlierStopStillOnHoldRemainsMet() {
    SlaClock held = goldPlus().apply(new SlaEvent.ExportHeld(AUTHORIZED), policy()).clock();
    SlaClock met = held.apply(new SlaEvent.Closed(DUE.plusSeconds(900)), policy()).clock();
    assertEquals(SlaState.MET, met.state());
    assertEquals(AUTHORIZED, met.pausedAt());
    Transition t = met.apply(new SlaEvent.Delivered(DUE.plusSeconds(300)), policy());
    assertEquals(SlaState.MET, t.clock().state());
    assertEquals(DUE.plusSeconds(300), t.clock().stoppedAt());
    assertEquals(List.of(), t.alerts());
  }

  // ---------------------------------------------------------------- cancel

  @Test
  void cancellationEndsTheClockWithoutAnAlert() {
    Transition t =
        goldPlus().tick(AT_RISK).clock().apply(new SlaEvent.Cancelled(AT_RISK), policy());
    assertEquals(SlaState.CANCELLED, t.clock().state());
    assertEquals(AT_RISK, t.clock().stoppedAt());
    assertEquals(List.of(), t.alerts());
    assertEquals(Optional.empty(), t.clock().nextMomentAt());
    assertEquals(List.of(), t.clock().tick(DUE.plusSeconds(1)).alerts());
  }

  @Test
  void cancellingABreachedClockKeepsTheRecordOfTheBreach() {
    SlaClock breached = goldPlus().tick(DUE.plus(MICRO)).clock();
    Transition t = breached.apply(new SlaEvent.Cancelled(DUE.plusSeconds(30)), policy());
    assertEquals(SlaState.CANCELLED, t.clock().state());
    assertEquals(DUE, t.clock().breachedAt());
    assertEquals(List.of(), t.alerts());
  }

  @Test
  void cancellingAMetClockChangesNothing() {
    SlaClock met = goldPlus().apply(new SlaEvent.Delivered(AT_RISK), policy()).clock();
    assertEquals(met, met.apply(new SlaEvent.Cancelled(DUE), policy()).clock());
  }

  @Test
  void aPausedClockCanBeCancelled() {
    SlaClock held = goldPlus().apply(new SlaEvent.ExportHeld(AUTHORIZED), policy()).clock();
    assertEquals(
        SlaState.CANCELLED, held.apply(new SlaEvent.Cancelled(AT_RISK), policy()).clock().state());
  }

  // ---------------------------------------------------------------- reinstate

  private static SlaClock cancelledAt(SlaClock clock, Instant at) {
    return clock.apply(new SlaEvent.Cancelled(at), policy()).clock();
  }

  @Test
  void aClockCancelledBeforeItsAtRiskMomentIsReinstatedRunningByItsOriginalDeadline() {
    Transition t = cancelledAt(goldPlus(), AT_RISK.minusSeconds(600)).reinstate();

    assertEquals(SlaState.RUNNING, t.clock().state());
    assertEquals(goldPlus(), t.clock());
    assertEquals(List.of(), t.alerts());
    assertEquals(Optional.of(AT_RISK), t.clock().nextMomentAt());
  }

  @Test
  void aReinstatedClockRaisesWhatFellDueWhileItWasCancelledOnTheNextTick() {
    SlaClock reinstated = cancelledAt(goldPlus(), AT_RISK.minusSeconds(600)).reinstate().clock();

    assertEquals(List.of(SlaAlert.Kind.AT_RISK), kinds(reinstated.tick(AT_RISK.plusSeconds(1))));
    assertEquals(List.of(SlaAlert.Kind.BREACHED), kinds(reinstated.tick(DUE.plusSeconds(1))));
  }

  @Test
  void aClockCancelledAfterItsAtRiskMomentIsReinstatedAtRiskWithoutRepeatingTheWarning() {
    SlaClock atRisk = goldPlus().tick(AT_RISK).clock();
    Transition t = cancelledAt(atRisk, AT_RISK.plusSeconds(60)).reinstate();

    assertEquals(atRisk, t.clock());
    assertEquals(List.of(), t.alerts());
    assertEquals(List.of(), t.clock().tick(AT_RISK.plusSeconds(120)).alerts());
  }

  @Test
  void aClockCancelledAfterItsBreachIsReinstatedBreachedAndAwaitsItsLateStopWithoutANewAlert() {
    SlaClock breached = goldPlus().tick(DUE.plus(MICRO)).clock();
    Transition t = cancelledAt(breached, DUE.plusSeconds(30)).reinstate();

    assertEquals(breached, t.clock());
    assertEquals(List.of(), t.alerts());
    assertTrue(t.clock().isOpen());
    Transition late = t.clock().apply(new SlaEvent.Delivered(DUE.plusSeconds(90)), policy());
    assertEquals(SlaState.BREACHED, late.clock().state());
    assertEquals(90L, late.clock().lateBySeconds());
    assertEquals(List.of(), late.alerts());
  }

  @Test
  void aClockCancelledOnExportHoldIsReinstatedOnHold() {
    SlaClock held = goldPlus().apply(new SlaEvent.ExportHeld(AUTHORIZED), policy()).clock();

    assertEquals(held, cancelledAt(held, AT_RISK).reinstate().clock());
  }

  @Test
  void aStopHeardAfterTheReinstatementEndsTheClockNormally() {
    SlaClock reinstated = cancelledAt(goldPlus(), AT_RISK.minusSeconds(600)).reinstate().clock();

    Transition t = reinstated.apply(new SlaEvent.Delivered(AT_RISK.plusSeconds(5)), policy());

    assertEquals(SlaState.MET, t.clock().state());
    assertEquals(List.of(SlaAlert.Kind.MET), kinds(t));
  }

  @Test
  void reinstatingAClockThatIsNotCancelledChangesNothing() {
    SlaClock running = goldPlus();
    SlaClock met = goldPlus().apply(new SlaEvent.Delivered(AT_RISK), policy()).clock();

    assertEquals(running, running.reinstate().clock());
    assertEquals(met, met.reinstate().clock());
    assertEquals(List.of(), met.reinstate().alerts());
  }

  @Test
  void everyAlertDescribesTheClockPeriodItBelongsTo() {
    Transition t = goldPlus().tick(AT_RISK);
    SlaAlert alert = t.alerts().get(0);
    assertEquals("RMA-2026-000042", alert.rmaNumber());
    assertEquals(ServiceLevel.GOLD_PLUS, alert.serviceLevel());
    assertEquals(Target.DELIVERY, alert.target());
    assertEquals(AUTHORIZED, alert.startedAt());
    assertEquals(DUE, alert.dueAt());
    assertTrue(t.clock().isOpen());
  }
}
