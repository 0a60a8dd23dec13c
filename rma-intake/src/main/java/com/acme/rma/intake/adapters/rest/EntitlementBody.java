package com.acme.rma.intake.adapters.rest;

import com.acme.rma.intake.domain.Entitlement;
import com.acme.rma.intake.domain.MaintenanceLevel;
import com.acme.rma.platform.rest.FieldLimits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * The contract's {@code Entitlement}. In a PUT, {@code serialNumber} may be left out (the path
 * names it) but must match the path when given.
 */
public record EntitlementBody(
    String serialNumber,
    @NotBlank @Size(max = FieldLimits.ID) String partnerId,
    @NotBlank @Size(max = FieldLimits.ID) String customerId,
    @NotBlank @Size(max = FieldLimits.PRODUCT_MODEL) String productModel,
    @NotNull MaintenanceLevel maintenanceLevel,
    @NotNull LocalDate contractStart,
    @NotNull LocalDate contractEnd,
    @NotNull LocalDate hardwareShipDate,
    LocalDate endOfLifeDate,
    LocalDate extendedSupportUntil,
    LocalDate customerSuccessServicesUntil) {

  Entitlement toDomain(String serialNumber) {
    return new Entitlement(
        serialNumber,
        partnerId,
        customerId,
        productModel,
        maintenanceLevel,
        contractStart,
        contractEnd,
        hardwareShipDate,
        endOfLifeDate,
        extendedSupportUntil,
        customerSuccessServicesUntil);
  }
}
