package com.acme.rma.registry.application;

import java.util.List;
import java.util.Optional;

/** Port: where sites are kept. */
public interface Sites {

  Optional<StoredSite> find(String serialNumber);

  /**
   * Reads the site for a change, holding it until the transaction ends: a concurrent change, lock
   * or first registration of the same serial number waits, and centers cannot change meanwhile.
   */
  Optional<StoredSite> findForChange(String serialNumber);

  /**
   * The sites this RMA holds the lock of (normally one), read for a change as {@link
   * #findForChange}.
   */
  List<StoredSite> findLockedByForChange(String rmaNumber);

  /**
   * Every site in the country, read for a change, in serial-number order. Only while holding the
   * centers' write lock ({@link ServiceCenters#lockForWrite()}).
   */
  List<StoredSite> inCountryForChange(String country);

  /** Inserts or updates the site. */
  void save(StoredSite site);
}
