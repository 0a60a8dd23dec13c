package com.acme.rma.registry.adapters.rest;

import com.acme.rma.registry.domain.Address;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The body of {@code PUT /api/v1/sites/{serialNumber}/address}: an Address with coordinates. */
public record AddressBody(
    @NotBlank @Size(max = 200) String line1,
    @Size(max = 200) String line2,
    @NotBlank @Size(max = 100) String city,
    @Size(max = 100) String region,
    @NotBlank @Size(max = 20) String postalCode,
    @NotNull @CountryCode String country,
    @NotNull @DecimalMin("-90") @DecimalMax("90") Double latitude,
    @NotNull @DecimalMin("-180") @DecimalMax("180") Double longitude) {

  /** Optional lines left blank are the same as absent. */
  Address toDomain() {
    return new Address(
        line1,
        blankToNull(line2),
        city,
        blankToNull(region),
        postalCode,
        country,
        latitude,
        longitude);
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text;
  }
}
