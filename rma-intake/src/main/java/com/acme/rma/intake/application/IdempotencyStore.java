package com.acme.rma.intake.application;

import com.acme.rma.intake.domain.Rma;
import java.time.Instant;
import java.util.Optional;

/** Port: the partners' idempotency keys and the first answer given to each. */
public interface IdempotencyStore {

  /** A key already used: the hash of its request and the RMA as first answered. */
  record Used(String requestHash, Rma firstAnswer) {}

  /** Another request took this key first (a concurrent retry). */
  final class KeyTakenException extends RuntimeException {
    public KeyTakenException(Throwable cause) {
      super("the idempotency key was taken by a concurrent request", cause);
    }
  }

  Optional<Used> find(String partnerId, String key);

  /**
   * Remembers the key with the request's hash and the RMA answered; must run in the RMA's
   * transaction.
   *
   * @throws KeyTakenException when the key was stored meanwhile
   */
  void save(String partnerId, String key, String requestHash, Rma firstAnswer, Instant at);

  /**
   * Forgets at most {@code limit} keys stored before {@code cutoff} (the retention); returns how
   * many. Must run in a transaction.
   */
  int forgetStoredBefore(Instant cutoff, int limit);
}
