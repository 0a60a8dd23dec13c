package com.acme.rma.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CalendarRegistryTest {

  @Test
  void theShippedRegistryHoldsJpAndAllDay() {
    assertEquals(Set.of("JP", "24x7"), CalendarRegistry.fromClasspath().ids());
  }

  @Test
  void theShippedJpCalendarIsTokyoOfficeHoursWithNationalHolidaysAndTheYearEndClosure() {
    assertEquals(
        new BusinessCalendar(
            "JP",
            ZoneId.of("Asia/Tokyo"),
            new OpeningHours(LocalTime.of(9, 30), LocalTime.of(17, 30)),
            Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY),
            HolidaySource.japaneseNational(),
            List.of(new AnnualClosure(MonthDay.of(12, 29), MonthDay.of(1, 3), "Year-end closure"))),
        CalendarRegistry.fromClasspath().get("JP").orElseThrow());
  }

  @Test
  void theShippedAllDayCalendarIsUtcWithNothingClosed() {
    assertEquals(
        new BusinessCalendar(
            "24x7",
            ZoneId.of("UTC"),
            OpeningHours.allDay(),
            Set.of(),
            HolidaySource.none(),
            List.of()),
        CalendarRegistry.fromClasspath().get("24x7").orElseThrow());
  }

  @Test
  void anUnknownIdIsEmpty() {
    assertEquals(Optional.empty(), CalendarRegistry.fromClasspath().get("XX"));
  }

  @Test
  void anOperatorAddsACountryWithAFileAndKeepsTheShippedOnes(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("calendars.properties");
    Files.writeString(
        file,
        String.join(
            "\n",
            "# US service center, Eastern time",
            "calendar.US.zone=America/New_York",
            "calendar.US.hours=08:00-18:00",
            "calendar.US.closed-weekdays=SATURDAY, SUNDAY",
            "calendar.US.holidays=listed",
            "calendar.US.holiday.2026-07-03=Independence Day (observed)",
            "calendar.US.holiday.2026-12-25=Christmas Day",
            "calendar.US.closures=12-24..12-26 Christmas; 07-04 Independence Day"));

    CalendarRegistry registry =
        CalendarRegistry.fromClasspath().plus(CalendarRegistry.fromFile(file));

    assertEquals(Set.of("JP", "24x7", "US"), registry.ids());
    BusinessCalendar us = registry.get("US").orElseThrow();
    assertEquals(ZoneId.of("America/New_York"), us.zone());
    assertFalse(us.isBusinessDay(LocalDate.parse("2026-07-03")));
    assertFalse(us.isBusinessDay(LocalDate.parse("2026-12-24")));
    assertTrue(us.isBusinessDay(LocalDate.parse("2026-07-06")));
    assertEquals(
        List.of(
            new ClosedDay(
                LocalDate.parse("2026-07-03"),
                "Independence Day (observed)",
                ClosedDay.Kind.HOLIDAY),
            new ClosedDay(
                LocalDate.parse("2026-07-04"), "Independence Day", ClosedDay.Kind.CLOSURE),
            new ClosedDay(LocalDate.parse("2026-12-24"), "Christmas", ClosedDay.Kind.CLOSURE),
            new ClosedDay(LocalDate.parse("2026-12-25"), "Christmas Day", ClosedDay.Kind.HOLIDAY),
            new ClosedDay(LocalDate.parse("2026-12-26"), "Christmas", ClosedDay.Kind.CLOSURE)),
        us.closedDays(2026));
  }

  @Test
  void aLaterRegistryReplacesACalendarWithTheSameId() {
    CalendarRegistry override =
        CalendarRegistry.load(
            properties("calendar.JP.zone=Asia/Tokyo", "calendar.JP.hours=09:00-18:00"));

    CalendarRegistry merged = CalendarRegistry.fromClasspath().plus(override);

    assertEquals(OpeningHours.parse("09:00-18:00"), merged.get("JP").orElseThrow().hours());
    assertEquals(Set.of(), merged.get("JP").orElseThrow().weeklyClosedDays());
  }

  @Test
  void optionalPropertiesDefaultToNothingClosed() {
    BusinessCalendar calendar =
        CalendarRegistry.load(properties("calendar.X.zone=UTC", "calendar.X.hours=00:00-24:00"))
            .get("X")
            .orElseThrow();

    assertEquals(Set.of(), calendar.weeklyClosedDays());
    assertEquals(HolidaySource.none(), calendar.holidays());
    assertEquals(List.of(), calendar.closures());
  }

  @Test
  void aMissingFileIsReportedWithItsPath(@TempDir Path dir) {
    Path missing = dir.resolve("nope.properties");
    UncheckedIOException e =
        assertThrows(UncheckedIOException.class, () -> CalendarRegistry.fromFile(missing));
    assertTrue(e.getMessage().contains("nope.properties"), e.getMessage());
  }

  @Test
  void everyProblemOfADefinitionIsReportedAtOnceWithTheKeyAndTheValue() {
    CalendarDefinitionException e =
        assertThrows(
            CalendarDefinitionException.class,
            () ->
                CalendarRegistry.load(
                    properties(
                        "calendar.XX.zone=Mars/Olympus",
                        "calendar.XX.hours=17:30-09:30",
                        "calendar.XX.closed-weekdays=SATURDAY,SONDAY",
                        "calendar.XX.holidays=jp",
                        "calendar.XX.closures=12-29..13-03")));

    assertEquals(
        List.of(
            "calendar.XX.closed-weekdays: 'SONDAY' is not a day of the week (MONDAY..SUNDAY)",
            "calendar.XX.closures: '12-29..13-03' is not MM-DD or MM-DD..MM-DD followed by an"
                + " optional name",
            "calendar.XX.holidays: 'jp' is not one of jp-national, listed, none",
            "calendar.XX.hours: '17:30-09:30' must close after it opens (HH:MM-HH:MM, 24:00 allowed"
                + " as closing)",
            "calendar.XX.zone: 'Mars/Olympus' is not a time zone id"),
        e.problems());
    assertTrue(e.getMessage().contains("Mars/Olympus"), e.getMessage());
  }

  @Test
  void zoneAndHoursAreRequired() {
    CalendarDefinitionException e =
        assertThrows(
            CalendarDefinitionException.class,
            () -> CalendarRegistry.load(properties("calendar.XX.holidays=none")));

    assertEquals(
        List.of("calendar.XX.hours: required", "calendar.XX.zone: required"), e.problems());
  }

  @Test
  void aMisspelledKeyIsRejectedRatherThanIgnored() {
    CalendarDefinitionException e =
        assertThrows(
            CalendarDefinitionException.class,
            () ->
                CalendarRegistry.load(
                    properties(
                        "calendar.XX.zone=UTC",
                        "calendar.XX.hours=00:00-24:00",
                        "calendar.XX.closed-days=SUNDAY",
                        "calender.YY.zone=UTC")));

    assertEquals(
        List.of(
            "calendar.XX.closed-days: unknown key (expected zone, hours, closed-weekdays,"
                + " holidays, holiday.YYYY-MM-DD, closures)",
            "calender.YY.zone: unknown key (expected calendar.<id>.<property>)"),
        e.problems());
  }

  @Test
  void listedHolidayDatesRequireTheListedSourceAndValidDates() {
    CalendarDefinitionException e =
        assertThrows(
            CalendarDefinitionException.class,
            () ->
                CalendarRegistry.load(
                    properties(
                        "calendar.XX.zone=UTC",
                        "calendar.XX.hours=00:00-24:00",
                        "calendar.XX.holiday.2026-02-30=Nope",
                        "calendar.XX.holiday.2026-01-01=")));

    assertEquals(
        List.of(
            "calendar.XX.holiday.2026-01-01: a holiday needs a name",
            "calendar.XX.holiday.2026-02-30: '2026-02-30' is not a date (YYYY-MM-DD)",
            "calendar.XX.holidays: must be 'listed' when holiday.YYYY-MM-DD keys are given"),
        e.problems());
  }

  @Test
  void aCalendarClosedEveryDayOfTheWeekIsRejected() {
    CalendarDefinitionException e =
        assertThrows(
            CalendarDefinitionException.class,
            () ->
                CalendarRegistry.load(
                    properties(
                        "calendar.XX.zone=UTC",
                        "calendar.XX.hours=09:00-17:00",
                        "calendar.XX.closed-weekdays=MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY,"
                            + "SATURDAY,SUNDAY")));

    assertEquals(
        List.of("calendar.XX.closed-weekdays: closes every day of the week, never open"),
        e.problems());
  }

  private static Properties properties(String... lines) {
    Properties properties = new Properties();
    try {
      properties.load(new StringReader(String.join("\n", lines)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return properties;
  }
}
