package com.acme.rma.intake.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.acme.rma.calendar.BusinessCalendar;
import com.acme.rma.calendar.CalendarRegistry;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SlaTest {

  private static final BusinessCalendar JP = CalendarRegistry.fromClasspath().get("JP").get();

  private static Sla sla(ServiceLevel level, String start) {
    return Sla.forLevel(level, Instant.parse(start), JP);
  }

  private static Sla shipmentBy(String due) {
    return new Sla(SlaTarget.SHIPMENT, Instant.parse(due));
  }

  @Test
  void goldPlusIsDueFourHoursAfterAuthorizationOnAnyDayAndHour() {
    // Saturday 2026-05-02 00:00 Tokyo
    assertEquals(
        new Sla(SlaTarget.DELIVERY, Instant.parse("2026-05-02T19:00:00Z")),
        sla(ServiceLevel.GOLD_PLUS, "2026-05-02T15:00:00Z"));
  }

  @Test
  void goldPlusDeliveryTimeCanBeConfiguredWhileOtherLevelsKeepTheirDeadlines() {
    java.time.Duration thirtySeconds = java.time.Duration.ofSeconds(30);
    assertEquals(
        new Sla(SlaTarget.DELIVERY, Instant.parse("2026-05-02T15:00:30Z")),
        Sla.forLevel(
            ServiceLevel.GOLD_PLUS, Instant.parse("2026-05-02T15:00:00Z"), JP, thirtySeconds));
    assertEquals(
        shipmentBy("2026-05-07T08:30:00Z"),
        Sla.forLevel(ServiceLevel.GOLD, Instant.parse("2026-05-01T01:00:00Z"), JP, thirtySeconds));
  }

  @Test
  void goldIsDueAt1730TokyoOnTheNextBusinessDaySkippingGoldenWeek() {
    // issued Fri 1 May 10:00 JST; 2-6 May are a weekend and holidays
    assertEquals(
        shipmentBy("2026-05-07T08:30:00Z"), sla(ServiceLevel.GOLD, "2026-05-01T01:00:00Z"));
  }

  @Test
  void silverHasTheSameNextBusinessDayTargetAsGold() {
    assertEquals(
        shipmentBy("2026-05-08T08:30:00Z"), sla(ServiceLevel.SILVER, "2026-05-07T00:30:00Z"));
  }

  @Test
  void countsFromTheTokyoDateOfIssueAcrossMidnightUtc() {
    // Thu 7 May 23:59:59 JST → Friday; Fri 8 May 00:00 JST → the following Monday
    assertEquals(
        shipmentBy("2026-05-08T08:30:00Z"), sla(ServiceLevel.GOLD, "2026-05-07T14:59:59Z"));
    assertEquals(
        shipmentBy("2026-05-11T08:30:00Z"), sla(ServiceLevel.GOLD, "2026-05-07T15:00:00Z"));
  }

  @Test
  void bronzeAndWarrantyAreDueAt1730TokyoOnTheTenthBusinessDay() {
    // issued Mon 1 June 2026 (no holidays in June): 2,3,4,5,8,9,10,11,12,15
    assertEquals(
        shipmentBy("2026-06-15T08:30:00Z"), sla(ServiceLevel.BRONZE, "2026-06-01T01:00:00Z"));
    assertEquals(
        shipmentBy("2026-06-15T08:30:00Z"), sla(ServiceLevel.WARRANTY, "2026-06-01T01:00:00Z"));
  }
}
