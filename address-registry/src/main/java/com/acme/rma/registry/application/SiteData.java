package com.acme.rma.registry.application;

import com.acme.rma.registry.domain.Address;
import com.acme.rma.registry.domain.GoldPlus;
import com.acme.rma.registry.domain.SiteLock;
import java.time.Instant;

/** The JSON shapes of a site's parts, the same in REST answers and in events. */
public final class SiteData {

  private SiteData() {}

  /** An {@code Address} as the contract writes it. */
  public record AddressData(
      String line1,
      String line2,
      String city,
      String region,
      String postalCode,
      String country,
      double latitude,
      double longitude) {

    public static AddressData of(Address a) {
      return new AddressData(
          a.line1(),
          a.line2(),
          a.city(),
          a.region(),
          a.postalCode(),
          a.country(),
          a.latitude(),
          a.longitude());
    }
  }

  /**
   * The Gold Plus decision: {@code serviceCenterId} and {@code distanceMiles} when eligible, a
   * {@code reason} (OUT_OF_SERVICE_AREA, SERVICE_CENTER_PENDING) when not, and {@code
   * effectiveFrom} when a pending center would qualify.
   */
  public record GoldPlusData(
      boolean eligible,
      String serviceCenterId,
      Double distanceMiles,
      String reason,
      Instant effectiveFrom) {

    public static GoldPlusData of(GoldPlus decision) {
      if (decision instanceof GoldPlus.Eligible e) {
        return new GoldPlusData(true, e.serviceCenterId(), e.distanceMiles(), null, null);
      }
      GoldPlus.NotEligible n = (GoldPlus.NotEligible) decision;
      return new GoldPlusData(false, null, null, n.reason().name(), n.effectiveFrom());
    }
  }

  /** Who holds the address, since when. */
  public record LockData(String rmaNumber, Instant lockedAt) {

    public static LockData of(SiteLock lock) {
      return lock == null ? null : new LockData(lock.rmaNumber(), lock.lockedAt());
    }
  }
}
