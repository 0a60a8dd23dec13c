package com.acme.rma.dispatch.domain;

/** The effective maintenance level of the RMA the shipment replaces hardware for. */
public enum ServiceLevel {
  GOLD_PLUS,
  GOLD,
  SILVER,
  BRONZE,
  WARRANTY
}
