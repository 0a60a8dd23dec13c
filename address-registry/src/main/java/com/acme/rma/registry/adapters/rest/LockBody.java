package com.acme.rma.registry.adapters.rest;

import com.acme.rma.platform.rest.FieldLimits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/** The body of {@code POST /api/v1/sites/{serialNumber}/lock}. */
public record LockBody(
    @NotBlank @Pattern(regexp = FieldLimits.RMA_NUMBER, message = FieldLimits.RMA_NUMBER_MESSAGE)
        String rmaNumber) {}
