package com.acme.rma.registry.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * An RMA's hold on a site's address: the address version it was accepted with and the Gold Plus
 * decision made at that moment. Repeating the lock for the same RMA answers exactly this.
 */
public record SiteLock(String rmaNumber, Instant lockedAt, long version, GoldPlus goldPlus) {

  public SiteLock {
    Objects.requireNonNull(rmaNumber, "rmaNumber");
    Objects.requireNonNull(lockedAt, "lockedAt");
    Objects.requireNonNull(goldPlus, "goldPlus");
  }

  public boolean heldBy(String rma) {
    return rmaNumber.equals(rma);
  }
}
