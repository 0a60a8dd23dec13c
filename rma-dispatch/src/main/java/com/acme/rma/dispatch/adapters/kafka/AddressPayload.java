package com.acme.rma.dispatch.adapters.kafka;

import com.acme.rma.dispatch.domain.Address;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** {@code Address} as the events carry it; sizes match what the database stores. */
@JsonIgnoreProperties(ignoreUnknown = true)
record AddressPayload(
    @NotBlank @Size(max = 200) String line1,
    @Size(max = 200) String line2,
    @NotBlank @Size(max = 200) String city,
    @Size(max = 200) String region,
    @NotBlank @Size(max = 40) String postalCode,
    @NotBlank @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code")
        String country,
    @DecimalMin("-90") @DecimalMax("90") Double latitude,
    @DecimalMin("-180") @DecimalMax("180") Double longitude) {

  Address toDomain() {
    return new Address(line1, line2, city, region, postalCode, country, latitude, longitude);
  }
}
