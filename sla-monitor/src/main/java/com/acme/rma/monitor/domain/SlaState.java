package com.acme.rma.monitor.domain;

/** Where an SLA clock stands. RUNNING and AT_RISK are live: their timer still has moments. */
public enum SlaState {
  RUNNING,
  PAUSED,
  AT_RISK,
  MET,
  BREACHED,
  CANCELLED;

  public boolean isLive() {
    return this == RUNNING || this == AT_RISK;
  }
}
