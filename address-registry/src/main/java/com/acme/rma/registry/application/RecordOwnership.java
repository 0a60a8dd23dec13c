package com.acme.rma.registry.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;

/**
 * Learns which partner owns an appliance from rma-intake's entitlement changes. When the owner of a
 * registered site changes, the site is published again (its event names the partner).
 */
@ApplicationScoped
public class RecordOwnership {

  private final Owners owners;
  private final Sites sites;
  private final Eligibility eligibility;
  private final SiteEvents events;
  private final Clock clock;

  public RecordOwnership(
      Owners owners, Sites sites, Eligibility eligibility, SiteEvents events, Clock clock) {
    this.owners = owners;
    this.sites = sites;
    this.eligibility = eligibility;
    this.events = events;
    this.clock = clock;
  }

  /**
   * @param changedAt when the entitlement changed; an older change than the one recorded is ignored
   */
  @Transactional(Transactional.TxType.REQUIRED)
  public void record(String serialNumber, String partnerId, Instant changedAt) {
    sites
        .findForChange(serialNumber)
        .ifPresentOrElse(
            stored -> {
              if (owners.record(serialNumber, partnerId, changedAt)) {
                var decision = eligibility.decide(stored.site().address(), Instant.now(clock));
                sites.save(new StoredSite(stored.site(), decision));
                events.siteChanged(stored.site(), owners.ownerOf(serialNumber), decision);
              }
            },
            () -> owners.record(serialNumber, partnerId, changedAt));
  }
}
