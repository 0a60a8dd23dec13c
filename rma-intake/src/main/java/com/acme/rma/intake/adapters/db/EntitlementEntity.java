package com.acme.rma.intake.adapters.db;

import com.acme.rma.intake.domain.Entitlement;
import com.acme.rma.intake.domain.MaintenanceLevel;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

@Entity
@Table(name = "entitlement")
class EntitlementEntity extends PanacheEntityBase {

  @Id
  @Column(name = "serial_number")
  public String serialNumber;

  @Column(name = "partner_id", nullable = false)
  public String partnerId;

  @Column(name = "customer_id", nullable = false)
  public String customerId;

  @Column(name = "product_model", nullable = false)
  public String productModel;

  @Enumerated(EnumType.STRING)
  @Column(name = "maintenance_level", nullable = false)
  public MaintenanceLevel maintenanceLevel;

  @Column(name = "contract_start", nullable = false)
  public LocalDate contractStart;

  @Column(name = "contract_end", nullable = false)
  public LocalDate contractEnd;

  @Column(name = "hardware_ship_date", nullable = false)
  public LocalDate hardwareShipDate;

  @Column(name = "end_of_life_date")
  public LocalDate endOfLifeDate;

  @Column(name = "extended_support_until")
  public LocalDate extendedSupportUntil;

  @Column(name = "customer_success_services_until")
  public LocalDate customerSuccessServicesUntil;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;

  Entitlement toDomain() {
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

  void copyFrom(Entitlement e) {
    serialNumber = e.serialNumber();
    partnerId = e.partnerId();
    customerId = e.customerId();
    productModel = e.productModel();
    maintenanceLevel = e.maintenanceLevel();
    contractStart = e.contractStart();
    contractEnd = e.contractEnd();
    hardwareShipDate = e.hardwareShipDate();
    endOfLifeDate = e.endOfLifeDate();
    extendedSupportUntil = e.extendedSupportUntil();
    customerSuccessServicesUntil = e.customerSuccessServicesUntil();
  }
}
