package com.acme.rma.intake.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.acme.rma.calendar.sla.ServiceLevel;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CoverageTest {

  private static final LocalDate START = LocalDate.parse("2026-01-01");
  private static final LocalDate END = LocalDate.parse("2026-12-31");
  private static final LocalDate LONG_AGO = LocalDate.parse("2020-03-10");

  /** Customer Success Services through the end of 2027, unless a test says otherwise. */
  private static final LocalDate CSS_UNTIL = LocalDate.parse("2027-12-31");

  private static Entitlement contract(
      MaintenanceLevel level, LocalDate shipped, LocalDate eol, LocalDate extendedUntil) {
    return withCss(level, shipped, eol, extendedUntil, CSS_UNTIL);
  }

  private static Entitlement withCss(
      MaintenanceLevel level,
      LocalDate shipped,
      LocalDate eol,
      LocalDate extendedUntil,
      LocalDate cssUntil) {
    return new Entitlement(
        "SN-1", "P-1", "C-1", "MPX", level, START, END, shipped, eol, extendedUntil, cssUntil);
  }

  private static Coverage missing(String eol, Coverage.Prerequisite... missing) {
    return new Coverage.ExtendedSupportPrerequisitesMissing(
        LocalDate.parse(eol), java.util.List.of(missing));
  }

  private static Entitlement gold() {
    return contract(MaintenanceLevel.GOLD, LONG_AGO, null, null);
  }

  private static Coverage on(Entitlement e, String day) {
    return Coverage.decide(e, LocalDate.parse(day));
  }

  private static Coverage covered(ServiceLevel level) {
    return new Coverage.Covered(level);
  }

  @Test
  void coversAtTheContractLevelFromTheContractsFirstDay() {
    assertEquals(covered(ServiceLevel.GOLD), on(gold(), "2026-01-01"));
    assertEquals(new Coverage.NoActiveCoverage(), on(gold(), "2025-12-31"));
  }

  @Test
  void coversAtTheContractLevelThroughTheContractsLastDay() {
    assertEquals(covered(ServiceLevel.GOLD), on(gold(), "2026-12-31"));
    assertEquals(new Coverage.NoActiveCoverage(), on(gold(), "2027-01-01"));
  }

  @Test
  void coversEachContractLevelAtThatLevel() {
    for (MaintenanceLevel level :
        new MaintenanceLevel[] {
          MaintenanceLevel.GOLD_PLUS,
          MaintenanceLevel.GOLD,
          MaintenanceLevel.SILVER,
          MaintenanceLevel.BRONZE
        }) {
      assertEquals(
          covered(ServiceLevel.valueOf(level.name())),
          on(contract(level, LONG_AGO, null, null), "2026-06-01"));
    }
  }

  @Test
  void coversByWarrantyThroughTheSameCalendarDayAYearLater() {
    Entitlement noContract =
        contract(MaintenanceLevel.NONE, LocalDate.parse("2025-12-15"), null, null);
    assertEquals(covered(ServiceLevel.WARRANTY), on(noContract, "2025-12-15"));
    assertEquals(covered(ServiceLevel.WARRANTY), on(noContract, "2026-12-15"));
    assertEquals(new Coverage.NoActiveCoverage(), on(noContract, "2026-12-16"));
  }

  @Test
  void aWarrantyFromTheTwentyNinthOfFebruaryRunsThroughTheFirstOfMarchOfTheNextYear() {
    Entitlement leap = contract(MaintenanceLevel.NONE, LocalDate.parse("2028-02-29"), null, null);
    assertEquals(covered(ServiceLevel.WARRANTY), on(leap, "2029-02-28"));
    assertEquals(covered(ServiceLevel.WARRANTY), on(leap, "2029-03-01"));
    assertEquals(new Coverage.NoActiveCoverage(), on(leap, "2029-03-02"));
  }

  @Test
  void aWarrantyFromTheTwentyEighthOfFebruaryOfALeapYearEndsOnTheTwentyEighth() {
    Entitlement e = contract(MaintenanceLevel.NONE, LocalDate.parse("2028-02-28"), null, null);
    assertEquals(covered(ServiceLevel.WARRANTY), on(e, "2029-02-28"));
    assertEquals(new Coverage.NoActiveCoverage(), on(e, "2029-03-01"));
  }

  @Test
  void aWarrantyIntoALeapYearEndsOnTheSameDay() {
    Entitlement e = contract(MaintenanceLevel.NONE, LocalDate.parse("2027-02-28"), null, null);
    assertEquals(covered(ServiceLevel.WARRANTY), on(e, "2028-02-28"));
    assertEquals(new Coverage.NoActiveCoverage(), on(e, "2028-02-29"));
  }

  @Test
  void coversNothingBeforeTheApplianceShipped() {
    Entitlement notShipped =
        contract(MaintenanceLevel.NONE, LocalDate.parse("2026-07-01"), null, null);
    assertEquals(new Coverage.NoActiveCoverage(), on(notShipped, "2026-06-30"));
    assertEquals(covered(ServiceLevel.WARRANTY), on(notShipped, "2026-07-01"));
  }

  @Test
  void fallsBackToWarrantyOnceTheContractHasEnded() {
    Entitlement e = contract(MaintenanceLevel.SILVER, LocalDate.parse("2026-06-01"), null, null);
    assertEquals(covered(ServiceLevel.SILVER), on(e, "2026-12-31"));
    assertEquals(covered(ServiceLevel.WARRANTY), on(e, "2027-01-01"));
  }

  @Test
  void treatsLevelNoneAsNoContractEvenInsideItsDates() {
    Entitlement none = contract(MaintenanceLevel.NONE, LONG_AGO, null, null);
    assertEquals(new Coverage.NoActiveCoverage(), on(none, "2026-06-01"));
  }

  @Test
  void servesOnTheEndOfLifeDayItselfAndRefusesTheDayAfter() {
    Entitlement e = contract(MaintenanceLevel.GOLD, LONG_AGO, LocalDate.parse("2026-06-30"), null);
    assertEquals(covered(ServiceLevel.GOLD), on(e, "2026-06-30"));
    assertEquals(new Coverage.EndOfLife(LocalDate.parse("2026-06-30")), on(e, "2026-07-01"));
  }

  @Test
  void refusesPastEndOfLifeEvenUnderWarranty() {
    Entitlement e =
        contract(
            MaintenanceLevel.NONE,
            LocalDate.parse("2026-01-10"),
            LocalDate.parse("2026-03-31"),
            null);
    assertEquals(new Coverage.EndOfLife(LocalDate.parse("2026-03-31")), on(e, "2026-04-01"));
  }

  @Test
  void servesPastEndOfLifeThroughTheLastDayOfExtendedSupport() {
    Entitlement e =
        contract(
            MaintenanceLevel.BRONZE,
            LONG_AGO,
            LocalDate.parse("2026-03-31"),
            LocalDate.parse("2026-09-30"));
    assertEquals(covered(ServiceLevel.BRONZE), on(e, "2026-09-30"));
    assertEquals(new Coverage.EndOfLife(LocalDate.parse("2026-03-31")), on(e, "2026-10-01"));
  }

  @Test
  void extendedSupportNeedsAnActiveBaseContract() {
    Entitlement e =
        contract(
            MaintenanceLevel.GOLD,
            LONG_AGO,
            LocalDate.parse("2026-03-31"),
            LocalDate.parse("2027-06-30"));
    assertEquals(covered(ServiceLevel.GOLD), on(e, "2026-12-31"));
    // extended support still runs, but the base contract ended on 2026-12-31
    assertEquals(
        missing("2026-03-31", Coverage.Prerequisite.BASE_SUPPORT_CONTRACT), on(e, "2027-01-01"));
  }

  @Test
  void extendedSupportNeedsActiveCustomerSuccessServicesThroughTheirLastDay() {
    Entitlement e =
        withCss(
            MaintenanceLevel.GOLD,
            LONG_AGO,
            LocalDate.parse("2026-03-31"),
            LocalDate.parse("2026-12-31"),
            LocalDate.parse("2026-09-30"));
    assertEquals(covered(ServiceLevel.GOLD), on(e, "2026-09-30"));
    assertEquals(
        missing("2026-03-31", Coverage.Prerequisite.CUSTOMER_SUCCESS_SERVICES),
        on(e, "2026-10-01"));
  }

  @Test
  void extendedSupportWithoutCustomerSuccessServicesOnRecordIsNotEnough() {
    Entitlement e =
        withCss(
            MaintenanceLevel.SILVER,
            LONG_AGO,
            LocalDate.parse("2026-03-31"),
            LocalDate.parse("2026-12-31"),
            null);
    assertEquals(covered(ServiceLevel.SILVER), on(e, "2026-03-31"));
    assertEquals(
        missing("2026-03-31", Coverage.Prerequisite.CUSTOMER_SUCCESS_SERVICES),
        on(e, "2026-04-01"));
  }

  @Test
  void namesEveryMissingPrerequisite() {
    Entitlement e =
        withCss(
            MaintenanceLevel.NONE,
            LONG_AGO,
            LocalDate.parse("2026-03-31"),
            LocalDate.parse("2026-12-31"),
            null);
    assertEquals(
        missing(
            "2026-03-31",
            Coverage.Prerequisite.BASE_SUPPORT_CONTRACT,
            Coverage.Prerequisite.CUSTOMER_SUCCESS_SERVICES),
        on(e, "2026-06-01"));
  }

  @Test
  void prerequisitesDoNotMatterBeforeEndOfLifeNorWithoutExtendedSupport() {
    Entitlement beforeEol =
        withCss(MaintenanceLevel.GOLD, LONG_AGO, LocalDate.parse("2026-12-31"), null, null);
    assertEquals(covered(ServiceLevel.GOLD), on(beforeEol, "2026-06-01"));
    Entitlement extendedOver =
        withCss(
            MaintenanceLevel.GOLD,
            LONG_AGO,
            LocalDate.parse("2026-03-31"),
            LocalDate.parse("2026-05-31"),
            null);
    assertEquals(
        new Coverage.EndOfLife(LocalDate.parse("2026-03-31")), on(extendedOver, "2026-06-01"));
  }

  @Test
  void checksEndOfLifeBeforeCoverage() {
    Entitlement e = contract(MaintenanceLevel.NONE, LONG_AGO, LocalDate.parse("2021-01-01"), null);
    assertEquals(new Coverage.EndOfLife(LocalDate.parse("2021-01-01")), on(e, "2026-06-01"));
  }
}
