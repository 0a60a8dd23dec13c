package com.acme.rma.intake.adapters.rest;

import com.acme.rma.intake.domain.Address;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** {@code Address} as the contract spells it, in requests and answers. */
public record AddressBody(
    @NotBlank @Size(max = 200) String line1,
    @Size(max = 200) String line2,
    @NotBlank @Size(max = 200) String city,
    @Size(max = 200) String region,
    @NotBlank @Size(max = 64) String postalCode,
    @NotNull @CountryCode String country,
    @DecimalMin("-90") @DecimalMax("90") Double latitude,
    @DecimalMin("-180") @DecimalMax("180") Double longitude) {

  Address toDomain() {
    return new Address(line1, line2, city, region, postalCode, country, latitude, longitude);
  }

  static AddressBody of(Address a) {
    return a == null
        ? null
        : new AddressBody(
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
