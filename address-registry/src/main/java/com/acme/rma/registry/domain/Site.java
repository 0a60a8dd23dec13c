package com.acme.rma.registry.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An appliance's registered Gold Plus address (rules §4). The version counts address changes from
 * 1; while an RMA holds the lock, the address cannot change.
 *
 * @param updatedAt when the current address version was written
 * @param lock the RMA holding the address, or null
 */
public record Site(
    String serialNumber, Address address, long version, Instant updatedAt, SiteLock lock) {

  public Site {
    Objects.requireNonNull(serialNumber, "serialNumber");
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(updatedAt, "updatedAt");
    if (version < 1) {
      throw new IllegalArgumentException("versions count from 1");
    }
  }

  /** The first registration of an appliance's address. */
  public static Site register(String serialNumber, Address address, Instant now) {
    return new Site(serialNumber, address, 1, now, null);
  }

  public Optional<SiteLock> currentLock() {
    return Optional.ofNullable(lock);
  }

  /**
   * Registers this address. The same address again changes nothing (no new version), locked or not;
   * a different one is refused while an RMA holds the lock.
   */
  public AddressChange changeAddress(Address newAddress, Instant now) {
    if (address.equals(newAddress)) {
      return new AddressChange.Unchanged(this);
    }
    if (lock != null) {
      return new AddressChange.Refused(lock);
    }
    return new AddressChange.Changed(new Site(serialNumber, newAddress, version + 1, now, null));
  }

  /**
   * Locks the current address version for this RMA with the decision made now. Idempotent for the
   * holder; refused for any other RMA.
   */
  public LockAttempt lockFor(String rmaNumber, Instant now, GoldPlus decision) {
    if (lock == null) {
      SiteLock taken = new SiteLock(rmaNumber, now, version, decision);
      return new LockAttempt.Locked(
          new Site(serialNumber, address, version, updatedAt, taken), taken);
    }
    if (lock.heldBy(rmaNumber)) {
      return new LockAttempt.AlreadyLocked(lock);
    }
    return new LockAttempt.HeldByOther(lock);
  }

  /** The site without the lock, when this RMA holds it; empty when it does not (nothing to do). */
  public Optional<Site> releaseFor(String rmaNumber) {
    if (lock == null || !lock.heldBy(rmaNumber)) {
      return Optional.empty();
    }
    return Optional.of(new Site(serialNumber, address, version, updatedAt, null));
  }

  /** What registering an address did. */
  public sealed interface AddressChange {
    /** A new address version. */
    record Changed(Site site) implements AddressChange {}

    /** The address was already this one: no new version. */
    record Unchanged(Site site) implements AddressChange {}

    /** An RMA holds the address. */
    record Refused(SiteLock holder) implements AddressChange {}
  }

  /** What asking for the lock did. */
  public sealed interface LockAttempt {
    /** The lock was free and is now this RMA's. */
    record Locked(Site site, SiteLock lock) implements LockAttempt {}

    /** This RMA already held it: the same lock as before. */
    record AlreadyLocked(SiteLock lock) implements LockAttempt {}

    /** Another RMA holds it. */
    record HeldByOther(SiteLock holder) implements LockAttempt {}
  }
}
