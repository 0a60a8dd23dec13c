package com.acme.rma.dispatch.application;

import com.acme.rma.dispatch.domain.Shipment;
import com.acme.rma.dispatch.domain.ShipmentStatus;
import com.acme.rma.platform.rest.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Optional;

/** Reads shipments; who may see which one is the REST edge's business. */
@ApplicationScoped
public class FindShipments {

  private final Shipments shipments;

  public FindShipments(Shipments shipments) {
    this.shipments = shipments;
  }

  @Transactional
  public Optional<Shipment> byRmaNumber(String rmaNumber) {
    return shipments.find(rmaNumber);
  }

  @Transactional
  public Page<Shipment> list(Optional<ShipmentStatus> status, Page.Request request) {
    return shipments.list(status, request);
  }
}
