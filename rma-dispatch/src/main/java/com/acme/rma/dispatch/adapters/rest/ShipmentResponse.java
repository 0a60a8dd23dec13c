package com.acme.rma.dispatch.adapters.rest;

import com.acme.rma.dispatch.domain.Address;
import com.acme.rma.dispatch.domain.Origin;
import com.acme.rma.dispatch.domain.ServiceLevel;
import com.acme.rma.dispatch.domain.Shipment;
import com.acme.rma.dispatch.domain.ShipmentStatus;
import java.time.Instant;
import java.util.List;

/** A shipment as contract.md shows it; the owning partner and appliance stay inside. */
public record ShipmentResponse(
    String rmaNumber,
    ServiceLevel serviceLevel,
    ShipmentStatus status,
    OriginView origin,
    Address shipTo,
    boolean exportCertificateRequired,
    String carrier,
    String trackingNumber,
    Instant createdAt,
    Instant shippedAt,
    Instant deliveredAt,
    List<HistoryView> history) {

  public record OriginView(Origin.Type type, String id) {}

  /** {@code receivedAt}: when dispatch received the carrier's report (null for its own entries). */
  public record HistoryView(ShipmentStatus status, Instant at, Instant receivedAt) {}

  static ShipmentResponse of(Shipment s) {
    return new ShipmentResponse(
        s.rmaNumber(),
        s.serviceLevel(),
        s.status(),
        new OriginView(s.origin().type(), s.origin().id()),
        s.shipTo(),
        s.exportCertificateRequired(),
        s.carrier(),
        s.trackingNumber(),
        s.createdAt(),
        s.shippedAt(),
        s.deliveredAt(),
        s.history().stream()
            .map(h -> new HistoryView(h.status(), h.at(), h.receivedAt()))
            .toList());
  }
}
