package com.acme.rma.calendar;

import static com.acme.rma.calendar.Fixtures.allDay;
import static com.acme.rma.calendar.Fixtures.jp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.rma.calendar.ClosedDay.Kind;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ClosedDaysTest {

  @Test
  void jpClosedDaysOf2026AreItsHolidaysPlusTheYearEndClosureAtBothEnds() {
    List<ClosedDay> days = jp().closedDays(2026);

    assertEquals(18 + 5, days.size());
    assertEquals(closed("2026-01-01", "New Year's Day", Kind.HOLIDAY), days.get(0));
    assertEquals(closed("2026-01-02", "Year-end closure", Kind.CLOSURE), days.get(1));
    assertEquals(closed("2026-01-03", "Year-end closure", Kind.CLOSURE), days.get(2));
    assertEquals(
        List.of(
            closed("2026-12-29", "Year-end closure", Kind.CLOSURE),
            closed("2026-12-30", "Year-end closure", Kind.CLOSURE),
            closed("2026-12-31", "Year-end closure", Kind.CLOSURE)),
        days.subList(days.size() - 3, days.size()));
    assertTrue(days.contains(closed("2026-09-22", "Citizens' Holiday", Kind.HOLIDAY)));
  }

  @Test
  void closedDaysAreSortedAndListEachDateOnce() {
    List<ClosedDay> days = jp().closedDays(2026);
    for (int i = 1; i < days.size(); i++) {
      assertTrue(days.get(i - 1).date().isBefore(days.get(i).date()));
    }
  }

  @Test
  void aHolidayInsideTheClosureIsListedOnceAsAHoliday() {
    // Jan 2 2023 is both the substitute for New Year's Day (a Sunday) and a closure day
    List<ClosedDay> january =
        jp().closedDays(2023).stream()
            .filter(d -> d.date().getMonthValue() == 1 && d.date().getDayOfMonth() <= 3)
            .collect(Collectors.toList());

    assertEquals(
        List.of(
            closed("2023-01-01", "New Year's Day", Kind.HOLIDAY),
            closed("2023-01-02", "Substitute Holiday", Kind.HOLIDAY),
            closed("2023-01-03", "Year-end closure", Kind.CLOSURE)),
        january);
  }

  @Test
  void weeklyClosedDaysAreNotListed() {
    assertTrue(
        jp().closedDays(2026).stream()
            .noneMatch(d -> d.date().equals(LocalDate.parse("2026-05-16"))));
  }

  @Test
  void theAllDayCalendarHasNoClosedDays() {
    assertEquals(List.of(), allDay().closedDays(2026));
  }

  @Test
  void jpBusinessDaysExcludeWeekendsHolidaysAndTheClosure() {
    assertTrue(jp().isBusinessDay(LocalDate.parse("2026-05-12")));
    assertFalse(jp().isBusinessDay(LocalDate.parse("2026-05-16")));
    assertFalse(jp().isBusinessDay(LocalDate.parse("2026-05-17")));
    assertFalse(jp().isBusinessDay(LocalDate.parse("2026-05-06")));
    assertFalse(jp().isBusinessDay(LocalDate.parse("2026-12-29")));
    assertFalse(jp().isBusinessDay(LocalDate.parse("2027-01-03")));
    assertTrue(jp().isBusinessDay(LocalDate.parse("2026-12-28")));
    assertTrue(jp().isBusinessDay(LocalDate.parse("2027-01-04")));
  }

  @Test
  void jpRejectsYearsItCannotComputeHolidaysFor() {
    assertThrows(IllegalArgumentException.class, () -> jp().closedDays(2100));
    assertThrows(
        IllegalArgumentException.class, () -> jp().isBusinessDay(LocalDate.parse("1999-06-01")));
  }

  @Test
  void aClosureWithinOneYearCoversItsDaysInclusive() {
    AnnualClosure obon = AnnualClosure.parse("08-13..08-16 Obon");
    assertEquals(new AnnualClosure(MonthDay.of(8, 13), MonthDay.of(8, 16), "Obon"), obon);
    assertFalse(obon.covers(LocalDate.parse("2026-08-12")));
    assertTrue(obon.covers(LocalDate.parse("2026-08-13")));
    assertTrue(obon.covers(LocalDate.parse("2026-08-16")));
    assertFalse(obon.covers(LocalDate.parse("2026-08-17")));
  }

  @Test
  void aClosureSpanningTheNewYearCoversBothEnds() {
    AnnualClosure yearEnd = AnnualClosure.parse("12-29..01-03");
    assertEquals("Closure", yearEnd.name());
    assertTrue(yearEnd.covers(LocalDate.parse("2026-12-29")));
    assertTrue(yearEnd.covers(LocalDate.parse("2027-01-03")));
    assertFalse(yearEnd.covers(LocalDate.parse("2027-01-04")));
    assertFalse(yearEnd.covers(LocalDate.parse("2026-12-28")));
    assertFalse(yearEnd.covers(LocalDate.parse("2026-06-30")));
  }

  @Test
  void aSingleDayClosureNeedsNoRange() {
    AnnualClosure foundersDay = AnnualClosure.parse("06-01 Founders' Day");
    assertTrue(foundersDay.covers(LocalDate.parse("2026-06-01")));
    assertFalse(foundersDay.covers(LocalDate.parse("2026-06-02")));
  }

  @Test
  void malformedClosuresAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> AnnualClosure.parse("12/29-01/03"));
    assertThrows(IllegalArgumentException.class, () -> AnnualClosure.parse("02-30..03-01"));
    assertThrows(IllegalArgumentException.class, () -> AnnualClosure.parse(""));
  }

  @Test
  void listedHolidaysCountOnlyOnTheirDates() {
    BusinessCalendar us =
        new BusinessCalendar(
            "US-test",
            ZoneOffset.UTC,
            OpeningHours.parse("09:00-17:00"),
            Set.of(),
            HolidaySource.listed(
                List.of(
                    new Holiday(LocalDate.parse("2026-07-04"), "Independence Day"),
                    new Holiday(LocalDate.parse("2027-07-05"), "Independence Day (observed)"))),
            List.of());

    assertEquals(
        List.of(closed("2026-07-04", "Independence Day", Kind.HOLIDAY)), us.closedDays(2026));
    assertFalse(us.isBusinessDay(LocalDate.parse("2027-07-05")));
    assertTrue(us.isBusinessDay(LocalDate.parse("2028-07-04")));
  }

  private static ClosedDay closed(String date, String name, Kind kind) {
    return new ClosedDay(LocalDate.parse(date), name, kind);
  }
}
