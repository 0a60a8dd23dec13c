package com.acme.rma.registry.adapters.rest;

import com.acme.rma.platform.rest.FieldLimits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/**
 * The body of {@code POST /api/v1/sites/{serialNumber}/lock}, sent by rma-intake (role {@code
 * rma-service}): the RMA and the partner it is for. With {@code partnerId} the registry checks its
 * copy of the owner against it ({@code SITE_OWNER_NOT_RECORDED}); only the service role may call,
 * so the member cannot be used to act for another partner.
 */
public record LockBody(
    @NotBlank @Pattern(regexp = FieldLimits.RMA_NUMBER, message = FieldLimits.RMA_NUMBER_MESSAGE)
        String rmaNumber,
    @Pattern(regexp = FieldLimits.NAME_ID, message = FieldLimits.NAME_ID_MESSAGE)
        String partnerId) {}
