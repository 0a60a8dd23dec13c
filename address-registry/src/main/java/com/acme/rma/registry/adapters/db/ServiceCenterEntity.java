package com.acme.rma.registry.adapters.db;

import com.acme.rma.registry.domain.Position;
import com.acme.rma.registry.domain.ServiceCenter;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A row of {@code service_center}. */
@Entity
@Table(name = "service_center")
public class ServiceCenterEntity {

  @Id public String id;

  public String name;
  public String country;
  public double latitude;
  public double longitude;

  @Column(name = "active_from")
  public Instant activeFrom;

  @Column(name = "activation_announced")
  public boolean activationAnnounced;

  ServiceCenter toDomain() {
    return new ServiceCenter(id, name, country, new Position(latitude, longitude), activeFrom);
  }

  void fill(ServiceCenter center, boolean announced) {
    id = center.id();
    name = center.name();
    country = center.country();
    latitude = center.position().latitude();
    longitude = center.position().longitude();
    activeFrom = center.activeFrom();
    activationAnnounced = announced;
  }
}
