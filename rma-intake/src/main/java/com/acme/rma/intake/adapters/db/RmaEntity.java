package com.acme.rma.intake.adapters.db;

import com.acme.rma.calendar.sla.ServiceLevel;
import com.acme.rma.calendar.sla.Target;
import com.acme.rma.intake.domain.Address;
import com.acme.rma.intake.domain.Component;
import com.acme.rma.intake.domain.Contact;
import com.acme.rma.intake.domain.DowngradeReason;
import com.acme.rma.intake.domain.Rma;
import com.acme.rma.intake.domain.RmaStatus;
import com.acme.rma.intake.domain.Sla;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "rma")
class RmaEntity extends PanacheEntityBase {

  @Id
  @Column(name = "rma_number")
  public String rmaNumber;

  @Column(name = "serial_number", nullable = false)
  public String serialNumber;

  @Column(name = "partner_id", nullable = false)
  public String partnerId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public Component component;

  @Column(name = "fault_description", nullable = false, columnDefinition = "text")
  public String faultDescription;

  @Column(name = "contact_name")
  public String contactName;

  @Column(name = "contact_phone")
  public String contactPhone;

  @Column(name = "contact_email")
  public String contactEmail;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public RmaStatus status;

  @Enumerated(EnumType.STRING)
  @Column(name = "requested_level", nullable = false)
  public ServiceLevel requestedLevel;

  @Enumerated(EnumType.STRING)
  @Column(name = "service_level", nullable = false)
  public ServiceLevel serviceLevel;

  @Enumerated(EnumType.STRING)
  @Column(name = "downgrade_reason")
  public DowngradeReason downgradeReason;

  @Column(name = "requested_at", nullable = false)
  public Instant requestedAt;

  @Column(name = "authorized_at")
  public Instant authorizedAt;

  @Column(name = "issues_at")
  public Instant issuesAt;

  @Enumerated(EnumType.STRING)
  @Column(name = "sla_target", nullable = false)
  public Target slaTarget;

  /** Null while sla-monitor's clock is paused. */
  @Column(name = "sla_due_at")
  public Instant slaDueAt;

  /** When sla-monitor last announced a change of the deadline; null until it does. */
  @Column(name = "sla_changed_at")
  public Instant slaChangedAt;

  @Column(name = "ship_to_line1", nullable = false)
  public String shipToLine1;

  @Column(name = "ship_to_line2")
  public String shipToLine2;

  @Column(name = "ship_to_city", nullable = false)
  public String shipToCity;

  @Column(name = "ship_to_region")
  public String shipToRegion;

  @Column(name = "ship_to_postal_code", nullable = false)
  public String shipToPostalCode;

  @Column(name = "ship_to_country", nullable = false, columnDefinition = "char(2)")
  public String shipToCountry;

  @Column(name = "ship_to_latitude")
  public Double shipToLatitude;

  @Column(name = "ship_to_longitude")
  public Double shipToLongitude;

  @Column(name = "address_version")
  public Integer addressVersion;

  @Column(name = "service_center_id")
  public String serviceCenterId;

  @Column(name = "shipped_at")
  public Instant shippedAt;

  @Column(name = "delivered_at")
  public Instant deliveredAt;

  @Column(name = "closed_at")
  public Instant closedAt;

  @Column(name = "cancelled_at")
  public Instant cancelledAt;

  static RmaEntity from(Rma rma) {
    RmaEntity entity = new RmaEntity();
    entity.rmaNumber = rma.rmaNumber();
    entity.copyFrom(rma);
    return entity;
  }

  void copyFrom(Rma rma) {
    serialNumber = rma.serialNumber();
    partnerId = rma.partnerId();
    component = rma.component();
    faultDescription = rma.faultDescription();
    Contact contact = rma.contact();
    contactName = contact == null ? null : contact.name();
    contactPhone = contact == null ? null : contact.phone();
    contactEmail = contact == null ? null : contact.email();
    status = rma.status();
    requestedLevel = rma.requestedLevel();
    serviceLevel = rma.serviceLevel();
    downgradeReason = rma.downgradeReason();
    requestedAt = rma.requestedAt();
    authorizedAt = rma.authorizedAt();
    issuesAt = rma.issuesAt();
    slaTarget = rma.sla().target();
    slaDueAt = rma.sla().dueAt();
    slaChangedAt = rma.sla().changedAt();
    Address to = rma.shipTo();
    shipToLine1 = to.line1();
    shipToLine2 = to.line2();
    shipToCity = to.city();
    shipToRegion = to.region();
    shipToPostalCode = to.postalCode();
    shipToCountry = to.country();
    shipToLatitude = to.latitude();
    shipToLongitude = to.longitude();
    addressVersion = rma.addressVersion();
    serviceCenterId = rma.serviceCenterId();
    shippedAt = rma.shippedAt();
    deliveredAt = rma.deliveredAt();
    closedAt = rma.closedAt();
    cancelledAt = rma.cancelledAt();
  }

  Rma toDomain() {
    Contact contact =
        contactName == null && contactPhone == null && contactEmail == null
            ? null
            : new Contact(contactName, contactPhone, contactEmail);
    return new Rma(
        rmaNumber,
        serialNumber,
        partnerId,
        component,
        faultDescription,
        contact,
        status,
        requestedLevel,
        serviceLevel,
        downgradeReason,
        requestedAt,
        authorizedAt,
        issuesAt,
        new Sla(slaTarget, slaDueAt, slaChangedAt),
        new Address(
            shipToLine1,
            shipToLine2,
            shipToCity,
            shipToRegion,
            shipToPostalCode,
            shipToCountry,
            shipToLatitude,
            shipToLongitude),
        addressVersion,
        serviceCenterId,
        shippedAt,
        deliveredAt,
        closedAt,
        cancelledAt);
  }
}
