package com.acme.rma.registry.application;

import java.time.Instant;
import java.util.Optional;

/** Port: which partner each appliance belongs to, as rma-intake's entitlements say. */
public interface Owners {

  Optional<String> ownerOf(String serialNumber);

  /**
   * Records the owner unless a later entitlement change is already recorded.
   *
   * @return true when the owner is now a different partner than before
   */
  boolean record(String serialNumber, String partnerId, Instant changedAt);
}
