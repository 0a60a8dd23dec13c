package com.acme.rma.dispatch.adapters.kafka;

import com.acme.rma.platform.rest.FieldLimits;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** {@code rma.cancelled.v1}. */
@JsonIgnoreProperties(ignoreUnknown = true)
record RmaCancelled(
    @NotBlank @Size(max = FieldLimits.ID) String rmaNumber,
    String serialNumber,
    @NotNull Instant at) {}
