package com.acme.rma.intake.adapters.registry;

import com.acme.rma.intake.domain.Address;
import com.acme.rma.intake.domain.DowngradeReason;
import com.acme.rma.intake.domain.SiteLock;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The registry's answers, read leniently: members added later are ignored. */
final class RegistryAnswers {

  private RegistryAnswers() {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Lock(
      String serialNumber,
      String rmaNumber,
      String lockedAt,
      AddressAnswer address,
      Integer version,
      GoldPlus goldPlus) {

    /** The lock in domain terms; a lock without address or version cannot be used. */
    SiteLock toDomain(String requestedRmaNumber) {
      if (address == null || version == null || goldPlus == null) {
        throw new IllegalArgumentException("the lock answer lacks address, version or goldPlus");
      }
      boolean eligible = Boolean.TRUE.equals(goldPlus.eligible());
      return new SiteLock(
          rmaNumber == null ? requestedRmaNumber : rmaNumber,
          address.toDomain(),
          version,
          eligible,
          eligible ? goldPlus.serviceCenterId() : null,
          eligible ? null : reason(goldPlus.reason()));
    }

    /** A reason this service does not know yet is reported as out of the service area. */
    private static DowngradeReason reason(String reason) {
      if ("SERVICE_CENTER_PENDING".equals(reason)) {
        return DowngradeReason.SERVICE_CENTER_PENDING;
      }
      return DowngradeReason.OUT_OF_SERVICE_AREA;
    }
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  record AddressAnswer(
      String line1,
      String line2,
      String city,
      String region,
      String postalCode,
      String country,
      Double latitude,
      Double longitude) {

    Address toDomain() {
      return new Address(line1, line2, city, region, postalCode, country, latitude, longitude);
    }
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  record GoldPlus(
      Boolean eligible,
      String serviceCenterId,
      Double distanceMiles,
      String reason,
      String effectiveFrom) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Problem(String code, String detail, String rmaNumber) {}
}
