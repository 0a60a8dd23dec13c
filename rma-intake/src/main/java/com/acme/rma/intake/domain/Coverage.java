package com.acme.rma.intake.domain;

import com.acme.rma.calendar.sla.ServiceLevel;
import java.time.LocalDate;

/**
 * Whether an appliance may get a replacement today, and at which level (rules §2, §6), decided in
 * this order: end of life (unless extended support is active), an active contract at its level, the
 * hardware warranty at WARRANTY, else nothing.
 */
public sealed interface Coverage {

  /** Covered at this level (the level the RMA is requested at). */
  record Covered(ServiceLevel level) implements Coverage {}

  /** Refused: the product is past its end-of-life date without active extended support. */
  record EndOfLife(LocalDate endOfLifeDate) implements Coverage {}

  /** Refused: neither a contract nor the warranty covers today. */
  record NoActiveCoverage() implements Coverage {}

  static Coverage decide(Entitlement entitlement, LocalDate today) {
    if (entitlement.pastEndOfLifeOn(today) && !entitlement.extendedSupportActiveOn(today)) {
      return new EndOfLife(entitlement.endOfLifeDate());
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
