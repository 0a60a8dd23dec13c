package com.acme.rma.dispatch.adapters.kafka;

import com.acme.rma.dispatch.domain.ServiceLevel;
import com.acme.rma.dispatch.domain.ShipmentOrder;
import com.acme.rma.platform.rest.FieldLimits;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** {@code rma.authorized.v1}, the fields dispatch needs (a tolerant reader: others are ignored). */
@JsonIgnoreProperties(ignoreUnknown = true)
record RmaAuthorized(
    @NotBlank @Size(max = FieldLimits.ID) String rmaNumber,
    @NotBlank @Size(max = FieldLimits.ID) String serialNumber,
    @NotBlank @Size(max = FieldLimits.ID) String partnerId,
    @NotNull ServiceLevel serviceLevel,
    @NotNull Instant authorizedAt,
    @NotNull @Valid AddressPayload shipTo,
    @Size(max = FieldLimits.ID) String serviceCenterId) {

  ShipmentOrder toOrder() {
    return new ShipmentOrder(
        rmaNumber,
        partnerId,
        serialNumber,
        serviceLevel,
        shipTo.toDomain(),
        serviceCenterId,
        authorizedAt);
  }
}
