package com.acme.rma.calendar;

import static com.acme.rma.calendar.Fixtures.allDay;
import static com.acme.rma.calendar.Fixtures.jp;
import static com.acme.rma.calendar.Fixtures.tokyo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Business time feeds the "at risk at 75%" rule of rules.md §7. */
class BusinessTimeTest {

  @Test
  void businessTimeWithinOneDayIsWallTime() {
    assertEquals(
        Duration.ofMinutes(90),
        jp().businessTimeBetween(tokyo("2026-05-12T10:00"), tokyo("2026-05-12T11:30")));
  }

  @Test
  void businessTimeOvernightCountsOnlyOpeningHours() {
    // 7h30 on Tuesday after 10:00 + 30 min on Wednesday before 10:00
    assertEquals(
        Duration.ofHours(8),
        jp().businessTimeBetween(tokyo("2026-05-12T10:00"), tokyo("2026-05-13T10:00")));
  }

  @Test
  void businessTimeOverAWeekendCountsFridayAndMondayOnly() {
    assertEquals(
        Duration.ofHours(2),
        jp().businessTimeBetween(tokyo("2026-05-15T16:30"), tokyo("2026-05-18T10:30")));
  }

  @Test
  void businessTimeEntirelyOutsideHoursIsZero() {
    assertEquals(
        Duration.ZERO,
        jp().businessTimeBetween(tokyo("2026-05-16T08:00"), tokyo("2026-05-18T09:30")));
    assertEquals(
        Duration.ZERO,
        jp().businessTimeBetween(tokyo("2026-05-12T10:00"), tokyo("2026-05-12T10:00")));
  }

  @Test
  void businessTimeOverGoldenWeekSkipsEveryClosedDay() {
    // Fri May 1 17:00 → Thu May 7 10:00: 30 min + 30 min
    assertEquals(
        Duration.ofHours(1),
        jp().businessTimeBetween(tokyo("2026-05-01T17:00"), tokyo("2026-05-07T10:00")));
  }

  @Test
  void businessTimeBackwardsIsRejected() {
    assertThrows(
        IllegalArgumentException.class,
        () -> jp().businessTimeBetween(tokyo("2026-05-13T10:00"), tokyo("2026-05-12T10:00")));
  }

  @Test
  void addingBusinessTimeSkipsTheWeekend() {
    assertEquals(
        tokyo("2026-05-18T10:30"),
        jp().plusBusinessTime(tokyo("2026-05-15T16:30"), Duration.ofHours(2)));
  }

  @Test
  void addingExactlyTheRestOfTheDayEndsAtClosingNotAtTheNextOpening() {
    assertEquals(
        tokyo("2026-05-12T17:30"),
        jp().plusBusinessTime(tokyo("2026-05-12T10:00"), Duration.ofMinutes(450)));
  }

  @Test
  void addingBusinessTimeFromOutsideHoursStartsAtTheNextOpening() {
    assertEquals(
        tokyo("2026-05-18T10:30"),
        jp().plusBusinessTime(tokyo("2026-05-16T12:00"), Duration.ofHours(1)));
  }

  @Test
  void addingNoBusinessTimeReturnsTheStart() {
    Instant saturday = tokyo("2026-05-16T12:00");
    assertEquals(saturday, jp().plusBusinessTime(saturday, Duration.ZERO));
  }

  @Test
  void addingNegativeBusinessTimeIsRejected() {
    assertThrows(
        IllegalArgumentException.class,
        () -> jp().plusBusinessTime(tokyo("2026-05-12T10:00"), Duration.ofMinutes(-1)));
  }

