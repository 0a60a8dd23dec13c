package com.acme.rma.calendar;

import static com.acme.rma.calendar.Fixtures.allDay;
import static com.acme.rma.calendar.Fixtures.jp;
import static com.acme.rma.calendar.Fixtures.tokyo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** rules.md §3: 17:30 Tokyo on the N-th business day after the local date of issue. */
class BusinessDayDeadlineTest {

  @Test
  void oneBusinessDayFromATuesdayIsWednesdayAtClose() {
    assertEquals(tokyo("2026-05-13T17:30"), jp().businessDayDeadline(tokyo("2026-05-12T10:00"), 1));
  }

  @Test
  void theDeadlineIsAnExactInstantInUtc() {
    assertEquals(
        Instant.parse("2026-05-13T08:30:00Z"),
        jp().businessDayDeadline(Instant.parse("2026-05-12T01:00:00Z"), 1));
  }

  @Test
  void theDayOfIssueNeverCountsEvenWhenIssuedAtOpening() {
    assertEquals(tokyo("2026-05-13T17:30"), jp().businessDayDeadline(tokyo("2026-05-12T09:30"), 1));
  }

  @Test
  void issueBeforeOpeningOrAfterCloseStillCountsFromTheNextDay() {
    assertEquals(tokyo("2026-05-13T17:30"), jp().businessDayDeadline(tokyo("2026-05-12T06:00"), 1));
    assertEquals(
        tokyo("2026-05-13T17:30"), jp().businessDayDeadline(tokyo("2026-05-12T23:59:59"), 1));
  }

  @Test
  void oneBusinessDayFromAFridaySkipsTheWeekend() {
    assertEquals(tokyo("2026-05-18T17:30"), jp().businessDayDeadline(tokyo("2026-05-15T11:00"), 1));
  }

  @Test
  void issueOnASaturdayCountsFromMonday() {
    assertEquals(tokyo("2026-05-18T17:30"), jp().businessDayDeadline(tokyo("2026-05-16T11:00"), 1));
  }

  @Test
  void issuedTheDayBeforeShowaDayGoldenWeekSkipsApril29() {
    // Tue Apr 28 → Wed Apr 29 is Showa Day → Thu Apr 30
    assertEquals(tokyo("2026-04-30T17:30"), jp().businessDayDeadline(tokyo("2026-04-28T14:00"), 1));
  }

  @Test
  void issuedOnTheFridayOfGoldenWeekIsDueTheThursdayAfterIt() {
    // May 2–6 2026: weekend, Greenery Day, Children's Day, substitute for Constitution Day
    assertEquals(tokyo("2026-05-07T17:30"), jp().businessDayDeadline(tokyo("2026-05-01T14:00"), 1));
  }

  @Test
  void tenBusinessDaysOverGoldenWeekEndOnMay18() {
    // Apr 30, May 1, 7, 8, 11, 12, 13, 14, 15, 18
    assertEquals(
        tokyo("2026-05-18T17:30"), jp().businessDayDeadline(tokyo("2026-04-28T09:30"), 10));
  }

  @Test
  void issuedOnAHolidayCountsFromTheNextBusinessDay() {
    assertEquals(tokyo("2026-05-07T17:30"), jp().businessDayDeadline(tokyo("2026-05-04T10:00"), 1));
  }

  @Test
  void silverWeekWithItsCitizensHolidayIsSkippedAsAWhole() {
    // Sep 19–23 2026: Sat, Sun, Respect for the Aged, Citizens' Holiday, Autumnal Equinox
    assertEquals(tokyo("2026-09-24T17:30"), jp().businessDayDeadline(tokyo("2026-09-18T10:00"), 1));
    assertEquals(tokyo("2026-09-25T17:30"), jp().businessDayDeadline(tokyo("2026-09-18T10:00"), 2));
  }

  @Test
  void issuedOnDecember28TheFirstBusinessDayIsJanuary4() {
    assertEquals(tokyo("2027-01-04T17:30"), jp().businessDayDeadline(tokyo("2026-12-28T10:00"), 1));
  }

  @Test
  void issuedDuringTheYearEndClosureTheFirstBusinessDayIsJanuary4() {
    assertEquals(tokyo("2027-01-04T17:30"), jp().businessDayDeadline(tokyo("2026-12-30T10:00"), 1));
    assertEquals(tokyo("2027-01-05T17:30"), jp().businessDayDeadline(tokyo("2026-12-30T10:00"), 2));
  }

  @Test
  void theTokyoDateOfIssueCountsNotTheUtcDate() {
    // 2026-05-07T20:00Z is Friday May 8, 05:00 in Tokyo: the next business day is Monday
    assertEquals(
        Instant.parse("2026-05-11T08:30:00Z"),
        jp().businessDayDeadline(Instant.parse("2026-05-07T20:00:00Z"), 1));
  }

  @Test
  void zeroOrNegativeBusinessDaysAreRejected() {
    Instant issued = tokyo("2026-05-12T10:00");
    assertThrows(IllegalArgumentException.class, () -> jp().businessDayDeadline(issued, 0));
    assertThrows(IllegalArgumentException.class, () -> jp().businessDayDeadline(issued, -1));
  }

  @Test
  void onAnAllDayCalendarTheDeadlineIsTheEndOfTheNthDayAfterIssue() {
    // 24x7 (UTC): end of May 2 = midnight starting May 3
    assertEquals(
        Instant.parse("2026-05-03T00:00:00Z"),
        allDay().businessDayDeadline(Instant.parse("2026-05-01T10:00:00Z"), 1));
    assertEquals(
        Instant.parse("2026-05-12T00:00:00Z"),
        allDay().businessDayDeadline(Instant.parse("2026-05-01T23:59:59Z"), 10));
  }
}
