package com.acme.rma.registry.application;

import com.acme.rma.registry.domain.Address;
import com.acme.rma.registry.domain.GoldPlus;
import com.acme.rma.registry.domain.GoldPlusRule;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Collection;
import java.util.TreeSet;

/**
 * Applies the Gold Plus rule with the centers as stored, and re-evaluates sites when centers change
 * ("re-evaluate eligibility when centers change"): a site whose decision differs from the one last
 * published is published again.
 */
@ApplicationScoped
public class Eligibility {

  private final ServiceCenters centers;
  private final Sites sites;
  private final Owners owners;
  private final SiteEvents events;

  public Eligibility(ServiceCenters centers, Sites sites, Owners owners, SiteEvents events) {
    this.centers = centers;
    this.sites = sites;
    this.owners = owners;
    this.events = events;
  }

  public GoldPlus decide(Address address, Instant now) {
    return GoldPlusRule.decide(address, centers.inCountry(address.country()), now);
  }

  /**
   * Publishes every site of these countries whose decision now differs from the last one published.
   * The caller holds the centers' write lock.
   *
   * @return how many sites were published
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public int refresh(Collection<String> countries, Instant now) {
    int published = 0;
    for (String country : new TreeSet<>(countries)) {
      var inCountry = centers.inCountry(country);
      for (StoredSite stored : sites.inCountryForChange(country)) {
        GoldPlus decision = GoldPlusRule.decide(stored.site().address(), inCountry, now);
        if (!decision.equals(stored.announced())) {
          sites.save(new StoredSite(stored.site(), decision));
          events.siteChanged(stored.site(), owners.ownerOf(stored.site().serialNumber()), decision);
          published++;
        }
      }
    }
    return published;
  }
}
