package com.acme.rma.registry.application;

import com.acme.rma.registry.domain.Address;
import com.acme.rma.registry.domain.GoldPlus;
import com.acme.rma.registry.domain.Site;
import com.acme.rma.registry.domain.Site.AddressChange;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Registers or changes an appliance's Gold Plus address (rules §4): a new version for a different
 * address, nothing for the same one, a refusal while an RMA holds the address.
 */
@ApplicationScoped
public class RegisterSiteAddress {

  /** What the registration ended with. */
  public sealed interface Outcome {
    /** Stored (or already so); {@code changed} is false when nothing had to change. */
    record Saved(SiteView site, boolean changed) implements Outcome {}

    /** An RMA holds the address. */
    record Locked(String rmaNumber) implements Outcome {}

    /** Not an appliance this requester may act on. */
    record NotFound() implements Outcome {}
  }

  private final Sites sites;
  private final Owners owners;
  private final Eligibility eligibility;
  private final SiteEvents events;
  private final Clock clock;

  public RegisterSiteAddress(
      Sites sites, Owners owners, Eligibility eligibility, SiteEvents events, Clock clock) {
    this.sites = sites;
    this.owners = owners;
    this.eligibility = eligibility;
    this.events = events;
    this.clock = clock;
  }

  @Transactional
  public Outcome register(Requester requester, String serialNumber, Address address) {
    Optional<String> owner = owners.ownerOf(serialNumber);
    if (!requester.mayActOn(owner)) {
      return new Outcome.NotFound();
    }
    Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    Optional<StoredSite> current = sites.findForChange(serialNumber);
    if (current.isEmpty()) {
      return store(Site.register(serialNumber, address, now), owner, now);
    }
    AddressChange change = current.get().site().changeAddress(address, now);
    if (change instanceof AddressChange.Refused refused) {
      return new Outcome.Locked(refused.holder().rmaNumber());
    }
    if (change instanceof AddressChange.Unchanged unchanged) {
      Site site = unchanged.site();
      return new Outcome.Saved(new SiteView(site, eligibility.decide(site.address(), now)), false);
    }
    return store(((AddressChange.Changed) change).site(), owner, now);
  }

  private Outcome store(Site site, Optional<String> owner, Instant now) {
    GoldPlus decision = eligibility.decide(site.address(), now);
    sites.save(new StoredSite(site, decision));
    events.siteChanged(site, owner, decision);
    return new Outcome.Saved(new SiteView(site, decision), true);
  }
}
