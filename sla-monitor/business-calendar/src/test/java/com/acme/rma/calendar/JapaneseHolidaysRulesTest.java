package com.acme.rma.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Years after the golden file. Expected dates were worked out by hand from the Act and checked for
 * weekdays independently of this code.
 */
class JapaneseHolidaysRulesTest {

  @Test
  void vernalEquinoxFallsOnMarch20From2028To2030() {
    assertEquals(holiday("2028-03-20", "Vernal Equinox Day"), on("2028-03-20"));
    assertEquals(holiday("2029-03-20", "Vernal Equinox Day"), on("2029-03-20"));
    assertEquals(holiday("2030-03-20", "Vernal Equinox Day"), on("2030-03-20"));
  }

  @Test
  void autumnalEquinoxFallsOnSeptember22In2028() {
    assertEquals(holiday("2028-09-22", "Autumnal Equinox Day"), on("2028-09-22"));
  }

  @Test
  void autumnalEquinoxFallsOnSeptember23In2029() {
    assertEquals(holiday("2029-09-23", "Autumnal Equinox Day"), on("2029-09-23"));
  }

  @Test
  void autumnalEquinoxOnMondaySeptember23In2030NeedsNoSubstitute() {
    assertEquals(holiday("2030-09-23", "Autumnal Equinox Day"), on("2030-09-23"));
    assertEquals(Optional.empty(), JapaneseHolidays.on(LocalDate.parse("2030-09-24")));
  }

  @Test
  void happyMondaysOf2028FallOnTheRightMondays() {
    assertEquals(holiday("2028-01-10", "Coming of Age Day"), on("2028-01-10"));
    assertEquals(holiday("2028-07-17", "Marine Day"), on("2028-07-17"));
    assertEquals(holiday("2028-09-18", "Respect for the Aged Day"), on("2028-09-18"));
    assertEquals(holiday("2028-10-09", "Sports Day"), on("2028-10-09"));
  }

  @Test
  void the2028CalendarHasSixteenHolidaysAndNoSubstitutes() {
    assertEquals(
        List.of(
            "2028-01-01 New Year's Day",
            "2028-01-10 Coming of Age Day",
            "2028-02-11 National Foundation Day",
            "2028-02-23 Emperor's Birthday",
            "2028-03-20 Vernal Equinox Day",
            "2028-04-29 Showa Day",
            "2028-05-03 Constitution Memorial Day",
            "2028-05-04 Greenery Day",
            "2028-05-05 Children's Day",
            "2028-07-17 Marine Day",
            "2028-08-11 Mountain Day",
            "2028-09-18 Respect for the Aged Day",
            "2028-09-22 Autumnal Equinox Day",
            "2028-10-09 Sports Day",
            "2028-11-03 Culture Day",
            "2028-11-23 Labor Thanksgiving Day"),
        lines(2028));
  }

  @Test
  void sundayHolidaysOf2029AreFollowedBySubstituteHolidays() {
    // Feb 11, Apr 29 and Sep 23 2029 are Sundays
    assertEquals(
        List.of(
            "2029-01-01 New Year's Day",
            "2029-01-08 Coming of Age Day",
            "2029-02-11 National Foundation Day",
            "2029-02-12 Substitute Holiday",
            "2029-02-23 Emperor's Birthday",
            "2029-03-20 Vernal Equinox Day",
            "2029-04-29 Showa Day",
            "2029-04-30 Substitute Holiday",
            "2029-05-03 Constitution Memorial Day",
            "2029-05-04 Greenery Day",
            "2029-05-05 Children's Day",
            "2029-07-16 Marine Day",
            "2029-08-11 Mountain Day",
            "2029-09-17 Respect for the Aged Day",
            "2029-09-23 Autumnal Equinox Day",
            "2029-09-24 Substitute Holiday",
            "2029-10-08 Sports Day",
            "2029-11-03 Culture Day",
            "2029-11-23 Labor Thanksgiving Day"),
        lines(2029));
  }

  @Test
  void sundayHolidaysOf2030AreFollowedBySubstituteHolidays() {
    // May 5, Aug 11 and Nov 3 2030 are Sundays; Saturday holidays get no substitute
    assertEquals(
        List.of(
            "2030-01-01 New Year's Day",
            "2030-01-14 Coming of Age Day",
            "2030-02-11 National Foundation Day",
            "2030-02-23 Emperor's Birthday",
            "2030-03-20 Vernal Equinox Day",
            "2030-04-29 Showa Day",
            "2030-05-03 Constitution Memorial Day",
            "2030-05-04 Greenery Day",
            "2030-05-05 Children's Day",
            "2030-05-06 Substitute Holiday",
            "2030-07-15 Marine Day",
            "2030-08-11 Mountain Day",
            "2030-08-12 Substitute Holiday",
            "2030-09-16 Respect for the Aged Day",
            "2030-09-23 Autumnal Equinox Day",
            "2030-10-14 Sports Day",
            "2030-11-03 Culture Day",
            "2030-11-04 Substitute Holiday",
            "2030-11-23 Labor Thanksgiving Day"),
        lines(2030));
  }

  @Test
  void citizensHolidayFallsBetweenRespectForTheAgedDayAndTheEquinoxIn2032() {
    // Mon Sep 20 and Wed Sep 22 2032 are holidays, so Tue Sep 21 is sandwiched
    assertEquals(holiday("2032-09-21", "Citizens' Holiday"), on("2032-09-21"));
  }

  @Test
  void noCitizensHolidayIn2028To2030() {
    for (int year = 2028; year <= 2030; year++) {
      assertTrue(
          JapaneseHolidays.inYear(year).stream()
              .noneMatch(h -> h.name().equals("Citizens' Holiday")),
          "year " + year);
    }
  }

