package com.acme.rma.intake.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.acme.rma.calendar.sla.ServiceLevel;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CoverageTest {

  private static final LocalDate START = LocalDate.parse("2026-01-01");
  private static final LocalDate END = LocalDate.parse("2026-12-31");
  private static final LocalDate LONG_AGO = LocalDate.parse("2020-03-10");

  private static Entitlement contract(
      MaintenanceLevel level, LocalDate shipped, LocalDate eol, LocalDate extendedUntil) {
    return new Entitlement(
        "SN-1", "P-1", "C-1", "MPX", level, START, END, shipped, eol, extendedUntil);
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
  void coversByWarrantyUntilTheDayBeforeTheFirstAnniversaryOfShipment() {
    Entitlement noContract =
        contract(MaintenanceLevel.NONE, LocalDate.parse("2025-12-15"), null, null);
    assertEquals(covered(ServiceLevel.WARRANTY), on(noContract, "2025-12-15"));
    assertEquals(covered(ServiceLevel.WARRANTY), on(noContract, "2026-12-14"));
    assertEquals(new Coverage.NoActiveCoverage(), on(noContract, "2026-12-15"));
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
    assertEquals(new Coverage.EndOfLife(LocalDate.parse("2026-03-31")), on(e, "2027-01-01"));
  }

  @Test
  void checksEndOfLifeBeforeCoverage() {
    Entitlement e = contract(MaintenanceLevel.NONE, LONG_AGO, LocalDate.parse("2021-01-01"), null);
    assertEquals(new Coverage.EndOfLife(LocalDate.parse("2021-01-01")), on(e, "2026-06-01"));
  }
}
