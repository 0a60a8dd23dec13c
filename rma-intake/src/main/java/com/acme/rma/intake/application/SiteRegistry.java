package com.acme.rma.intake.application;

import com.acme.rma.intake.domain.SiteLock;

/**
 * Port: the address-registry's lock API, called as this service ({@link ServiceToken}, role {@code
 * rma-service}), never with the partner's token. Intake decides ownership (its entitlement) before
 * it calls and names the partner the RMA is for; the registry decides eligibility, and says when
 * its copy of the owner disagrees instead of pretending there is no site.
 */
public interface SiteRegistry {

  /** What a lock request ended with. */
  sealed interface LockOutcome {
    /** Locked for this RMA (or it already was: the call is idempotent). */
    record Locked(SiteLock lock) implements LockOutcome {}

    /** The appliance has no registered address. */
    record NotRegistered() implements LockOutcome {}

    /**
     * The appliance has a registered address, but the registry's copy of its owner is not the
     * caller yet (an entitlement that just moved has not reached it): neither locked nor "no site".
     */
    record OwnerNotRecorded() implements LockOutcome {}

    /** Another RMA holds the lock. */
    record HeldBy(String rmaNumber) implements LockOutcome {}
  }

  /** The registry cannot be reached or does not answer sensibly (after the retry). */
  final class UnavailableException extends RuntimeException {
    public UnavailableException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /**
   * @throws UnavailableException when the registry is down, slow or failing
   */
  LockOutcome lock(String serialNumber, String rmaNumber, String partnerId);

  /**
   * Releases the lock this RMA holds (no-op when it holds none).
   *
   * @throws UnavailableException when the registry is down, slow or failing
   */
  void release(String serialNumber, String rmaNumber);
}
