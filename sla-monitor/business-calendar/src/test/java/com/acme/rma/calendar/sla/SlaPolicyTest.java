package com.acme.rma.calendar.sla;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.rma.calendar.CalendarRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/** rules.md §2, §3, §7: the target, deadline and at-risk moment of each level; support hours. */
class SlaPolicyTest {

  private static final CalendarRegistry CALENDARS = CalendarRegistry.fromClasspath();
  private static final SlaPolicy POLICY =
      new SlaPolicy(CALENDARS.get("JP").orElseThrow(), CALENDARS.get("24x7").orElseThrow());

  static Instant tokyo(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(ZoneId.of("Asia/Tokyo")).toInstant();
  }

  static Instant utc(String instant) {
    return Instant.parse(instant);
  }

  private static SlaTerms terms(ServiceLevel level, Instant start) {
    return POLICY.termsFor(level, start);
  }

  // ---------------------------------------------------------------- Gold Plus: 4 h wall clock

  @Test
  void goldPlusMustBeDeliveredWithinFourHoursOfWallClockTime() {
    SlaTerms terms = terms(ServiceLevel.GOLD_PLUS, utc("2026-05-01T01:00:00Z"));
    assertEquals(Target.DELIVERY, terms.target());
    assertEquals("24x7", terms.calendarId());
    assertEquals(utc("2026-05-01T01:00:00Z"), terms.startedAt());
    assertEquals(utc("2026-05-01T05:00:00Z"), terms.dueAt());
    assertEquals(utc("2026-05-01T04:00:00Z"), terms.atRiskAt());
  }

  @Test
  void aConfiguredGoldPlusTargetMovesTheDeadlineAndTheAtRiskMomentAlikeAndNoOtherLevel() {
    SlaPolicy shortened =
        new SlaPolicy(
            CALENDARS.get("JP").orElseThrow(),
            CALENDARS.get("24x7").orElseThrow(),
            Duration.ofSeconds(40));
    SlaTerms goldPlus = shortened.termsFor(ServiceLevel.GOLD_PLUS, utc("2026-05-01T01:00:00Z"));
    assertEquals(utc("2026-05-01T01:00:40Z"), goldPlus.dueAt());
    assertEquals(utc("2026-05-01T01:00:30Z"), goldPlus.atRiskAt());
    Instant issued = tokyo("2026-05-07T10:00");
    assertEquals(terms(ServiceLevel.GOLD, issued), shortened.termsFor(ServiceLevel.GOLD, issued));
  }

