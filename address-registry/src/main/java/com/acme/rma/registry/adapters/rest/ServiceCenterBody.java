package com.acme.rma.registry.adapters.rest;

import com.acme.rma.platform.rest.CountryCode;
import com.acme.rma.platform.rest.FieldLimits;
import com.acme.rma.registry.domain.Position;
import com.acme.rma.registry.domain.ServiceCenter;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The body of {@code PUT /api/v1/service-centers/{id}}. The id comes from the path; an {@code id}
 * in the body is allowed only when it is the same. Without {@code activeFrom} the center is active
 * from the moment it is stored. Instants are kept to the microsecond (the database's precision).
 */
public record ServiceCenterBody(
    String id,
    @NotBlank @Size(max = FieldLimits.SERVICE_CENTER_NAME) String name,
    @NotNull @CountryCode String country,
    @NotNull @DecimalMin(FieldLimits.LATITUDE_MIN) @DecimalMax(FieldLimits.LATITUDE_MAX)
        Double latitude,
    @NotNull @DecimalMin(FieldLimits.LONGITUDE_MIN) @DecimalMax(FieldLimits.LONGITUDE_MAX)
        Double longitude,
    Instant activeFrom) {

  ServiceCenter toDomain(String pathId, Instant now) {
    return new ServiceCenter(
        pathId,
        name,
        country,
        new Position(latitude, longitude),
        activeFrom == null ? now : activeFrom.truncatedTo(ChronoUnit.MICROS));
  }
}
