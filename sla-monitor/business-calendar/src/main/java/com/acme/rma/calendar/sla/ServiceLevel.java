package com.acme.rma.calendar.sla;

/** The level an RMA is handled at (rules.md §2; WARRANTY by decision). */
public enum ServiceLevel {
  GOLD_PLUS,
  GOLD,
  SILVER,
  BRONZE,
  WARRANTY;

  /**
   * Levels whose support runs only in support hours (business days 09:30–17:30 JST): their RMAs are
   * issued, and their clocks started, at the next opening when requested outside them. GOLD and
   * GOLD_PLUS have 24×7×365 support.
   */
  public boolean issuedOnlyInSupportHours() {
    return this == SILVER || this == BRONZE || this == WARRANTY;
  }
}
