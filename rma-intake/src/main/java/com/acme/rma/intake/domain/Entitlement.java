package com.acme.rma.intake.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What an appliance is entitled to: who sold it, its contract, its warranty and its lifecycle.
 * Dates are inclusive days; "today" is always the Tokyo date of the moment in question.
 */
public record Entitlement(
    String serialNumber,
    String partnerId,
    String customerId,
    String productModel,
    MaintenanceLevel maintenanceLevel,
    LocalDate contractStart,
    LocalDate contractEnd,
    LocalDate hardwareShipDate,
    LocalDate endOfLifeDate,
    LocalDate extendedSupportUntil) {

  /** One inconsistency between fields of an entitlement. */
  public record Problem(String field, String message) {}

  /** Hardware warranty length (rules §2: "hardware 1 year"). */
  public static final int WARRANTY_YEARS = 1;

  /**
   * Whether the maintenance contract covers this day: a level other than NONE, inside its dates.
   */
  public boolean contractActiveOn(LocalDate day) {
    return maintenanceLevel != MaintenanceLevel.NONE
        && !day.isBefore(contractStart)
        && !day.isAfter(contractEnd);
  }

  /**
   * Whether the 1-year hardware warranty covers this day: from the ship date up to the day before
   * its first anniversary (shipped 2025-12-15 → covered through 2026-12-14).
   */
  public boolean underWarrantyOn(LocalDate day) {
    return !day.isBefore(hardwareShipDate)
        && day.isBefore(hardwareShipDate.plusYears(WARRANTY_YEARS));
  }

  /** Past end of life once the EOL date is over (the EOL day itself is still supported). */
  public boolean pastEndOfLifeOn(LocalDate day) {
    return endOfLifeDate != null && endOfLifeDate.isBefore(day);
  }

  /** Extended support counts only through its last day and on top of an active base contract. */
  public boolean extendedSupportActiveOn(LocalDate day) {
    return extendedSupportUntil != null
        && !extendedSupportUntil.isBefore(day)
        && contractActiveOn(day);
  }

  /** Inconsistent dates, each with the field to blame; empty when the entitlement is sound. */
  public List<Problem> problems() {
    List<Problem> problems = new ArrayList<>();
    if (contractStart != null && contractEnd != null && contractEnd.isBefore(contractStart)) {
      problems.add(new Problem("contractEnd", "must not be before contractStart"));
    }
    if (endOfLifeDate != null
        && extendedSupportUntil != null
        && extendedSupportUntil.isBefore(endOfLifeDate)) {
      problems.add(new Problem("extendedSupportUntil", "must not be before endOfLifeDate"));
    }
    return problems;
  }
}
