package com.acme.rma.monitor.domain;

import static com.acme.rma.monitor.domain.Moments.CALENDARS;
import static com.acme.rma.monitor.domain.Moments.tokyo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.rma.calendar.BusinessCalendar;
import com.acme.rma.calendar.CalendarChanges;
import com.acme.rma.calendar.DatedClosure;
import com.acme.rma.calendar.sla.ServiceLevel;
import com.acme.rma.calendar.sla.SlaPolicy;
import com.acme.rma.calendar.sla.SlaTerms;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * SLA repair (rules.md: calendar changes repair running clocks; verdicts stay unless ops ask). A
 * GOLD RMA issued Tuesday 1 December 2026 10:00 Tokyo is due Wednesday 17:30, at risk Wednesday
 * 13:37:30 (75 % of 15.5 business hours); with Wednesday closed, Thursday at the same times.
 */
class SlaClockRepairTest {

  private static final Instant ISSUED = tokyo("2026-12-01T10:00");
  private static final SlaPolicy SHIPPED = Moments.policy();
  private static final SlaPolicy WEDNESDAY_CLOSED = SHIPPED.with(closed(LocalDate.of(2026, 12, 2)));

  private static BusinessCalendar closed(LocalDate day) {
    return new CalendarChanges("JP", 1, List.of(DatedClosure.day(day, "Typhoon")))
        .applyTo(CALENDARS.get("JP").orElseThrow());
  }

  private static SlaClock clockOn(SlaPolicy policy) {
    return SlaClock.start("RMA-2026-000050", ServiceLevel.GOLD, ISSUED, policy);
  }

  private static SlaTerms termsOn(SlaPolicy policy) {
    return policy.termsFor(ServiceLevel.GOLD, ISSUED);
  }

  @Test
  void theTermsOfTheExample() {
    assertEquals(tokyo("2026-12-02T17:30"), termsOn(SHIPPED).dueAt());
    assertEquals(tokyo("2026-12-02T13:37:30"), termsOn(SHIPPED).atRiskAt());
    assertEquals(tokyo("2026-12-03T17:30"), termsOn(WEDNESDAY_CLOSED).dueAt());
    assertEquals(tokyo("2026-12-03T13:37:30"), termsOn(WEDNESDAY_CLOSED).atRiskAt());
  }

  // ---------------------------------------------------------------- running clocks move

  @Test
  void aClosureMovesARunningClocksDeadlineAndAnnouncesItOnce() {
    SlaClock before = clockOn(SHIPPED);
    Instant now = tokyo("2026-12-01T12:00");
    Transition t = before.repair(termsOn(WEDNESDAY_CLOSED), now);
    assertEquals(SlaState.RUNNING, t.clock().state());
    assertEquals(tokyo("2026-12-03T17:30"), t.clock().dueAt());
    assertEquals(tokyo("2026-12-03T13:37:30"), t.clock().atRiskAt());
    assertEquals(List.of(), t.alerts());
    DeadlineChange change =
        DeadlineChange.between(before, t.clock(), DeadlineChange.Reason.CALENDAR_CHANGED, now)
            .orElseThrow();
    assertEquals(tokyo("2026-12-02T17:30"), change.previousDueAt());
    assertEquals(tokyo("2026-12-03T17:30"), change.dueAt());
    // repeated (redelivery, a second pass): nothing moves, nothing is announced
    Transition again = t.clock().repair(termsOn(WEDNESDAY_CLOSED), now);
    assertSame(t.clock(), again.clock());
    assertTrue(
        DeadlineChange.between(
                t.clock(), again.clock(), DeadlineChange.Reason.CALENDAR_CHANGED, now)
            .isEmpty());
  }

  @Test
  void anAtRiskClockWhoseNewAtRiskMomentIsAheadRunsAgainAndOneWhoseMomentPassedStaysAtRisk() {
    SlaClock atRisk = clockOn(SHIPPED).tick(tokyo("2026-12-02T14:00")).clock();
    assertEquals(SlaState.AT_RISK, atRisk.state());
    Transition ahead = atRisk.repair(termsOn(WEDNESDAY_CLOSED), tokyo("2026-12-03T13:37:29"));
    assertEquals(SlaState.RUNNING, ahead.clock().state());
    assertEquals(List.of(), ahead.alerts());
    Transition reached = atRisk.repair(termsOn(WEDNESDAY_CLOSED), tokyo("2026-12-03T13:37:30"));
    assertEquals(SlaState.AT_RISK, reached.clock().state());
    assertEquals(List.of(), reached.alerts(), "its warning was given");
  }

