package com.acme.rma.calendar.sla;

import static com.acme.rma.calendar.sla.SlaPolicyTest.tokyo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.rma.calendar.CalendarDefinitionException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One key per setting, read the same way by every service; the operator's calendar file. */
class SlaSettingsTest {

  @TempDir Path dir;

  private static SlaSettings read(Map<String, String> values) {
    return SlaSettings.read(key -> Optional.ofNullable(values.get(key)));
  }

  @Test
  void nothingSetMeansTheRulesShippedCalendarsJpAnd24x7AndFourHours() {
    SlaSettings settings = read(Map.of());
    assertEquals(SlaSettings.defaults(), settings);
    SlaPolicy policy = settings.policy(settings.calendars());
    assertEquals("JP", policy.businessDays().id());
    assertEquals("24x7", policy.wallClock().id());
    assertEquals(Duration.ofHours(4), policy.goldPlusTarget());
  }

  @Test
  void theSettingsKeysAreTheOnesBothServicesDocument() {
    assertEquals("rma.calendar.file", SlaSettings.CALENDAR_FILE);
    assertEquals("rma.sla.gold-plus-target", SlaSettings.GOLD_PLUS_TARGET);
    assertEquals("rma.sla.business-calendar", SlaSettings.BUSINESS_CALENDAR);
    assertEquals("rma.sla.wall-clock-calendar", SlaSettings.WALL_CLOCK_CALENDAR);
  }

  @Test
  void aGoldPlusTargetIsAnIsoDuration() {
    assertEquals(
        Duration.ofSeconds(30), read(Map.of("rma.sla.gold-plus-target", "PT30S")).goldPlusTarget());
    assertEquals(
        Duration.ofHours(4), read(Map.of("rma.sla.gold-plus-target", "  ")).goldPlusTarget());
  }

  @Test
  void unusableValuesAreRefusedNamingTheirKey() {
    IllegalArgumentException notADuration =
        assertThrows(
            IllegalArgumentException.class,
            () -> read(Map.of("rma.sla.gold-plus-target", "4 hours")));
    assertTrue(notADuration.getMessage().contains("rma.sla.gold-plus-target"));
    assertThrows(
        IllegalArgumentException.class, () -> read(Map.of("rma.sla.gold-plus-target", "PT0S")));
    assertThrows(
        IllegalArgumentException.class, () -> read(Map.of("rma.sla.gold-plus-target", "-PT1H")));
    SlaSettings unknownCalendar = read(Map.of("rma.sla.business-calendar", "XX"));
    IllegalArgumentException unknown =
        assertThrows(
            IllegalArgumentException.class,
            () -> unknownCalendar.policy(unknownCalendar.calendars()));
    assertTrue(unknown.getMessage().contains("rma.sla.business-calendar"), unknown.getMessage());
  }

  @Test
  void theOperatorsFileAddsCalendarsBesideTheShippedOnes() throws IOException {
    Path file = dir.resolve("calendars.properties");
    Files.writeString(
        file,
        """
        calendar.US.zone=America/New_York
        calendar.US.hours=08:00-18:00
        calendar.US.closed-weekdays=SATURDAY,SUNDAY
        calendar.US.holidays=none
        """);
    SlaSettings settings =
        read(Map.of("rma.calendar.file", file.toString(), "rma.sla.business-calendar", "US"));
    var calendars = settings.calendars();
    assertTrue(calendars.get("JP").isPresent());
    assertTrue(calendars.get("US").isPresent());
    assertEquals("US", settings.policy(calendars).businessDays().id());
  }

  /**
   * The operator closes Fri 2026-05-08 in Tokyo: an RMA issued the day before is due on Monday,
   * whoever computes it; the day before and the day after the closure keep their deadlines.
   */
  @Test
  void aClosureInTheOperatorsFileMovesTheDeadlinesOfTheDaysItCovers() throws IOException {
    Path file = dir.resolve("closures.properties");
    Files.writeString(
        file,
        """
        calendar.JP.zone=Asia/Tokyo
        calendar.JP.hours=09:30-17:30
        calendar.JP.closed-weekdays=SATURDAY,SUNDAY
        calendar.JP.holidays=jp-national
        calendar.JP.closures=12-29..01-03 Year-end closure;05-08 Office move
        """);
    SlaSettings settings = read(Map.of("rma.calendar.file", file.toString()));
    SlaPolicy operated = settings.policy(settings.calendars());
    SlaPolicy shipped = SlaSettings.defaults().policy(SlaSettings.defaults().calendars());

    // issued Thursday 7 May: the next business day is now Monday 11 May
    assertEquals(
        tokyo("2026-05-08T17:30"),
        shipped.termsFor(ServiceLevel.GOLD, tokyo("2026-05-07T10:00")).dueAt());
    assertEquals(
        tokyo("2026-05-11T17:30"),
        operated.termsFor(ServiceLevel.GOLD, tokyo("2026-05-07T10:00")).dueAt());
    // issued Wednesday 6 May (a holiday) → due Thursday, unchanged
    assertEquals(
        tokyo("2026-05-07T17:30"),
        operated.termsFor(ServiceLevel.GOLD, tokyo("2026-05-06T10:00")).dueAt());
    // issued on Monday 11 May → due Tuesday, unchanged
    assertEquals(
        tokyo("2026-05-12T17:30"),
        operated.termsFor(ServiceLevel.GOLD, tokyo("2026-05-11T10:00")).dueAt());
    // and the support hours are closed that day
    assertEquals(
        tokyo("2026-05-11T09:30"), operated.supportHours().nextOpening(tokyo("2026-05-08T10:00")));
  }

  @Test
  void aBrokenOperatorsFileIsRefusedWithEveryProblem() throws IOException {
    Path file = dir.resolve("broken.properties");
    Files.writeString(file, "calendar.US.zone=America/NewYork\ncalendar.US.hours=8-18\n");
    SlaSettings settings = read(Map.of("rma.calendar.file", file.toString()));
    CalendarDefinitionException e =
        assertThrows(CalendarDefinitionException.class, settings::calendars);
    assertTrue(e.problems().size() >= 2, e.problems().toString());
  }
}
