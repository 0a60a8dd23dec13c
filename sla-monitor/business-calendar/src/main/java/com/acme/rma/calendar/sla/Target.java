package com.acme.rma.calendar.sla;

/** What stops an SLA clock: the replacement delivered, or shipped. */
public enum Target {
  /** The replacement is delivered (GOLD_PLUS, wall clock). */
  DELIVERY,
  /** The replacement is shipped (business-day deadlines). */
  SHIPMENT
}