  @Test
  void addingBusinessTimeUndoesMeasuringIt() {
    List<Instant> starts =
        List.of(
            tokyo("2026-04-28T09:30"),
            tokyo("2026-05-01T17:29:59"),
            tokyo("2026-09-18T03:00"),
            tokyo("2026-12-28T12:34:56"),
            tokyo("2026-05-16T12:00"));
    List<Duration> amounts =
        List.of(
            Duration.ofSeconds(1),
            Duration.ofMinutes(479),
            Duration.ofHours(8),
            Duration.ofHours(66),
            Duration.ofHours(80).plusSeconds(7));
    for (Instant start : starts) {
      for (Duration amount : amounts) {
        Instant end = jp().plusBusinessTime(start, amount);
        assertEquals(amount, jp().businessTimeBetween(start, end), start + " + " + amount);
      }
    }
  }

  @Test
  void aBronzeClockOverGoldenWeekIsAtRiskOnMay14() {
    Instant start = tokyo("2026-04-28T09:30");
    Instant due = jp().businessDayDeadline(start, 10);
    // 8h on the day of issue + 10 business days of 8h
    Duration total = jp().businessTimeBetween(start, due);
    assertEquals(Duration.ofHours(88), total);

    Instant atRisk = jp().plusBusinessTime(start, total.multipliedBy(3).dividedBy(4));

    // 66h: Apr 28, 30, May 1, 7, 8, 11, 12, 13 (64h) + 2h on May 14
    assertEquals(tokyo("2026-05-14T11:30"), atRisk);
  }

  @Test
  void aSilverClockIssuedMidAfternoonIsAtRiskTheNextAfternoon() {
    Instant start = tokyo("2026-05-12T15:00");
    Instant due = jp().businessDayDeadline(start, 1);
    Duration total = jp().businessTimeBetween(start, due);
    assertEquals(Duration.ofMinutes(630), total);

    Instant atRisk = jp().plusBusinessTime(start, total.multipliedBy(3).dividedBy(4));

    // 472.5 min: 150 on Tuesday, 322.5 from 09:30 on Wednesday
    assertEquals(tokyo("2026-05-13T14:52:30"), atRisk);
  }

  @Test
  void onTheAllDayCalendarBusinessTimeIsWallTime() {
    Instant from = Instant.parse("2026-05-01T10:00:00Z");
    Instant to = Instant.parse("2026-05-04T13:15:00Z");
    assertEquals(Duration.between(from, to), allDay().businessTimeBetween(from, to));
    assertEquals(to, allDay().plusBusinessTime(from, Duration.between(from, to)));
  }

  @Test
  void anAllDayDayAcrossTheSpringDaylightSavingChangeLasts23Hours() {
    ZoneId berlin = ZoneId.of("Europe/Berlin");
    BusinessCalendar calendar =
        new BusinessCalendar(
            "DE-24x7", berlin, OpeningHours.allDay(), Set.of(), HolidaySource.none(), List.of());
    Instant midnight = LocalDateTime.parse("2026-03-29T00:00").atZone(berlin).toInstant();
    Instant nextMidnight = LocalDateTime.parse("2026-03-30T00:00").atZone(berlin).toInstant();

    assertEquals(Duration.ofHours(23), calendar.businessTimeBetween(midnight, nextMidnight));
    assertEquals(
        Instant.parse("2026-03-29T22:00:00Z"),
        calendar.businessDayDeadline(Instant.parse("2026-03-28T12:00:00Z"), 1));
  }

  @Test
  void openingHoursOnADaylightSavingDayFollowTheWallClock() {
    // Berlin moves from 02:00 CET to 03:00 CEST on Sunday 2026-03-29
    ZoneId berlin = ZoneId.of("Europe/Berlin");
    BusinessCalendar calendar =
        new BusinessCalendar(
            "DE",
            berlin,
            OpeningHours.parse("09:00-17:00"),
            Set.of(DayOfWeek.SATURDAY),
            HolidaySource.none(),
            List.of());

    assertEquals(
        Duration.ofHours(8),
        calendar.businessTimeBetween(
            Instant.parse("2026-03-28T23:00:00Z"), Instant.parse("2026-03-29T22:00:00Z")));
    assertEquals(
        Instant.parse("2026-03-29T07:00:00Z"),
        calendar.nextOpening(Instant.parse("2026-03-29T01:30:00Z")));
  }
}
