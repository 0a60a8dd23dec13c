package com.acme.rma.registry.application;

import com.acme.rma.registry.domain.Site;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Reads a site with its Gold Plus decision as of now, so a pending center counts from the moment it
 * opens.
 */
@ApplicationScoped
public class ReadSite {

  private final Sites sites;
  private final Owners owners;
  private final Eligibility eligibility;
  private final Clock clock;

  public ReadSite(Sites sites, Owners owners, Eligibility eligibility, Clock clock) {
    this.sites = sites;
    this.owners = owners;
    this.eligibility = eligibility;
    this.clock = clock;
  }

  /** Empty when there is no such site or the requester may not see it: the same answer. */
  @Transactional
  public Optional<SiteView> read(Requester requester, String serialNumber) {
    if (!requester.mayActOn(owners.ownerOf(serialNumber))) {
      return Optional.empty();
    }
    Instant now = Instant.now(clock);
    return sites
        .find(serialNumber)
        .map(StoredSite::site)
        .map((Site site) -> new SiteView(site, eligibility.decide(site.address(), now)));
  }
}
