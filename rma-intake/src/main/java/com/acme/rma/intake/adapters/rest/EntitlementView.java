package com.acme.rma.intake.adapters.rest;

import com.acme.rma.intake.application.EntitlementStore;
import com.acme.rma.intake.domain.Entitlement;
import com.acme.rma.intake.domain.MaintenanceLevel;
import java.time.Instant;
import java.time.LocalDate;

/** An entitlement as answered: the contract's fields plus when it was last changed. */
public record EntitlementView(
    String serialNumber,
    String partnerId,
    String customerId,
    String productModel,
    MaintenanceLevel maintenanceLevel,
    LocalDate contractStart,
    LocalDate contractEnd,
    LocalDate hardwareShipDate,
    LocalDate endOfLifeDate,
    LocalDate extendedSupportUntil,
    LocalDate customerSuccessServicesUntil,
    Instant createdAt,
    Instant updatedAt) {

  static EntitlementView of(EntitlementStore.Stored stored) {
    Entitlement e = stored.entitlement();
    return new EntitlementView(
        e.serialNumber(),
        e.partnerId(),
        e.customerId(),
        e.productModel(),
        e.maintenanceLevel(),
        e.contractStart(),
        e.contractEnd(),
        e.hardwareShipDate(),
        e.endOfLifeDate(),
        e.extendedSupportUntil(),
        e.customerSuccessServicesUntil(),
        stored.createdAt(),
        stored.updatedAt());
  }
}
