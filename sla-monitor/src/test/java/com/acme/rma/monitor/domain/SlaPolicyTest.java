package com.acme.rma.monitor.domain;

import static com.acme.rma.monitor.domain.Moments.policy;
import static com.acme.rma.monitor.domain.Moments.tokyo;
import static com.acme.rma.monitor.domain.Moments.utc;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** rules.md §2, §3, §7: the deadline and the at-risk moment of each level. */
class SlaPolicyTest {

  @Test
  void goldPlusMustBeDeliveredWithinFourHoursOfWallClockTime() {
    SlaTerms terms = policy().termsFor(ServiceLevel.GOLD_PLUS, utc("2026-05-01T01:00:00Z"));
    assertEquals(Target.DELIVERY, terms.target());
    assertEquals("24x7", terms.calendarId());
    assertEquals(utc("2026-05-01T01:00:00Z"), terms.startedAt());
    assertEquals(utc("2026-05-01T05:00:00Z"), terms.dueAt());
    assertEquals(utc("2026-05-01T04:00:00Z"), terms.atRiskAt());
  }

  @Test
  void aConfiguredGoldPlusTargetMovesTheDeadlineAndTheAtRiskMomentAlike() {
    SlaPolicy shortened =
        new SlaPolicy(
            Moments.CALENDARS.get("JP").orElseThrow(),
            Moments.CALENDARS.get("24x7").orElseThrow(),
            java.time.Duration.ofSeconds(40));
    SlaTerms terms = shortened.termsFor(ServiceLevel.GOLD_PLUS, utc("2026-05-01T01:00:00Z"));
    assertEquals(utc("2026-05-01T01:00:40Z"), terms.dueAt());
    assertEquals(utc("2026-05-01T01:00:30Z"), terms.atRiskAt());
  }

  @Test
  void goldPlusIgnoresWeekendsHolidaysAndTheYearEndClosure() {
    // 2026-12-31 23:00 Tokyo: a closure day, late at night; the 4 hours run regardless
    SlaTerms terms = policy().termsFor(ServiceLevel.GOLD_PLUS, tokyo("2026-12-31T23:00"));
    assertEquals(tokyo("2027-01-01T03:00"), terms.dueAt());
    assertEquals(tokyo("2027-01-01T02:00"), terms.atRiskAt());
  }

  @Test
  void goldMustBeShippedByCloseOfTheNextBusinessDay() {
    // Thu 2026-05-07 10:00 Tokyo → Fri 17:30 Tokyo
    SlaTerms terms = policy().termsFor(ServiceLevel.GOLD, utc("2026-05-07T01:00:00Z"));
    assertEquals(Target.SHIPMENT, terms.target());
    assertEquals("JP", terms.calendarId());
    assertEquals(utc("2026-05-08T08:30:00Z"), terms.dueAt());
  }

  @Test
  void silverHasTheSameTargetAsGold() {
    Instant issued = tokyo("2026-05-07T10:00");
    assertEquals(
        policy().termsFor(ServiceLevel.GOLD, issued),
        policy().termsFor(ServiceLevel.SILVER, issued));
  }

  @Test
  void shipmentTargetsAreAtRiskAfterThreeQuartersOfTheBusinessTime() {
    // Thu 10:00 → Fri 17:30: 7.5 h + 8 h = 15.5 h of business time; 75 % = 11 h 37 min 30 s:
    // the rest of Thursday (7.5 h), then 4 h 7 min 30 s of Friday from 09:30
    SlaTerms terms = policy().termsFor(ServiceLevel.SILVER, tokyo("2026-05-07T10:00"));
    assertEquals(tokyo("2026-05-08T13:37:30"), terms.atRiskAt());
  }

  @Test
  void goldIssuedOnASaturdayNightCountsBusinessTimeFromMondayMorning() {
    SlaTerms terms = policy().termsFor(ServiceLevel.GOLD, tokyo("2026-05-16T03:00"));
    assertEquals(tokyo("2026-05-18T17:30"), terms.dueAt());
    assertEquals(tokyo("2026-05-18T15:30"), terms.atRiskAt()); // 6 of Monday's 8 hours
  }

  @Test
  void bronzeMustBeShippedWithinTenBusinessDays() {
    // Tue 2026-05-12 → the 10th business day after it is Tue 2026-05-26
    SlaTerms terms = policy().termsFor(ServiceLevel.BRONZE, tokyo("2026-05-12T10:00"));
    assertEquals(Target.SHIPMENT, terms.target());
    assertEquals(tokyo("2026-05-26T17:30"), terms.dueAt());
    // 7.5 h + 10 × 8 h = 87.5 h; 75 % = 65 h 37 min 30 s: Tuesday's 7.5 h, 7 full days (56 h),
    // then 2 h 7 min 30 s of Fri 2026-05-22
    assertEquals(tokyo("2026-05-22T11:37:30"), terms.atRiskAt());
  }

  @Test
  void warrantyHasTheBronzeTarget() {
    Instant issued = tokyo("2026-05-12T10:00");
    assertEquals(
        policy().termsFor(ServiceLevel.BRONZE, issued),
        policy().termsFor(ServiceLevel.WARRANTY, issued));
  }

  @Test
  void goldenWeekIsSkipped() {
    // Fri 2026-05-01; May 2–6: weekend, Constitution Day, Greenery Day, Children's Day, substitute
    assertEquals(
        tokyo("2026-05-07T17:30"),
        policy().termsFor(ServiceLevel.GOLD, tokyo("2026-05-01T14:00")).dueAt());
  }

  @Test
  void septembersConsecutiveHolidaysAreSkipped() {
    // Fri 2026-09-18; Sep 19–23: weekend, Respect for the Aged Day, Citizens' Holiday, Equinox
    assertEquals(
        tokyo("2026-09-24T17:30"),
        policy().termsFor(ServiceLevel.SILVER, tokyo("2026-09-18T11:00")).dueAt());
  }

  @Test
  void theYearEndClosureIsSkipped() {
    // Mon 2026-12-28; closed 29 Dec – 3 Jan; Mon 2027-01-04 is the next business day
    assertEquals(
        tokyo("2027-01-04T17:30"),
        policy().termsFor(ServiceLevel.GOLD, tokyo("2026-12-28T15:00")).dueAt());
  }

  @Test
  void theDayOfIssueIsTheTokyoDateNotTheUtcDate() {
    // 2026-05-07T20:00Z is already Fri 2026-05-08 05:00 in Tokyo: due Monday, not Friday
    assertEquals(
        tokyo("2026-05-11T17:30"),
        policy().termsFor(ServiceLevel.GOLD, utc("2026-05-07T20:00:00Z")).dueAt());
    // one hour earlier it is still Thursday in Tokyo: due Friday
    assertEquals(
        tokyo("2026-05-08T17:30"),
        policy().termsFor(ServiceLevel.GOLD, utc("2026-05-07T14:59:59Z")).dueAt());
  }

  @Test
  void startsAreKeptToMicrosecondsAsTheDatabaseStoresThem() {
    SlaTerms terms =
        policy().termsFor(ServiceLevel.GOLD_PLUS, utc("2026-05-01T01:00:00.123456789Z"));
    assertEquals(utc("2026-05-01T01:00:00.123456Z"), terms.startedAt());
    assertEquals(utc("2026-05-01T05:00:00.123456Z"), terms.dueAt());
  }
}
