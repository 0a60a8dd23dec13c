package com.acme.rma.registry.adapters.rest;

import com.acme.rma.registry.application.SiteData.AddressData;
import com.acme.rma.registry.application.SiteData.GoldPlusData;
import com.acme.rma.registry.application.SiteData.LockData;
import com.acme.rma.registry.application.SiteView;
import com.acme.rma.registry.domain.ServiceCenter;
import com.acme.rma.registry.domain.Site;
import com.acme.rma.registry.domain.SiteLock;
import java.time.Instant;

/** The answers of the registry's REST API. */
public final class Responses {

  private Responses() {}

  /** A site: {@code {serialNumber, address, version, updatedAt, goldPlus, lock}}. */
  public record SiteResponse(
      String serialNumber,
      AddressData address,
      long version,
      Instant updatedAt,
      GoldPlusData goldPlus,
      LockData lock) {

    public static SiteResponse of(SiteView view) {
      Site site = view.site();
      return new SiteResponse(
          site.serialNumber(),
          AddressData.of(site.address()),
          site.version(),
          site.updatedAt(),
          GoldPlusData.of(view.goldPlus()),
          LockData.of(site.lock()));
    }
  }

  /** The lock as rma-intake is answered: the locked address version and its decision. */
  public record LockResponse(
      String serialNumber,
      String rmaNumber,
      Instant lockedAt,
      AddressData address,
      long version,
      GoldPlusData goldPlus) {

    public static LockResponse of(Site site, SiteLock lock) {
      return new LockResponse(
          site.serialNumber(),
          lock.rmaNumber(),
          lock.lockedAt(),
          AddressData.of(site.address()),
          lock.version(),
          GoldPlusData.of(lock.goldPlus()));
    }
  }

  /** A service center: {@code {id, name, country, latitude, longitude, activeFrom}}. */
  public record ServiceCenterResponse(
      String id,
      String name,
      String country,
      double latitude,
      double longitude,
      Instant activeFrom) {

    public static ServiceCenterResponse of(ServiceCenter center) {
      return new ServiceCenterResponse(
          center.id(),
          center.name(),
          center.country(),
          center.position().latitude(),
          center.position().longitude(),
          center.activeFrom());
    }
  }
}