  @Test
  void reopeningMovesTheDeadlineBackAndTimeCatchesUpWithItsAlerts() {
    SlaClock onClosedCalendar = clockOn(WEDNESDAY_CLOSED);
    Transition before =
        onClosedCalendar.repair(termsOn(SHIPPED), tokyo("2026-12-02T13:37:29.999999"));
    assertEquals(SlaState.RUNNING, before.clock().state());
    assertEquals(tokyo("2026-12-02T17:30"), before.clock().dueAt());
    assertEquals(List.of(), before.alerts());

    Transition atRisk = onClosedCalendar.repair(termsOn(SHIPPED), tokyo("2026-12-02T13:37:30"));
    assertEquals(SlaState.AT_RISK, atRisk.clock().state());
    assertEquals(SlaAlert.Kind.AT_RISK, atRisk.alerts().get(0).kind());
    assertEquals(tokyo("2026-12-02T13:37:30"), atRisk.alerts().get(0).occurredAt());

    Transition atTheDeadline = onClosedCalendar.repair(termsOn(SHIPPED), tokyo("2026-12-02T17:30"));
    assertEquals(SlaState.AT_RISK, atTheDeadline.clock().state(), "the deadline is still in time");

    Transition late =
        onClosedCalendar.repair(termsOn(SHIPPED), tokyo("2026-12-02T17:30:00.000001"));
    assertEquals(SlaState.BREACHED, late.clock().state());
    assertEquals(
        List.of(SlaAlert.Kind.BREACHED), late.alerts().stream().map(SlaAlert::kind).toList());
  }

  @Test
  void pausedStoppedAndCancelledClocksAreNotRepaired() {
    SlaClock running = clockOn(SHIPPED);
    SlaClock paused =
        running.apply(new SlaEvent.ExportHeld(tokyo("2026-12-01T11:00")), SHIPPED).clock();
    SlaClock met = running.apply(new SlaEvent.Shipped(tokyo("2026-12-01T15:00")), SHIPPED).clock();
    SlaClock cancelled =
        running.apply(new SlaEvent.Cancelled(tokyo("2026-12-01T15:00")), SHIPPED).clock();
    SlaClock breached = running.tick(tokyo("2026-12-02T18:00")).clock();
    Instant now = tokyo("2026-12-02T18:00");
    for (SlaClock c : List.of(paused, met, cancelled, breached)) {
      assertSame(c, c.repair(termsOn(WEDNESDAY_CLOSED), now).clock(), c.state().name());
    }
  }

  // ---------------------------------------------------------------- re-judging finished clocks

  @Test
  void reJudgingAMetClockStoppedAfterTheNewDeadlineBreachesItOnce() {
    SlaClock met =
        clockOn(WEDNESDAY_CLOSED)
            .apply(new SlaEvent.Shipped(tokyo("2026-12-03T12:00")), WEDNESDAY_CLOSED)
            .clock();
    assertEquals(SlaState.MET, met.state());
    Transition t = met.rejudge(termsOn(SHIPPED));
    assertEquals(SlaState.BREACHED, t.clock().state());
    assertEquals(tokyo("2026-12-02T17:30"), t.clock().breachedAt());
    assertEquals(18 * 3600 + 30 * 60, t.clock().lateBySeconds());
    assertEquals(SlaAlert.Kind.BREACHED, t.alerts().get(0).kind());
    assertEquals(1, t.alerts().size());
    assertEquals(List.of(), t.clock().rejudge(termsOn(SHIPPED)).alerts(), "once");
  }

  @Test
  void reJudgingAMetClockStoppedAtTheNewDeadlineKeepsItMet() {
    SlaClock met =
        clockOn(WEDNESDAY_CLOSED)
            .apply(new SlaEvent.Shipped(tokyo("2026-12-02T17:30")), WEDNESDAY_CLOSED)
            .clock();
    Transition t = met.rejudge(termsOn(SHIPPED));
    assertEquals(SlaState.MET, t.clock().state());
    assertEquals(tokyo("2026-12-02T17:30"), t.clock().dueAt());
    assertEquals(List.of(), t.alerts());
  }

  @Test
  void reJudgingABreachedClockStoppedBeforeTheNewDeadlineMeetsItCorrectingTheBreach() {
    SlaClock breached =
        clockOn(SHIPPED).apply(new SlaEvent.Shipped(tokyo("2026-12-03T12:00")), SHIPPED).clock();
    assertEquals(SlaState.BREACHED, breached.state());
    Transition t = breached.rejudge(termsOn(WEDNESDAY_CLOSED));
    assertEquals(SlaState.MET, t.clock().state());
    assertNull(t.clock().breachedAt());
    assertNull(t.clock().lateBySeconds());
    assertEquals(SlaAlert.Kind.MET, t.alerts().get(0).kind());
    assertTrue(t.alerts().get(0).correctsBreach());
    assertEquals(List.of(), t.clock().rejudge(termsOn(WEDNESDAY_CLOSED)).alerts(), "once");
  }

  @Test
  void openAndCancelledClocksAreNotReJudged() {
    SlaClock running = clockOn(SHIPPED);
    SlaClock cancelled =
        running.apply(new SlaEvent.Cancelled(tokyo("2026-12-01T15:00")), SHIPPED).clock();
    SlaClock breachedOpen = running.tick(tokyo("2026-12-02T18:00")).clock();
    for (SlaClock c : List.of(running, cancelled, breachedOpen)) {
      assertSame(c, c.rejudge(termsOn(WEDNESDAY_CLOSED)).clock(), c.state().name());
    }
  }
}
