package com.acme.rma.intake.domain;

import com.acme.rma.calendar.sla.ServiceLevel;

/** The level an entitlement's maintenance contract was sold at (rules §2). */
public enum MaintenanceLevel {
  GOLD_PLUS,
  GOLD,
  SILVER,
  BRONZE,
  /** No maintenance contract: only the hardware warranty can cover the appliance. */
  NONE;

  /** The service level an active contract at this level entitles to; NONE entitles to nothing. */
  ServiceLevel serviceLevel() {
    return switch (this) {
      case GOLD_PLUS -> ServiceLevel.GOLD_PLUS;
      case GOLD -> ServiceLevel.GOLD;
      case SILVER -> ServiceLevel.SILVER;
      case BRONZE -> ServiceLevel.BRONZE;
      case NONE -> throw new IllegalStateException("NONE entitles to no service level");
    };
  }
}
