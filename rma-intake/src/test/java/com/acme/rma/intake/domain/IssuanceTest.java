package com.acme.rma.intake.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.acme.rma.calendar.BusinessCalendar;
import com.acme.rma.calendar.CalendarRegistry;
import com.acme.rma.calendar.sla.ServiceLevel;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class IssuanceTest {

  private static final BusinessCalendar JP = CalendarRegistry.fromClasspath().get("JP").get();

  private static Issuance at(ServiceLevel level, String now) {
    return Issuance.decide(level, Instant.parse(now), JP);
  }

  private static Issuance issuedAt(String instant) {
    return new Issuance(RmaStatus.AUTHORIZED, Instant.parse(instant), null);
  }

  private static Issuance queuedUntil(String instant) {
    return new Issuance(RmaStatus.QUEUED, null, Instant.parse(instant));
  }

  @Test
  void issuesGoldAndGoldPlusAtOnceOutsideSupportHours() {
    // Saturday 2026-05-09 03:00 Tokyo
    assertEquals(issuedAt("2026-05-08T18:00:00Z"), at(ServiceLevel.GOLD, "2026-05-08T18:00:00Z"));
    assertEquals(
        issuedAt("2026-05-08T18:00:00Z"), at(ServiceLevel.GOLD_PLUS, "2026-05-08T18:00:00Z"));
  }

  @Test
  void issuesSilverAtOnceFrom0930Tokyo() {
    // Thu 2026-05-07: 09:29:59 JST is closed, 09:30:00 is open
    assertEquals(
        queuedUntil("2026-05-07T00:30:00Z"), at(ServiceLevel.SILVER, "2026-05-07T00:29:59Z"));
    assertEquals(issuedAt("2026-05-07T00:30:00Z"), at(ServiceLevel.SILVER, "2026-05-07T00:30:00Z"));
  }

  @Test
  void queuesBronzeFrom1730TokyoUntilTheNextBusinessMorning() {
    assertEquals(issuedAt("2026-05-07T08:29:59Z"), at(ServiceLevel.BRONZE, "2026-05-07T08:29:59Z"));
    assertEquals(
        queuedUntil("2026-05-08T00:30:00Z"), at(ServiceLevel.BRONZE, "2026-05-07T08:30:00Z"));
  }

  @Test
  void queuesWarrantyOverTheWeekendUntilMondayMorning() {
    assertEquals(
        queuedUntil("2026-05-11T00:30:00Z"), at(ServiceLevel.WARRANTY, "2026-05-09T03:00:00Z"));
  }

  @Test
  void queuesSilverOverGoldenWeekUntilTheFirstBusinessDayAfterIt() {
    // Fri 1 May 18:00 JST → Thu 7 May 09:30 JST
    assertEquals(
        queuedUntil("2026-05-07T00:30:00Z"), at(ServiceLevel.SILVER, "2026-05-01T09:00:00Z"));
  }

  @Test
  void startsTheClockAtTheIssueNowOrAtTheQueuedOpening() {
    assertEquals(
        Instant.parse("2026-05-07T00:30:00Z"),
        at(ServiceLevel.SILVER, "2026-05-07T00:30:00Z").clockStart());
    assertEquals(
        Instant.parse("2026-05-11T00:30:00Z"),
        at(ServiceLevel.SILVER, "2026-05-09T03:00:00Z").clockStart());
  }
}