  @Test
  void theEmperorsBirthdayMovedFromDecember23ToFebruary23WithNoneIn2019() {
    assertEquals(holiday("2018-12-23", "Emperor's Birthday"), on("2018-12-23"));
    assertEquals(holiday("2018-12-24", "Substitute Holiday"), on("2018-12-24"));
    assertTrue(JapaneseHolidays.inYear(2019).stream().noneMatch(h -> h.name().contains("Emperor")));
    assertEquals(Optional.empty(), JapaneseHolidays.on(LocalDate.parse("2019-12-23")));
    assertEquals(Optional.empty(), JapaneseHolidays.on(LocalDate.parse("2019-02-23")));
    assertEquals(Optional.empty(), JapaneseHolidays.on(LocalDate.parse("2020-12-23")));
  }

  @Test
  void theEnthronementOf2019MadeATenDayGoldenWeek() {
    assertEquals(
        List.of(
            "2019-04-29 Showa Day",
            "2019-04-30 Citizens' Holiday",
            "2019-05-01 Enthronement Day",
            "2019-05-02 Citizens' Holiday",
            "2019-05-03 Constitution Memorial Day",
            "2019-05-04 Greenery Day",
            "2019-05-05 Children's Day",
            "2019-05-06 Substitute Holiday"),
        lines(2019).stream()
            .filter(l -> l.compareTo("2019-04-29") >= 0 && l.compareTo("2019-05-07") < 0)
            .collect(Collectors.toList()));
    assertEquals(holiday("2019-10-22", "Enthronement Ceremony Day"), on("2019-10-22"));
    assertEquals(holiday("2019-10-14", "Health and Sports Day"), on("2019-10-14"));
  }

  @Test
  void olympicYearsMovedMarineSportsAndMountainDays() {
    assertEquals(Optional.empty(), JapaneseHolidays.on(LocalDate.parse("2020-07-20")));
    assertEquals(Optional.empty(), JapaneseHolidays.on(LocalDate.parse("2020-10-12")));
    assertEquals(Optional.empty(), JapaneseHolidays.on(LocalDate.parse("2020-08-11")));
    assertEquals(Optional.empty(), JapaneseHolidays.on(LocalDate.parse("2021-10-11")));
    assertEquals(Optional.empty(), JapaneseHolidays.on(LocalDate.parse("2021-08-11")));
  }

  @Test
  void beforeTheHappyMondayLawMarineDayAndRespectForTheAgedDayHadFixedDates() {
    assertEquals(holiday("2002-07-20", "Marine Day"), on("2002-07-20"));
    assertEquals(holiday("2002-09-16", "Substitute Holiday"), on("2002-09-16"));
    assertEquals(holiday("2002-09-15", "Respect for the Aged Day"), on("2002-09-15"));
    assertEquals(holiday("2003-07-21", "Marine Day"), on("2003-07-21"));
  }

  @Test
  void beforeShowaDayExistedApril29WasGreeneryDayAndMay4ACitizensHoliday() {
    assertEquals(holiday("2006-04-29", "Greenery Day"), on("2006-04-29"));
    assertEquals(holiday("2006-05-04", "Citizens' Holiday"), on("2006-05-04"));
    assertEquals(holiday("2007-04-29", "Showa Day"), on("2007-04-29"));
    assertEquals(holiday("2007-04-30", "Substitute Holiday"), on("2007-04-30"));
    assertEquals(holiday("2007-05-04", "Greenery Day"), on("2007-05-04"));
  }

  @Test
  void since2007ASundayHolidayFollowedByHolidaysMovesToTheFirstNonHoliday() {
    // May 3 2009 is a Sunday: May 4 and 5 are holidays, so the substitute is Wed May 6
    assertEquals(holiday("2009-05-06", "Substitute Holiday"), on("2009-05-06"));
  }

  @Test
  void mountainDayExistsOnlySince2016() {
    assertEquals(Optional.empty(), JapaneseHolidays.on(LocalDate.parse("2015-08-11")));
    assertEquals(holiday("2016-08-11", "Mountain Day"), on("2016-08-11"));
  }

  @Test
  void holidaysAreSortedByDateForEveryYear() {
    for (int y = 2000; y <= 2099; y++) {
      final int year = y;
      List<Holiday> holidays = JapaneseHolidays.inYear(year);
      for (int i = 1; i < holidays.size(); i++) {
        assertTrue(holidays.get(i - 1).date().isBefore(holidays.get(i).date()), "year " + year);
      }
      assertTrue(holidays.stream().allMatch(h -> h.date().getYear() == year), "year " + year);
      assertFalse(holidays.isEmpty());
    }
  }

  @Test
  void yearsOutside2000To2099AreRejected() {
    assertThrows(IllegalArgumentException.class, () -> JapaneseHolidays.inYear(1999));
    assertThrows(IllegalArgumentException.class, () -> JapaneseHolidays.inYear(2100));
    assertThrows(
        IllegalArgumentException.class, () -> JapaneseHolidays.on(LocalDate.parse("2100-01-01")));
  }

  private static Optional<Holiday> on(String date) {
    return JapaneseHolidays.on(LocalDate.parse(date));
  }

  private static Optional<Holiday> holiday(String date, String name) {
    return Optional.of(new Holiday(LocalDate.parse(date), name));
  }

  private static List<String> lines(int year) {
    return JapaneseHolidays.inYear(year).stream()
        .map(h -> h.date() + " " + h.name())
        .collect(Collectors.toList());
  }
}
