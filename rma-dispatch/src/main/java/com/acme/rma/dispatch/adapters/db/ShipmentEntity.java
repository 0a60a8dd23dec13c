package com.acme.rma.dispatch.adapters.db;

import com.acme.rma.dispatch.domain.Origin;
import com.acme.rma.dispatch.domain.ServiceLevel;
import com.acme.rma.dispatch.domain.ShipmentStatus;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.BatchSize;

/** The stored form of a shipment; the domain never sees it. */
@Entity
@Table(name = "shipment")
public class ShipmentEntity extends PanacheEntityBase {

  @Id
  @Column(name = "rma_number")
  public String rmaNumber;

  @Column(name = "partner_id", nullable = false)
  public String partnerId;

  @Column(name = "serial_number", nullable = false)
  public String serialNumber;

  @Enumerated(EnumType.STRING)
  @Column(name = "service_level", nullable = false)
  public ServiceLevel serviceLevel;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public ShipmentStatus status;

  @Enumerated(EnumType.STRING)
  @Column(name = "origin_type", nullable = false)
  public Origin.Type originType;

  @Column(name = "origin_id", nullable = false)
  public String originId;

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

  @Column(name = "ship_to_country", nullable = false)
  public String shipToCountry;

  @Column(name = "ship_to_latitude")
  public Double shipToLatitude;

  @Column(name = "ship_to_longitude")
  public Double shipToLongitude;

  @Column(name = "export_certificate_required", nullable = false)
  public boolean exportCertificateRequired;

  public String carrier;

  @Column(name = "tracking_number")
  public String trackingNumber;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  /** When the RMA was authorized (null for shipments recorded before it was kept). */
  @Column(name = "authorized_at")
  public Instant authorizedAt;

  @Column(name = "shipped_at")
  public Instant shippedAt;

  @Column(name = "delivered_at")
  public Instant deliveredAt;

  @Version public long version;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "shipment_history", joinColumns = @JoinColumn(name = "rma_number"))
  @OrderColumn(name = "position")
  @BatchSize(size = 50)
  public List<HistoryRow> history = new ArrayList<>();
}
