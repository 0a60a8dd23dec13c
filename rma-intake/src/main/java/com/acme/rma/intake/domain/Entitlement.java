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
    LocalDate extendedSupportUntil,
    LocalDate customerSuccessServicesUntil) {

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
   * Whether the 1-year hardware warranty covers this day: from the ship date through the same
   * calendar day a year later, inclusive (shipped 2025-12-15 → covered through 2026-12-15).
   */
  public boolean underWarrantyOn(LocalDate day) {
    return !day.isBefore(hardwareShipDate) && !day.isAfter(warrantyLastDay());
  }

  /**
   * The last day of the hardware warranty: the same calendar day {@value #WARRANTY_YEARS} year(s)
   * after shipment; a 29 February that year does not have runs through 1 March.
   */
  public LocalDate warrantyLastDay() {
    LocalDate sameDay = hardwareShipDate.plusYears(WARRANTY_YEARS);
    return sameDay.getDayOfMonth() == hardwareShipDate.getDayOfMonth()
        ? sameDay
        : sameDay.plusDays(1); // plusYears clamped 29 February to 28 February
  }

  /** Past end of life once the EOL date is over (the EOL day itself is still supported). */
  public boolean pastEndOfLifeOn(LocalDate day) {
    return endOfLifeDate != null && endOfLifeDate.isBefore(day);
  }

  /** The extended-support contract itself runs through its last day (prerequisites aside). */
  public boolean extendedSupportContractActiveOn(LocalDate day) {
    return extendedSupportUntil != null && !extendedSupportUntil.isBefore(day);
  }

  /** Customer Success Services run through their last day; none on record means none. */
  public boolean customerSuccessServicesActiveOn(LocalDate day) {
    return customerSuccessServicesUntil != null && !customerSuccessServicesUntil.isBefore(day);
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
