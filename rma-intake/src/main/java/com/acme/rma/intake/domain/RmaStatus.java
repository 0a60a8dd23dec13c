package com.acme.rma.intake.domain;

/** Where an RMA is in its life. */
public enum RmaStatus {
  /** Accepted outside support hours; issued (authorized) at the next opening. */
  QUEUED,
  AUTHORIZED,
  SHIPPED,
  DELIVERED,
  CLOSED,
  CANCELLED;

  /** Open RMAs block another RMA for the same appliance. */
  public boolean isOpen() {
    return this != CLOSED && this != CANCELLED;
  }

  /** Cancelling is possible until the replacement has shipped. */
  public boolean isCancellable() {
    return this == QUEUED || this == AUTHORIZED;
  }
}
