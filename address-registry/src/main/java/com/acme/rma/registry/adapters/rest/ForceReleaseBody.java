package com.acme.rma.registry.adapters.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The body of ops' {@code POST /api/v1/sites/{serialNumber}/lock/force-release}. */
public record ForceReleaseBody(@NotBlank @Size(max = ForceReleaseBody.MAX_REASON) String reason) {
  public static final int MAX_REASON = 500;
}
