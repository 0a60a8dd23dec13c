package com.acme.rma.monitor.domain;

/** The effective maintenance level an RMA was issued at (rules.md §2). */
public enum ServiceLevel {
  GOLD_PLUS,
  GOLD,
  SILVER,
  BRONZE,
  WARRANTY
}
