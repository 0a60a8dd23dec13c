package com.acme.rma.registry.application;

import com.acme.rma.registry.domain.GoldPlus;
import com.acme.rma.registry.domain.Site;
import com.acme.rma.registry.domain.SiteLock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Ops' way out of a lock that must go although its RMA is still open (the lock API itself is
 * rma-intake's alone): the lock is released and announced exactly like a normal release, and the
 * release is recorded with who, when and why.
 */
@ApplicationScoped
public class ForceReleaseLock {

  private static final Logger LOG = Logger.getLogger(ForceReleaseLock.class);

  /** What a force-release ended with. */
  public sealed interface Outcome {
    record Released(ForceReleases.Record record) implements Outcome {}

    record NoSite() implements Outcome {}

    record NotLocked() implements Outcome {}
  }

  private final Sites sites;
  private final Owners owners;
  private final Eligibility eligibility;
  private final SiteEvents events;
  private final ForceReleases audit;
  private final Clock clock;

  public ForceReleaseLock(
      Sites sites,
      Owners owners,
      Eligibility eligibility,
      SiteEvents events,
      ForceReleases audit,
      Clock clock) {
    this.sites = sites;
    this.owners = owners;
    this.eligibility = eligibility;
    this.events = events;
    this.audit = audit;
    this.clock = clock;
  }

  @Transactional
  public Outcome release(String serialNumber, String releasedBy, String reason) {
    Optional<StoredSite> stored = sites.findForChange(serialNumber);
    if (stored.isEmpty()) {
      return new Outcome.NoSite();
    }
    Site site = stored.get().site();
    Optional<SiteLock> lock = site.currentLock();
    if (lock.isEmpty()) {
      return new Outcome.NotLocked();
    }
    String rmaNumber = lock.get().rmaNumber();
    Site released = site.releaseFor(rmaNumber).orElseThrow();
    Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    GoldPlus decision = eligibility.decide(released.address(), now);
    sites.save(new StoredSite(released, decision));
    events.siteChanged(released, owners.ownerOf(serialNumber), decision);
    ForceReleases.Record record =
        new ForceReleases.Record(serialNumber, rmaNumber, releasedBy, now, reason);
    audit.add(record);
    LOG.warnf(
        "lock of %s held by %s force-released by %s: %s",
        serialNumber, rmaNumber, releasedBy, reason);
    return new Outcome.Released(record);
  }

  /** A slice of the site's force-releases (newest first) and how many there are. */
  @Transactional
  public History history(String serialNumber, int offset, int limit) {
    return new History(audit.ofSite(serialNumber, offset, limit), audit.countOfSite(serialNumber));
  }

  /** A slice of a site's force-releases and how many there are. */
  public record History(List<ForceReleases.Record> items, long total) {}
}
