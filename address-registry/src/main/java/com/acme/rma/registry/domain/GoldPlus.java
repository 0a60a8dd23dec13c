package com.acme.rma.registry.domain;

import java.time.Instant;
import java.util.Objects;

/** Whether a registered address qualifies for Gold Plus, and if not, why. */
public sealed interface GoldPlus {

  boolean eligible();

  /** An active service center of the same country is close enough; the nearest one serves. */
  record Eligible(String serviceCenterId, double distanceMiles) implements GoldPlus {
    public Eligible {
      Objects.requireNonNull(serviceCenterId, "serviceCenterId");
    }

    @Override
    public boolean eligible() {
      return true;
    }
  }

  /**
   * No active center qualifies.
   *
   * @param effectiveFrom when a pending center that would qualify opens (SERVICE_CENTER_PENDING
   *     only)
   */
  record NotEligible(Reason reason, Instant effectiveFrom) implements GoldPlus {
    public NotEligible {
      Objects.requireNonNull(reason, "reason");
      if ((reason == Reason.SERVICE_CENTER_PENDING) != (effectiveFrom != null)) {
        throw new IllegalArgumentException("effectiveFrom goes with SERVICE_CENTER_PENDING only");
      }
    }

    @Override
    public boolean eligible() {
      return false;
    }
  }

  enum Reason {
    OUT_OF_SERVICE_AREA,
    SERVICE_CENTER_PENDING
  }
}
