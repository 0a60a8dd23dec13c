package com.acme.rma.registry.adapters.db;

import com.acme.rma.registry.application.StoredSite;
import com.acme.rma.registry.domain.Address;
import com.acme.rma.registry.domain.Site;
import com.acme.rma.registry.domain.SiteLock;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A row of {@code site}: the address, its version, the published decision and the lock. */
@Entity
@Table(name = "site")
public class SiteEntity {

  @Id
  @Column(name = "serial_number")
  public String serialNumber;

  public String line1;
  public String line2;
  public String city;
  public String region;

  @Column(name = "postal_code")
  public String postalCode;

  public String country;
  public double latitude;
  public double longitude;
  public long version;

  @Column(name = "updated_at")
  public Instant updatedAt;

  @Embedded
  @AttributeOverrides({
    @AttributeOverride(name = "eligible", column = @Column(name = "gp_eligible")),
    @AttributeOverride(name = "serviceCenterId", column = @Column(name = "gp_service_center_id")),
    @AttributeOverride(name = "distanceMiles", column = @Column(name = "gp_distance_miles")),
    @AttributeOverride(name = "reason", column = @Column(name = "gp_reason")),
    @AttributeOverride(name = "effectiveFrom", column = @Column(name = "gp_effective_from"))
  })
  public GoldPlusColumns announced;

  @Column(name = "lock_rma_number")
  public String lockRmaNumber;

  @Column(name = "locked_at")
  public Instant lockedAt;

  @Column(name = "lock_version")
  public Long lockVersion;

  @Embedded
  @AttributeOverrides({
    @AttributeOverride(name = "eligible", column = @Column(name = "lock_gp_eligible")),
    @AttributeOverride(
        name = "serviceCenterId",
        column = @Column(name = "lock_gp_service_center_id")),
    @AttributeOverride(name = "distanceMiles", column = @Column(name = "lock_gp_distance_miles")),
    @AttributeOverride(name = "reason", column = @Column(name = "lock_gp_reason")),
    @AttributeOverride(name = "effectiveFrom", column = @Column(name = "lock_gp_effective_from"))
  })
  public GoldPlusColumns lockGoldPlus;

  StoredSite toStored() {
    Address address =
        new Address(line1, line2, city, region, postalCode, country, latitude, longitude);
    SiteLock lock =
        lockRmaNumber == null
            ? null
            : new SiteLock(lockRmaNumber, lockedAt, lockVersion, lockGoldPlus.toDomain());
    return new StoredSite(
        new Site(serialNumber, address, version, updatedAt, lock), announced.toDomain());
  }

  void fill(StoredSite stored) {
    Site site = stored.site();
    Address a = site.address();
    serialNumber = site.serialNumber();
    line1 = a.line1();
    line2 = a.line2();
    city = a.city();
    region = a.region();
    postalCode = a.postalCode();
    country = a.country();
    latitude = a.latitude();
    longitude = a.longitude();
    version = site.version();
    updatedAt = site.updatedAt();
    announced = GoldPlusColumns.of(stored.announced());
    SiteLock lock = site.lock();
    lockRmaNumber = lock == null ? null : lock.rmaNumber();
    lockedAt = lock == null ? null : lock.lockedAt();
    lockVersion = lock == null ? null : lock.version();
    lockGoldPlus = lock == null ? null : GoldPlusColumns.of(lock.goldPlus());
  }
}
