package com.acme.rma.monitor.adapters.db;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A row of {@code parked_shipment_event}. */
@Entity
@Table(name = "parked_shipment_event")
public class ParkedShipmentEventEntity extends PanacheEntityBase {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long seq;

  @Column(name = "rma_number", nullable = false)
  public String rmaNumber;

  @Column(nullable = false)
  public String kind;

  @Column(name = "occurred_at", nullable = false)
  public Instant occurredAt;

  @Column(name = "parked_at", nullable = false)
  public Instant parkedAt;
}
