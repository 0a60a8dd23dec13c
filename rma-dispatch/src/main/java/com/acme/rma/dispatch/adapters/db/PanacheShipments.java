package com.acme.rma.dispatch.adapters.db;

import com.acme.rma.dispatch.application.Shipments;
import com.acme.rma.dispatch.domain.Address;
import com.acme.rma.dispatch.domain.HistoryEntry;
import com.acme.rma.dispatch.domain.Origin;
import com.acme.rma.dispatch.domain.Shipment;
import com.acme.rma.dispatch.domain.ShipmentStatus;
import com.acme.rma.platform.rest.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/** Shipments in PostgreSQL, mapped to and from the domain record. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class PanacheShipments implements Shipments {

  private static final Sort NEWEST_FIRST =
      Sort.by("createdAt", Sort.Direction.Descending).and("rmaNumber", Sort.Direction.Descending);

  @Override
  public Optional<Shipment> find(String rmaNumber) {
    return ShipmentEntity.<ShipmentEntity>findByIdOptional(rmaNumber)
        .map(PanacheShipments::toDomain);
  }

  @Override
  public Optional<Shipment> findForUpdate(String rmaNumber) {
    return ShipmentEntity.<ShipmentEntity>findByIdOptional(
            rmaNumber, LockModeType.PESSIMISTIC_WRITE)
        .map(PanacheShipments::toDomain);
  }

  @Override
  public void add(Shipment shipment) {
    ShipmentEntity entity = new ShipmentEntity();
    entity.rmaNumber = shipment.rmaNumber();
    entity.partnerId = shipment.partnerId();
    entity.serialNumber = shipment.serialNumber();
    entity.serviceLevel = shipment.serviceLevel();
    entity.originType = shipment.origin().type();
    entity.originId = shipment.origin().id();
    Address to = shipment.shipTo();
    entity.shipToLine1 = to.line1();
    entity.shipToLine2 = to.line2();
    entity.shipToCity = to.city();
    entity.shipToRegion = to.region();
    entity.shipToPostalCode = to.postalCode();
    entity.shipToCountry = to.country();
    entity.shipToLatitude = to.latitude();
    entity.shipToLongitude = to.longitude();
    entity.exportCertificateRequired = shipment.exportCertificateRequired();
    entity.createdAt = shipment.createdAt();
    entity.authorizedAt = shipment.authorizedAt();
    copyState(shipment, entity);
    entity.persist();
  }

  @Override
  public void update(Shipment shipment) {
    ShipmentEntity entity =
        ShipmentEntity.<ShipmentEntity>findByIdOptional(shipment.rmaNumber())
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "no shipment " + shipment.rmaNumber() + " to update"));
    copyState(shipment, entity);
  }

  @Override
  public Page<Shipment> list(Optional<ShipmentStatus> status, Page.Request request) {
    var query =
        status.isPresent()
            ? ShipmentEntity.<ShipmentEntity>find("status", NEWEST_FIRST, status.get())
            : ShipmentEntity.<ShipmentEntity>findAll(NEWEST_FIRST);
    List<Shipment> items =
        query.page(request.page(), request.size()).list().stream()
            .map(PanacheShipments::toDomain)
            .toList();
    return new Page<>(items, request.page(), request.size(), query.count());
  }

  /** What changes over a shipment's life; history only ever grows, so only new rows are added. */
  private static void copyState(Shipment shipment, ShipmentEntity entity) {
    entity.status = shipment.status();
    entity.carrier = shipment.carrier();
    entity.trackingNumber = shipment.trackingNumber();
    entity.shippedAt = shipment.shippedAt();
    entity.deliveredAt = shipment.deliveredAt();
    List<HistoryEntry> history = shipment.history();
    for (int i = entity.history.size(); i < history.size(); i++) {
      HistoryEntry entry = history.get(i);
      entity.history.add(new HistoryRow(entry.status(), entry.at(), entry.receivedAt()));
    }
  }

  private static Shipment toDomain(ShipmentEntity e) {
    return new Shipment(
        e.rmaNumber,
        e.partnerId,
        e.serialNumber,
        e.serviceLevel,
        e.status,
        new Origin(e.originType, e.originId),
        new Address(
            e.shipToLine1,
            e.shipToLine2,
            e.shipToCity,
            e.shipToRegion,
            e.shipToPostalCode,
            e.shipToCountry,
            e.shipToLatitude,
            e.shipToLongitude),
        e.exportCertificateRequired,
        e.carrier,
        e.trackingNumber,
        e.createdAt,
        e.shippedAt,
        e.deliveredAt,
        e.history.stream().map(h -> new HistoryEntry(h.status, h.at, h.receivedAt)).toList(),
        e.authorizedAt);
  }
}
