package com.acme.rma.intake.application;

import com.acme.rma.intake.domain.Entitlement;
import java.time.Instant;
import java.util.Optional;

/** Port: where entitlements are kept. */
public interface EntitlementStore {

  /** An entitlement as stored, with its bookkeeping instants. */
  record Stored(Entitlement entitlement, Instant createdAt, Instant updatedAt) {}

  Optional<Stored> find(String serialNumber);

  /** Creates or replaces; must run in a transaction. */
  Stored save(Entitlement entitlement, Instant at);
}
