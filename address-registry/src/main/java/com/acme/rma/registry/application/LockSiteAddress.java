package com.acme.rma.registry.application;

import com.acme.rma.registry.domain.GoldPlus;
import com.acme.rma.registry.domain.Site;
import com.acme.rma.registry.domain.Site.LockAttempt;
import com.acme.rma.registry.domain.SiteLock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The lock rma-intake takes when it accepts an RMA: it freezes the current address version for that
 * RMA and answers it with the Gold Plus decision of that moment. A change and a lock of the same
 * site are serialized by the site's row lock, so exactly one of them wins a race.
 */
@ApplicationScoped
public class LockSiteAddress {

  private static final Logger LOG = Logger.getLogger(LockSiteAddress.class);

  /** What a lock request ended with. */
  public sealed interface Outcome {
    /** The RMA holds the lock (newly, or already: the answer is the same). */
    record Granted(Site site, SiteLock lock) implements Outcome {}

    /** Another RMA holds it. */
    record HeldByOther(String rmaNumber) implements Outcome {}

    /** No registered address: the only case the lock API answers "no site". */
    record NotFound() implements Outcome {}

    /**
     * A registered address, but this registry's copy of the owner is not the requester (it may lag
     * behind an entitlement that just moved). Intake owns the ownership decision; the registry only
     * says that it cannot confirm it, never that there is no site.
     */
    record OwnerNotRecorded() implements Outcome {}
  }

  /** What a release ended with. */
  public enum Release {
    /** Released, or this RMA held no lock there (idempotent). */
    DONE,
    /** No registered address. */
    NO_SITE,
    /** A registered address whose recorded owner is not the requester. */
    OWNER_NOT_RECORDED
  }

  private final Sites sites;
  private final Owners owners;
  private final Eligibility eligibility;
  private final SiteEvents events;
  private final Clock clock;

  public LockSiteAddress(
      Sites sites, Owners owners, Eligibility eligibility, SiteEvents events, Clock clock) {
    this.sites = sites;
    this.owners = owners;
    this.eligibility = eligibility;
    this.events = events;
    this.clock = clock;
  }

  @Transactional
  public Outcome lock(Requester requester, String serialNumber, String rmaNumber) {
    Optional<String> owner = owners.ownerOf(serialNumber);
    Optional<StoredSite> stored = sites.findForChange(serialNumber);
    if (stored.isEmpty()) {
      return new Outcome.NotFound();
    }
    if (!requester.mayActOn(owner)) {
      return new Outcome.OwnerNotRecorded();
    }
    Site site = stored.get().site();
    Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    GoldPlus decision = eligibility.decide(site.address(), now);
    LockAttempt attempt = site.lockFor(rmaNumber, now, decision);
    if (attempt instanceof LockAttempt.HeldByOther other) {
      return new Outcome.HeldByOther(other.holder().rmaNumber());
    }
    if (attempt instanceof LockAttempt.AlreadyLocked already) {
      return new Outcome.Granted(site, already.lock());
    }
    LockAttempt.Locked locked = (LockAttempt.Locked) attempt;
    sites.save(new StoredSite(locked.site(), decision));
    events.siteChanged(locked.site(), owner, decision);
    return new Outcome.Granted(locked.site(), locked.lock());
  }

  /** Releases the lock if this RMA holds it; nothing otherwise (idempotent). */
  @Transactional
  public Release unlock(Requester requester, String serialNumber, String rmaNumber) {
    Optional<String> owner = owners.ownerOf(serialNumber);
    Optional<StoredSite> stored = sites.findForChange(serialNumber);
    if (stored.isEmpty()) {
      return Release.NO_SITE;
    }
    if (!requester.mayActOn(owner)) {
      return Release.OWNER_NOT_RECORDED;
    }
    stored.get().site().releaseFor(rmaNumber).ifPresent(released -> publish(released, owner));
    return Release.DONE;
  }

  /**
   * Releases whatever site this RMA holds, as its close or cancellation says (idempotent).
   *
   * @return whether a lock was released
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public boolean releaseEnded(String rmaNumber) {
    boolean any = false;
    for (StoredSite stored : sites.findLockedByForChange(rmaNumber)) {
      Optional<Site> released = stored.site().releaseFor(rmaNumber);
      if (released.isPresent()) {
        publish(released.get(), owners.ownerOf(released.get().serialNumber()));
        any = true;
      }
    }
    return any;
  }

  /**
   * Takes the lock again for an RMA whose cancellation did not take ({@code rma.reinstated.v1}: its
   * replacement had left before the cancel reached dispatch, so the address must stay as it is for
   * the time of the replacement). Only for an RMA that held a lock ({@code addressVersion} set);
   * the current address version is locked with the decision of this moment. Idempotent: nothing
   * happens when the RMA holds the lock already, and a lock another RMA took in between stays that
   * RMA's (the registry cannot take it away; logged).
   *
   * @return whether the lock was taken
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public boolean relockReinstated(String rmaNumber, String serialNumber, Integer addressVersion) {
    if (addressVersion == null || serialNumber == null) {
      return false; // the RMA never held a lock
    }
    Optional<StoredSite> stored = sites.findForChange(serialNumber);
    if (stored.isEmpty()) {
      LOG.warnf("%s reinstated, but %s has no registered site to lock", rmaNumber, serialNumber);
      return false;
    }
    Site site = stored.get().site();
    Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    GoldPlus decision = eligibility.decide(site.address(), now);
    LockAttempt attempt = site.lockFor(rmaNumber, now, decision);
    if (attempt instanceof LockAttempt.HeldByOther other) {
      LOG.warnf(
          "%s reinstated, but %s is locked by %s since: that lock stays",
          rmaNumber, serialNumber, other.holder().rmaNumber());
      return false;
    }
    if (!(attempt instanceof LockAttempt.Locked locked)) {
      return false; // already locked by this RMA
    }
    if (site.version() != addressVersion) {
      LOG.infof(
          "%s reinstated: %s changed from version %d to %d while it was cancelled; the RMA ships"
              + " to its own address, the current one is locked",
          rmaNumber, serialNumber, addressVersion, site.version());
    }
    sites.save(new StoredSite(locked.site(), decision));
    events.siteChanged(locked.site(), owners.ownerOf(serialNumber), decision);
    return true;
  }

  private void publish(Site released, Optional<String> owner) {
    GoldPlus decision = eligibility.decide(released.address(), Instant.now(clock));
    sites.save(new StoredSite(released, decision));
    events.siteChanged(released, owner, decision);
  }
}
