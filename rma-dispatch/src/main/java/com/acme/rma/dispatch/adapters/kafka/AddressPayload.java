package com.acme.rma.dispatch.adapters.kafka;

import com.acme.rma.dispatch.domain.Address;
import com.acme.rma.platform.rest.CountryCode;
import com.acme.rma.platform.rest.FieldLimits;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** {@code Address} as the events carry it, with the kit's limits (the database stores as much). */
@JsonIgnoreProperties(ignoreUnknown = true)
record AddressPayload(
    @NotBlank @Size(max = FieldLimits.ADDRESS_LINE) String line1,
    @Size(max = FieldLimits.ADDRESS_LINE) String line2,
    @NotBlank @Size(max = FieldLimits.CITY) String city,
    @Size(max = FieldLimits.REGION) String region,
    @NotBlank @Size(max = FieldLimits.POSTAL_CODE) String postalCode,
    @NotNull @CountryCode String country,
    @DecimalMin(FieldLimits.LATITUDE_MIN) @DecimalMax(FieldLimits.LATITUDE_MAX) Double latitude,
    @DecimalMin(FieldLimits.LONGITUDE_MIN) @DecimalMax(FieldLimits.LONGITUDE_MAX)
        Double longitude) {

  Address toDomain() {
    return new Address(line1, line2, city, region, postalCode, country, latitude, longitude);
  }
}
