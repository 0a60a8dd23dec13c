package com.acme.rma.intake.application;

import com.acme.rma.intake.domain.Rma;
import com.acme.rma.intake.domain.RmaStatus;
import com.acme.rma.platform.rest.Page;
import java.time.Instant;
import java.util.Optional;

/** Port: where RMAs are kept. Writes must run in a transaction. */
public interface RmaStore {

  /** Which RMAs a list shows; null members do not filter. */
  record Filter(String partnerId, RmaStatus status, String serialNumber) {}

  /** The appliance already has an open RMA (the store's uniqueness guard caught a race). */
  final class OpenRmaExistsException extends RuntimeException {
    public OpenRmaExistsException(Throwable cause) {
      super("the appliance already has an open RMA", cause);
    }
  }

  Optional<Rma> find(String rmaNumber);

  /** Reads and locks the RMA until the transaction ends (writers of one RMA take turns). */
  Optional<Rma> findForUpdate(String rmaNumber);

  /** The appliance's open RMA, if any. */
  Optional<Rma> findOpen(String serialNumber);

  /** The next number of the RMA number sequence (never reused, never rolled back). */
  long nextSequence();

  /**
   * Stores a new RMA.
   *
   * @throws OpenRmaExistsException when another open RMA for the appliance exists
   */
  void insert(Rma rma);

  void update(Rma rma);

  /** Newest first (requestedAt, then number, descending). */
  Page<Rma> list(Filter filter, Page.Request page);

  /**
   * Locks and returns one QUEUED RMA due at {@code now} that no other transaction holds (FOR UPDATE
   * SKIP LOCKED), so that replicas issue each one exactly once.
   */
  Optional<Rma> claimDueQueued(Instant now);
}
