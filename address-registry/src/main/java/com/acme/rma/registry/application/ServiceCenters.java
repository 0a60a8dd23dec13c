package com.acme.rma.registry.application;

import com.acme.rma.platform.rest.Page;
import com.acme.rma.registry.domain.ServiceCenter;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Port: where service centers are kept. */
public interface ServiceCenters {

  Optional<ServiceCenter> find(String id);

  List<ServiceCenter> inCountry(String country);

  /** A page ordered by id, optionally only one country's centers. */
  Page<ServiceCenter> list(Page.Request request, Optional<String> country);

  /**
   * Serializes every change to centers with every change to sites until the transaction ends, so
   * that no site is published against centers that are changing under it.
   */
  void lockForWrite();

  /**
   * Inserts or replaces the center.
   *
   * @param activationAnnounced whether its sites have been re-evaluated with it active
   */
  void save(ServiceCenter center, boolean activationAnnounced);

  /** Centers whose {@code activeFrom} has come while their sites were not re-evaluated yet. */
  List<ServiceCenter> activatedUnannounced(Instant now);

  void markActivationAnnounced(String id);
}
