package com.acme.rma.registry.adapters.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/** The body of {@code POST /api/v1/sites/{serialNumber}/lock}. */
public record LockBody(
    @NotBlank @Pattern(regexp = Ids.RMA, message = Ids.RMA_MESSAGE) String rmaNumber) {}
