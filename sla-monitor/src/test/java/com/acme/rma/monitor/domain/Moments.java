package com.acme.rma.monitor.domain;

import com.acme.rma.calendar.CalendarRegistry;
import com.acme.rma.calendar.sla.SlaPolicy;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/** Fixed instants and the shipped calendars, for plain domain tests. */
final class Moments {

  static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
  static final CalendarRegistry CALENDARS = CalendarRegistry.fromClasspath();

  private Moments() {}

  /** Tokyo wall-clock time, e.g. {@code tokyo("2026-05-12T10:00")}. */
  static Instant tokyo(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(TOKYO).toInstant();
  }

  static Instant utc(String instant) {
    return Instant.parse(instant);
  }

  static SlaPolicy policy() {
    return new SlaPolicy(CALENDARS.get("JP").orElseThrow(), CALENDARS.get("24x7").orElseThrow());
  }
}