  @Test
  void aGoldPlusTargetMustBePositive() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new SlaPolicy(
                CALENDARS.get("JP").orElseThrow(),
                CALENDARS.get("24x7").orElseThrow(),
                Duration.ZERO));
  }

  @Test
  void goldPlusIgnoresWeekendsHolidaysAndTheYearEndClosure() {
    // 2026-12-31 23:00 Tokyo: a closure day, late at night; the 4 hours run regardless
    SlaTerms terms = terms(ServiceLevel.GOLD_PLUS, tokyo("2026-12-31T23:00"));
    assertEquals(tokyo("2027-01-01T03:00"), terms.dueAt());
    assertEquals(tokyo("2027-01-01T02:00"), terms.atRiskAt());
  }

  // ---------------------------------------------------------------- shipment: business days

  @Test
  void goldMustBeShippedByCloseOfTheNextBusinessDay() {
    // Thu 2026-05-07 10:00 Tokyo → Fri 17:30 Tokyo
    SlaTerms terms = terms(ServiceLevel.GOLD, utc("2026-05-07T01:00:00Z"));
    assertEquals(Target.SHIPMENT, terms.target());
    assertEquals("JP", terms.calendarId());
    assertEquals(utc("2026-05-08T08:30:00Z"), terms.dueAt());
  }

  @Test
  void silverHasTheSameTargetAsGold() {
    Instant issued = tokyo("2026-05-07T10:00");
    assertEquals(terms(ServiceLevel.GOLD, issued), terms(ServiceLevel.SILVER, issued));
  }

  @Test
  void shipmentTargetsAreAtRiskAfterThreeQuartersOfTheBusinessTime() {
    // Thu 10:00 → Fri 17:30: 7.5 h + 8 h = 15.5 h of business time; 75 % = 11 h 37 min 30 s:
    // the rest of Thursday (7.5 h), then 4 h 7 min 30 s of Friday from 09:30
    SlaTerms terms = terms(ServiceLevel.SILVER, tokyo("2026-05-07T10:00"));
    assertEquals(tokyo("2026-05-08T13:37:30"), terms.atRiskAt());
  }

  @Test
  void goldIssuedOnASaturdayNightCountsBusinessTimeFromMondayMorning() {
    SlaTerms terms = terms(ServiceLevel.GOLD, tokyo("2026-05-16T03:00"));
    assertEquals(tokyo("2026-05-18T17:30"), terms.dueAt());
    assertEquals(tokyo("2026-05-18T15:30"), terms.atRiskAt()); // 6 of Monday's 8 hours
  }

  @Test
  void bronzeMustBeShippedWithinTenBusinessDays() {
    // Tue 2026-05-12 → the 10th business day after it is Tue 2026-05-26
    SlaTerms terms = terms(ServiceLevel.BRONZE, tokyo("2026-05-12T10:00"));
    assertEquals(Target.SHIPMENT, terms.target());
    assertEquals(tokyo("2026-05-26T17:30"), terms.dueAt());
    // 7.5 h + 10 × 8 h = 87.5 h; 75 % = 65 h 37 min 30 s: Tuesday's 7.5 h, 7 full days (56 h),
    // then 2 h 7 min 30 s of Fri 2026-05-22
    assertEquals(tokyo("2026-05-22T11:37:30"), terms.atRiskAt());
  }

  @Test
  void bronzeAndWarrantyAreDueOnTheTenthBusinessDayInAMonthWithoutHolidays() {
    // issued Mon 1 June 2026: 2,3,4,5,8,9,10,11,12,15
    assertEquals(
        utc("2026-06-15T08:30:00Z"),
        terms(ServiceLevel.BRONZE, utc("2026-06-01T01:00:00Z")).dueAt());
    assertEquals(
        terms(ServiceLevel.BRONZE, utc("2026-06-01T01:00:00Z")),
        terms(ServiceLevel.WARRANTY, utc("2026-06-01T01:00:00Z")));
  }

  @Test
  void goldenWeekIsSkipped() {
    // Fri 2026-05-01; May 2–6: weekend, Constitution Day, Greenery Day, Children's Day, substitute
    assertEquals(
        tokyo("2026-05-07T17:30"), terms(ServiceLevel.GOLD, tokyo("2026-05-01T14:00")).dueAt());
  }

  @Test
  void septembersConsecutiveHolidaysAreSkipped() {
    // Fri 2026-09-18; Sep 19–23: weekend, Respect for the Aged Day, Citizens' Holiday, Equinox
    assertEquals(
        tokyo("2026-09-24T17:30"), terms(ServiceLevel.SILVER, tokyo("2026-09-18T11:00")).dueAt());
  }

  @Test
  void theYearEndClosureIsSkipped() {
    // Mon 2026-12-28; closed 29 Dec – 3 Jan; Mon 2027-01-04 is the next business day
    assertEquals(
        tokyo("2027-01-04T17:30"), terms(ServiceLevel.GOLD, tokyo("2026-12-28T15:00")).dueAt());
  }

  @Test
  void theDayOfIssueIsTheTokyoDateNotTheUtcDate() {
    // one second before Tokyo midnight it is still Thursday: due Friday
    assertEquals(
        tokyo("2026-05-08T17:30"), terms(ServiceLevel.GOLD, utc("2026-05-07T14:59:59Z")).dueAt());
    // at Tokyo midnight (15:00Z) it is Friday already: due Monday
    assertEquals(
        tokyo("2026-05-11T17:30"), terms(ServiceLevel.GOLD, utc("2026-05-07T15:00:00Z")).dueAt());
  }

  @Test
  void startsAreKeptToMicrosecondsAsTheDatabasesStoreThem() {
    SlaTerms terms = terms(ServiceLevel.GOLD_PLUS, utc("2026-05-01T01:00:00.123456789Z"));
    assertEquals(utc("2026-05-01T01:00:00.123456Z"), terms.startedAt());
    assertEquals(utc("2026-05-01T05:00:00.123456Z"), terms.dueAt());
  }

  @Test
  void onlyGoldPlusIsTimedToDelivery() {
    for (ServiceLevel level : ServiceLevel.values()) {
      assertEquals(
          level == ServiceLevel.GOLD_PLUS ? Target.DELIVERY : Target.SHIPMENT,
          SlaPolicy.targetOf(level));
      assertEquals(SlaPolicy.targetOf(level), terms(level, tokyo("2026-05-07T10:00")).target());
    }
  }

  // ---------------------------------------------------------------- support hours

  @Test
  void silverBronzeAndWarrantyAreServedInSupportHoursOnlyGoldAndGoldPlusAroundTheClock() {
    assertEquals(
        EnumSet.of(ServiceLevel.SILVER, ServiceLevel.BRONZE, ServiceLevel.WARRANTY),
        EnumSet.copyOf(
            java.util.Arrays.stream(ServiceLevel.values())
                .filter(ServiceLevel::issuedOnlyInSupportHours)
                .toList()));
  }

  @Test
  void supportHoursOpenAt0930AndCloseAt1730TokyoOnBusinessDays() {
    assertFalse(POLICY.supportHours().isOpen(tokyo("2026-05-07T09:29:59")));
    assertTrue(POLICY.supportHours().isOpen(tokyo("2026-05-07T09:30")));
    assertTrue(POLICY.supportHours().isOpen(tokyo("2026-05-07T17:29:59")));
    assertFalse(POLICY.supportHours().isOpen(tokyo("2026-05-07T17:30")));
    assertFalse(POLICY.supportHours().isOpen(tokyo("2026-05-04T10:00"))); // Greenery Day
    assertEquals(
        tokyo("2026-05-07T09:30"), POLICY.supportHours().nextOpening(tokyo("2026-05-02T12:00")));
  }
}
