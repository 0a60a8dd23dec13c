package com.acme.rma.intake.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class EntitlementTest {

  private static Entitlement with(String start, String end, String eol, String extended) {
    return new Entitlement(
        "SN-1",
        "P-1",
        "C-1",
        "MPX",
        MaintenanceLevel.GOLD,
        LocalDate.parse(start),
        LocalDate.parse(end),
        LocalDate.parse("2025-01-01"),
        eol == null ? null : LocalDate.parse(eol),
        extended == null ? null : LocalDate.parse(extended),
        null);
  }

  @Test
  void acceptsAContractOfASingleDay() {
    assertEquals(List.of(), with("2026-01-01", "2026-01-01", null, null).problems());
  }

  @Test
  void refusesAContractThatEndsBeforeItStarts() {
    assertEquals(
        List.of(new Entitlement.Problem("contractEnd", "must not be before contractStart")),
        with("2026-01-02", "2026-01-01", null, null).problems());
  }

  @Test
  void refusesExtendedSupportThatEndsBeforeEndOfLife() {
    assertEquals(
        List.of(
            new Entitlement.Problem("extendedSupportUntil", "must not be before endOfLifeDate")),
        with("2026-01-01", "2027-01-01", "2026-06-30", "2026-06-29").problems());
    assertEquals(
        List.of(), with("2026-01-01", "2027-01-01", "2026-06-30", "2026-06-30").problems());
  }
}
