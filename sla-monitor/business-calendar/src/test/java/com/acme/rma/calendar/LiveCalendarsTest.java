package com.acme.rma.calendar;

import static com.acme.rma.calendar.Fixtures.tokyo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.rma.calendar.sla.ServiceLevel;
import com.acme.rma.calendar.sla.SlaPolicy;
import com.acme.rma.calendar.sla.SlaSettings;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Ops' closures on top of the shipped calendars: one overlay, newest version wins. */
class LiveCalendarsTest {

  // Tuesday 1 December 2026, 10:00 Tokyo: the next business day is Wednesday the 2nd
  private static final Instant TUESDAY = tokyo("2026-12-01T10:00");
  private static final LocalDate WEDNESDAY = LocalDate.of(2026, 12, 2);

  private static CalendarChanges closed(long version, DatedClosure... closures) {
    return new CalendarChanges("JP", version, List.of(closures));
  }

  @Test
  void aClosedDayIsNoBusinessDayAndIsListedWithItsReason() {
    BusinessCalendar jp = closed(1, DatedClosure.day(WEDNESDAY, "Typhoon")).applyTo(Fixtures.jp());
    assertFalse(jp.isBusinessDay(WEDNESDAY));
    assertTrue(jp.isBusinessDay(WEDNESDAY.minusDays(1)));
    assertTrue(jp.isBusinessDay(WEDNESDAY.plusDays(1)));
    assertEquals(
        new ClosedDay(WEDNESDAY, "Typhoon", ClosedDay.Kind.CLOSURE),
        jp.closedDays(2026).stream().filter(d -> d.date().equals(WEDNESDAY)).findFirst().get());
  }

  @Test
  void aRangeClosesEachOfItsDaysAndNoneOutside() {
    DatedClosure range = new DatedClosure(WEDNESDAY, WEDNESDAY.plusDays(1), "Office move");
    BusinessCalendar jp = closed(1, range).applyTo(Fixtures.jp());
    assertTrue(jp.isBusinessDay(WEDNESDAY.minusDays(1)));
    assertFalse(jp.isBusinessDay(WEDNESDAY));
    assertFalse(jp.isBusinessDay(WEDNESDAY.plusDays(1)));
    assertTrue(jp.isBusinessDay(WEDNESDAY.plusDays(2)));
    assertThrows(
        IllegalArgumentException.class,
        () -> new DatedClosure(WEDNESDAY, WEDNESDAY.minusDays(1), "backwards"));
    assertThrows(IllegalArgumentException.class, () -> DatedClosure.day(WEDNESDAY, " "));
  }

  @Test
  void closingTheNextBusinessDayMovesANextBusinessDayDeadlineByOneBusinessDay() {
    LiveCalendars live = new LiveCalendars(CalendarRegistry.fromClasspath());
    SlaPolicy policy = SlaSettings.defaults().policy(live);
    assertEquals(tokyo("2026-12-02T17:30"), policy.termsFor(ServiceLevel.GOLD, TUESDAY).dueAt());

    assertTrue(live.apply(closed(1, DatedClosure.day(WEDNESDAY, "Typhoon"))));
    assertEquals(tokyo("2026-12-03T17:30"), policy.termsFor(ServiceLevel.GOLD, TUESDAY).dueAt());
    assertFalse(policy.supportHours().isOpen(tokyo("2026-12-02T10:00")));

    assertTrue(live.apply(closed(2)));
    assertEquals(tokyo("2026-12-02T17:30"), policy.termsFor(ServiceLevel.GOLD, TUESDAY).dueAt());
    assertTrue(policy.supportHours().isOpen(tokyo("2026-12-02T10:00")));
  }

  @Test
  void closingTheDayOfIssueOrTheDayAfterTheDeadlineLeavesTheDeadline() {
    LiveCalendars live = new LiveCalendars(CalendarRegistry.fromClasspath());
    SlaPolicy policy = SlaSettings.defaults().policy(live);
    live.apply(
        closed(
            1,
            DatedClosure.day(WEDNESDAY.minusDays(1), "day of issue"),
            DatedClosure.day(WEDNESDAY.plusDays(1), "day after")));
    assertEquals(tokyo("2026-12-02T17:30"), policy.termsFor(ServiceLevel.GOLD, TUESDAY).dueAt());
  }

  @Test
  void theNewestVersionWinsAndAnOlderOrRepeatedOneChangesNothing() {
    LiveCalendars live = new LiveCalendars(CalendarRegistry.fromClasspath());
    CalendarChanges v2 = closed(2, DatedClosure.day(WEDNESDAY, "Typhoon"));
    assertTrue(live.apply(v2));
    assertFalse(live.apply(v2));
    assertFalse(live.apply(closed(1)));
    assertEquals(v2, live.changesOf("JP"));
    assertFalse(live.get("JP").orElseThrow().isBusinessDay(WEDNESDAY));
    assertTrue(live.base("JP").orElseThrow().isBusinessDay(WEDNESDAY));
    assertEquals(CalendarChanges.none("24x7"), live.changesOf("24x7"));
  }

  @Test
  void changesOfAnUnknownCalendarAreNotTaken() {
    LiveCalendars live = new LiveCalendars(CalendarRegistry.fromClasspath());
    assertFalse(live.apply(new CalendarChanges("XX", 1, List.of())));
    assertTrue(live.get("XX").isEmpty());
  }

  @Test
  void aPolicyWithACandidateCalendarAnswersWithoutTouchingTheLiveOne() {
    LiveCalendars live = new LiveCalendars(CalendarRegistry.fromClasspath());
    SlaPolicy policy = SlaSettings.defaults().policy(live);
    BusinessCalendar candidate =
        closed(1, DatedClosure.day(WEDNESDAY, "Typhoon")).applyTo(Fixtures.jp());
    assertEquals(
        tokyo("2026-12-03T17:30"),
        policy.with(candidate).termsFor(ServiceLevel.SILVER, TUESDAY).dueAt());
    assertEquals(tokyo("2026-12-02T17:30"), policy.termsFor(ServiceLevel.SILVER, TUESDAY).dueAt());
  }
}
