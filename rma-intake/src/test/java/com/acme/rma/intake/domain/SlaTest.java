package com.acme.rma.intake.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.rma.calendar.CalendarRegistry;
import com.acme.rma.calendar.sla.ServiceLevel;
import com.acme.rma.calendar.sla.SlaPolicy;
import com.acme.rma.calendar.sla.Target;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The RMA's SLA: from the shared terms at acceptance (their rules are tested in business-calendar's
 * {@code SlaPolicyTest}), then as sla-monitor announces it.
 */
class SlaTest {

  private static final CalendarRegistry CALENDARS = CalendarRegistry.fromClasspath();
  private static final SlaPolicy POLICY =
      new SlaPolicy(CALENDARS.get("JP").orElseThrow(), CALENDARS.get("24x7").orElseThrow());

  private static final Instant DUE = Instant.parse("2026-05-07T08:30:00Z");
  private static final Instant HELD = Instant.parse("2026-05-01T02:00:05Z");
  private static final Instant CLEARED = Instant.parse("2026-05-02T09:00:05Z");
  private static final Instant MOVED = Instant.parse("2026-05-07T08:30:00Z");
  private static final Duration MICRO = Duration.ofNanos(1000);

  @Test
  void takesTargetAndDeadlineFromTheSharedTerms() {
    // issued Fri 1 May 10:00 JST; 2-6 May are a weekend and holidays
    Sla sla = Sla.of(POLICY.termsFor(ServiceLevel.GOLD, Instant.parse("2026-05-01T01:00:00Z")));
    assertEquals(new Sla(Target.SHIPMENT, DUE), sla);
    assertFalse(sla.paused());
    assertNull(sla.changedAt());
    assertEquals(
        new Sla(Target.DELIVERY, Instant.parse("2026-05-02T19:00:00Z")),
        Sla.of(POLICY.termsFor(ServiceLevel.GOLD_PLUS, Instant.parse("2026-05-02T15:00:00Z"))));
  }

  @Test
  void theMonitorsHoldLeavesNoDeadlineAndItsClearanceTheMovedOne() {
    Sla paused = new Sla(Target.SHIPMENT, DUE).changed(null, HELD).orElseThrow();
    assertTrue(paused.paused());
    assertNull(paused.dueAt());
    assertEquals(HELD, paused.changedAt());

    Sla restarted = paused.changed(MOVED, CLEARED).orElseThrow();
    assertFalse(restarted.paused());
    assertEquals(MOVED, restarted.dueAt());
    assertEquals(CLEARED, restarted.changedAt());
  }

  @Test
  void anAnnouncementOlderThanTheOneAppliedLastIsStaleOneOfTheSameMomentOrLaterApplies() {
    Sla restarted = new Sla(Target.SHIPMENT, MOVED, CLEARED);
    assertEquals(Optional.empty(), restarted.changed(null, CLEARED.minus(MICRO)));
    assertEquals(
        Optional.of(new Sla(Target.SHIPMENT, null, CLEARED)), restarted.changed(null, CLEARED));
    assertEquals(
        Optional.of(new Sla(Target.SHIPMENT, null, CLEARED.plus(MICRO))),
        restarted.changed(null, CLEARED.plus(MICRO)));
  }

  @Test
  void theFirstAnnouncementAppliesWhateverItsMoment() {
    Sla computed = new Sla(Target.SHIPMENT, DUE);
    assertTrue(computed.changed(null, Instant.parse("2000-01-01T00:00:00Z")).isPresent());
  }

  @Test
  void onlyTheMonitorPausesADeadline() {
    assertThrows(NullPointerException.class, () -> new Sla(Target.SHIPMENT, null));
    assertThrows(IllegalArgumentException.class, () -> new Sla(Target.SHIPMENT, null, null));
  }
}
