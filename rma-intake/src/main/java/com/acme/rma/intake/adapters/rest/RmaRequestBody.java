package com.acme.rma.intake.adapters.rest;

import com.acme.rma.intake.domain.Component;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The contract's {@code RMA request}. */
public record RmaRequestBody(
    @NotBlank
        @Pattern(regexp = Identifiers.SERIAL_NUMBER, message = Identifiers.SERIAL_NUMBER_MESSAGE)
        String serialNumber,
    @NotNull Component component,
    @NotBlank @Size(max = 4000) String faultDescription,
    @Valid AddressBody shipTo,
    @Valid ContactBody contact) {}
