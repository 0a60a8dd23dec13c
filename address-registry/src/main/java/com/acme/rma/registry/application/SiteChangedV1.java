package com.acme.rma.registry.application;

import com.acme.rma.registry.application.SiteData.AddressData;
import com.acme.rma.registry.application.SiteData.GoldPlusData;
import com.acme.rma.registry.application.SiteData.LockData;
import com.acme.rma.registry.domain.GoldPlus;
import com.acme.rma.registry.domain.Site;
import java.time.Instant;

/**
 * {@code registry.site.changed.v1} on {@code registry.sites}, keyed by serial number: the whole
 * site as it is after the change (the topic is compacted, so the last event is the state).
 *
 * @param partnerId the owning partner, null while no entitlement names one
 */
public record SiteChangedV1(
    String serialNumber,
    String partnerId,
    AddressData address,
    long version,
    Instant updatedAt,
    GoldPlusData goldPlus,
    LockData lock) {

  public static SiteChangedV1 of(Site site, String partnerId, GoldPlus decision) {
    return new SiteChangedV1(
        site.serialNumber(),
        partnerId,
        AddressData.of(site.address()),
        site.version(),
        site.updatedAt(),
        GoldPlusData.of(decision),
        LockData.of(site.lock()));
  }
}
