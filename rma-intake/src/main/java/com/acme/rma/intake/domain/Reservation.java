package com.acme.rma.intake.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * An RMA number reserved for a partner's idempotency key before the registry is asked to lock the
 * appliance's address for it. It ends COMMITTED when the RMA with this number is stored, or
 * ABANDONED when the request never got that far within the grace period: then the lock the registry
 * may hold for the number is released, and a retry with the key starts over with a new number
 * (reusing the old one could race with that release).
 */
public record Reservation(
    String rmaNumber,
    String partnerId,
    String idempotencyKey,
    String requestHash,
    String serialNumber,
    Status status,
    Instant reservedAt,
    Instant settledAt) {

  public enum Status {
    PENDING,
    COMMITTED,
    ABANDONED
  }

  public Reservation {
    Objects.requireNonNull(rmaNumber, "rmaNumber");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(reservedAt, "reservedAt");
  }

  /** A new reservation of this number for the key and the request's hash. */
  public static Reservation reserve(
      String rmaNumber,
      String partnerId,
      String idempotencyKey,
      String requestHash,
      String serialNumber,
      Instant now) {
    return new Reservation(
        rmaNumber, partnerId, idempotencyKey, requestHash, serialNumber, Status.PENDING, now, null);
  }

  /** Whether a request with this hash is the one the number was reserved for. */
  public boolean isFor(String hash) {
    return requestHash.equals(hash);
  }

  /**
   * Whether the reconciler gives up on it at {@code now}: still pending when the grace period since
   * the reservation is over (the end of the grace period included).
   */
  public boolean isOverdue(Instant now, Duration grace) {
    return status == Status.PENDING && !reservedAt.plus(grace).isAfter(now);
  }

  /** The RMA with this number is stored. */
  public Reservation commit(Instant now) {
    return settle(Status.COMMITTED, now);
  }

  /** Given up: the number never becomes an RMA. */
  public Reservation abandon(Instant now) {
    return settle(Status.ABANDONED, now);
  }

  private Reservation settle(Status to, Instant now) {
    if (status != Status.PENDING) {
      throw new IllegalStateException(rmaNumber + " is already " + status);
    }
    return new Reservation(
        rmaNumber, partnerId, idempotencyKey, requestHash, serialNumber, to, reservedAt, now);
  }
}
