package com.acme.rma.intake.domain;

/** The level an RMA is requested at or handled at (rules §2, WARRANTY by decision). */
public enum ServiceLevel {
  GOLD_PLUS,
  GOLD,
  SILVER,
  BRONZE,
  WARRANTY;

  /** Levels whose RMAs are issued only inside support hours (business days 09:30–17:30 JST). */
  public boolean issuedOnlyInSupportHours() {
    return this == SILVER || this == BRONZE || this == WARRANTY;
  }
}
