package com.acme.rma.intake.application;

import com.acme.rma.intake.domain.Reservation;
import java.time.Instant;
import java.util.Optional;

/** Port: RMA numbers reserved under idempotency keys (see {@link Reservation}). */
public interface ReservationStore {

  /** The key's reservation that is not abandoned, if any. */
  Optional<Reservation> findLive(String partnerId, String idempotencyKey);

  Optional<Reservation> find(String rmaNumber);

  /**
   * Stores the reservation unless the key has a live one already (a concurrent retry won).
   *
   * @return whether it was stored
   */
  boolean insert(Reservation reservation);

  /** Reads and locks it until the transaction ends (the commit and the reconciler take turns). */
  Optional<Reservation> findForUpdate(String rmaNumber);

  /** Stores a new status; must run in a transaction. */
  void update(Reservation reservation);

  /** Forgets a reservation that is still pending (a refused request that holds no lock). */
  void deletePending(String rmaNumber);

  /**
   * Locks and returns the oldest pending reservation made at or before {@code cutoff} that no other
   * transaction holds ({@code FOR UPDATE SKIP LOCKED}), so that replicas never work one twice.
   */
  Optional<Reservation> claimPendingSince(Instant cutoff);
}
