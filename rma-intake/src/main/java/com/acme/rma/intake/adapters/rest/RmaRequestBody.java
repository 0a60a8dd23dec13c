package com.acme.rma.intake.adapters.rest;

import com.acme.rma.intake.domain.Component;
import com.acme.rma.platform.rest.FieldLimits;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The contract's {@code RMA request}. */
public record RmaRequestBody(
    @NotBlank @Pattern(regexp = FieldLimits.NAME_ID, message = FieldLimits.NAME_ID_MESSAGE)
        String serialNumber,
    @NotNull Component component,
    @NotBlank @Size(max = FieldLimits.FAULT_DESCRIPTION) String faultDescription,
    @Valid AddressBody shipTo,
    @Valid ContactBody contact) {}
