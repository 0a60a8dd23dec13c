package com.acme.rma.registry.adapters.rest;

import com.acme.rma.platform.rest.CountryCode;
import com.acme.rma.platform.rest.FieldLimits;
import com.acme.rma.registry.domain.Address;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The body of {@code PUT /api/v1/sites/{serialNumber}/address}: an Address with coordinates. */
public record AddressBody(
    @NotBlank @Size(max = FieldLimits.ADDRESS_LINE) String line1,
    @Size(max = FieldLimits.ADDRESS_LINE) String line2,
    @NotBlank @Size(max = FieldLimits.CITY) String city,
    @Size(max = FieldLimits.REGION) String region,
    @NotBlank @Size(max = FieldLimits.POSTAL_CODE) String postalCode,
    @NotNull @CountryCode String country,
    @NotNull @DecimalMin(FieldLimits.LATITUDE_MIN) @DecimalMax(FieldLimits.LATITUDE_MAX)
        Double latitude,
    @NotNull @DecimalMin(FieldLimits.LONGITUDE_MIN) @DecimalMax(FieldLimits.LONGITUDE_MAX)
        Double longitude) {

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
