package com.acme.rma.intake.domain;

import com.acme.rma.calendar.sla.ServiceLevel;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether an appliance may get a replacement today, and at which level (rules §2, §6), decided in
 * this order: end of life (unless extended support and its prerequisites are active), an active
 * contract at its level, the hardware warranty at WARRANTY, else nothing.
 */
public sealed interface Coverage {

  /** What extended support needs besides its own contract (rules §6, second round). */
  enum Prerequisite {
    /** The base technical support contract: the maintenance contract (level, dates). */
    BASE_SUPPORT_CONTRACT,
    /** Customer Success Services. */
    CUSTOMER_SUCCESS_SERVICES
  }

  /** Covered at this level (the level the RMA is requested at). */
  record Covered(ServiceLevel level) implements Coverage {}

  /** Refused: the product is past its end-of-life date without active extended support. */
  record EndOfLife(LocalDate endOfLifeDate) implements Coverage {}

  /**
   * Refused: past end of life, the extended-support contract is active, but what it requires is not
   * (each missing prerequisite named, in the enum's order).
   */
  record ExtendedSupportPrerequisitesMissing(LocalDate endOfLifeDate, List<Prerequisite> missing)
      implements Coverage {
    public ExtendedSupportPrerequisitesMissing {
      missing = List.copyOf(missing);
    }
  }

  /** Refused: neither a contract nor the warranty covers today. */
  record NoActiveCoverage() implements Coverage {}

  static Coverage decide(Entitlement entitlement, LocalDate today) {
    if (entitlement.pastEndOfLifeOn(today)) {
      if (!entitlement.extendedSupportContractActiveOn(today)) {
        return new EndOfLife(entitlement.endOfLifeDate());
      }
      List<Prerequisite> missing = new ArrayList<>();
      if (!entitlement.contractActiveOn(today)) {
        missing.add(Prerequisite.BASE_SUPPORT_CONTRACT);
      }
      if (!entitlement.customerSuccessServicesActiveOn(today)) {
        missing.add(Prerequisite.CUSTOMER_SUCCESS_SERVICES);
      }
      if (!missing.isEmpty()) {
        return new ExtendedSupportPrerequisitesMissing(entitlement.endOfLifeDate(), missing);
      }
    }
    if (entitlement.contractActiveOn(today)) {
      return new Covered(entitlement.maintenanceLevel().serviceLevel());
    }
    if (entitlement.underWarrantyOn(today)) {
      return new Covered(ServiceLevel.WARRANTY);
    }
    return new NoActiveCoverage();
  }
}
