package com.acme.rma.registry.application;

import com.acme.rma.platform.rest.Page;
import com.acme.rma.registry.domain.ServiceCenter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Ops keeps the service centers. Creating, moving or re-dating a center re-evaluates the sites of
 * its country (both countries when it moves) and publishes those whose Gold Plus decision changed.
 */
@ApplicationScoped
public class ManageServiceCenters {

  private final ServiceCenters centers;
  private final Eligibility eligibility;
  private final Clock clock;

  public ManageServiceCenters(ServiceCenters centers, Eligibility eligibility, Clock clock) {
    this.centers = centers;
    this.eligibility = eligibility;
    this.clock = clock;
  }

  /** Creates or replaces the center; the answer is the center as stored. */
  @Transactional
  public ServiceCenter save(ServiceCenter center) {
    centers.lockForWrite();
    Instant now = Instant.now(clock);
    Optional<ServiceCenter> previous = centers.find(center.id());
    centers.save(center, center.isActiveAt(now));
    Set<String> countries = new TreeSet<>();
    countries.add(center.country());
    previous.ifPresent(p -> countries.add(p.country()));
    eligibility.refresh(countries, now);
    return center;
  }

  @Transactional
  public Optional<ServiceCenter> find(String id) {
    return centers.find(id);
  }

  @Transactional
  public Page<ServiceCenter> list(Page.Request request, Optional<String> country) {
    return centers.list(request, country);
  }
}
