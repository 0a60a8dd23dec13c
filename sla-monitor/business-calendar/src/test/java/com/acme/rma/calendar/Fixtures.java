package com.acme.rma.calendar;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/** Shared test fixtures: the shipped calendars and readable instants. */
final class Fixtures {

  static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
  private static final CalendarRegistry SHIPPED = CalendarRegistry.fromClasspath();

  private Fixtures() {}

  static BusinessCalendar jp() {
    return SHIPPED.get("JP").orElseThrow();
  }

  static BusinessCalendar allDay() {
    return SHIPPED.get("24x7").orElseThrow();
  }

  /** An instant written as Tokyo wall-clock time, e.g. {@code tokyo("2026-05-12T09:30")}. */
  static Instant tokyo(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(TOKYO).toInstant();
  }
}
