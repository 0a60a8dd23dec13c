package com.acme.rma.intake.domain;

/** What stops an RMA's SLA clock. */
public enum SlaTarget {
  /** The replacement is delivered (GOLD_PLUS, 4 hours wall clock). */
  DELIVERY,
  /** The replacement is shipped (business-day deadlines). */
  SHIPMENT
}
