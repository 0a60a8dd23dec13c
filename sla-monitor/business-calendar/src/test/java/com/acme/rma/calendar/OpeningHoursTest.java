package com.acme.rma.calendar;

import static com.acme.rma.calendar.Fixtures.allDay;
import static com.acme.rma.calendar.Fixtures.jp;
import static com.acme.rma.calendar.Fixtures.tokyo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class OpeningHoursTest {

  @Test
  void jpIsClosedOneSecondBeforeOpening() {
    assertFalse(jp().isOpen(tokyo("2026-05-12T09:29:59")));
    assertEquals(tokyo("2026-05-12T09:30"), jp().nextOpening(tokyo("2026-05-12T09:29:59")));
  }

  @Test
  void jpIsOpenAtOpeningAndNextOpeningIsThatInstant() {
    assertTrue(jp().isOpen(tokyo("2026-05-12T09:30")));
    assertEquals(tokyo("2026-05-12T09:30"), jp().nextOpening(tokyo("2026-05-12T09:30")));
  }

  @Test
  void jpIsOpenOneSecondBeforeClosing() {
    assertTrue(jp().isOpen(tokyo("2026-05-12T17:29:59")));
    assertEquals(tokyo("2026-05-12T17:29:59"), jp().nextOpening(tokyo("2026-05-12T17:29:59")));
  }

  @Test
  void jpIsClosedAtClosingAndOpensNextMorning() {
    assertFalse(jp().isOpen(tokyo("2026-05-12T17:30")));
    assertEquals(tokyo("2026-05-13T09:30"), jp().nextOpening(tokyo("2026-05-12T17:30")));
  }

  @Test
  void jpOpensJustAfterMidnightUtcBecauseTokyoIsNineHoursAhead() {
    assertTrue(jp().isOpen(Instant.parse("2026-05-12T00:30:00Z")));
    assertFalse(jp().isOpen(Instant.parse("2026-05-12T00:29:59Z")));
    assertFalse(jp().isOpen(Instant.parse("2026-05-12T08:30:00Z")));
  }

  @Test
  void fridayEveningOpensOnMonday() {
    assertEquals(tokyo("2026-05-18T09:30"), jp().nextOpening(tokyo("2026-05-15T17:30")));
  }

  @Test
  void saturdayNoonIsClosedAndOpensOnMonday() {
    assertFalse(jp().isOpen(tokyo("2026-05-16T12:00")));
    assertEquals(tokyo("2026-05-18T09:30"), jp().nextOpening(tokyo("2026-05-16T12:00")));
  }

  @Test
  void aWeekdayHolidayIsClosedAllDay() {
    // Culture Day, Tuesday Nov 3 2026
    assertFalse(jp().isOpen(tokyo("2026-11-03T12:00")));
    assertEquals(tokyo("2026-11-04T09:30"), jp().nextOpening(tokyo("2026-11-03T12:00")));
  }

  @Test
  void december31IsClosedAndOpensOnTheFirstBusinessDayOfJanuary() {
    assertFalse(jp().isOpen(tokyo("2026-12-31T12:00")));
    assertEquals(tokyo("2027-01-04T09:30"), jp().nextOpening(tokyo("2026-12-31T12:00")));
  }

  @Test
  void goldenWeekOpensOnMay7() {
    assertEquals(tokyo("2026-05-07T09:30"), jp().nextOpening(tokyo("2026-05-01T18:00")));
  }

  @Test
  void theAllDayCalendarIsAlwaysOpen() {
    for (String at :
        new String[] {
          "2026-01-01T00:00:00Z",
          "2026-05-16T12:00:00Z",
          "2026-12-31T23:59:59Z",
          "2026-05-04T03:00:00Z"
        }) {
      Instant instant = Instant.parse(at);
      assertTrue(allDay().isOpen(instant), at);
      assertEquals(instant, allDay().nextOpening(instant), at);
    }
  }

  @Test
  void hoursAreParsedFromText() {
    assertEquals(
        new OpeningHours(LocalTime.of(9, 30), LocalTime.of(17, 30)),
        OpeningHours.parse("09:30-17:30"));
    assertEquals(OpeningHours.allDay(), OpeningHours.parse("00:00-24:00"));
    assertTrue(OpeningHours.allDay().isAllDay());
    assertEquals("09:30-17:30", OpeningHours.parse("09:30-17:30").toString());
    assertEquals("00:00-24:00", OpeningHours.allDay().toString());
    assertEquals("08:00-24:00", OpeningHours.parse("08:00-24:00").toString());
  }

  @Test
  void hoursThatCloseBeforeTheyOpenAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> OpeningHours.parse("17:30-09:30"));
    assertThrows(IllegalArgumentException.class, () -> OpeningHours.parse("09:30-09:30"));
    assertThrows(IllegalArgumentException.class, () -> OpeningHours.parse("9.30 to 17.30"));
  }
}
