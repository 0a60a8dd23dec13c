package com.acme.rma.dispatch.application;

import com.acme.rma.dispatch.domain.Shipment;
import com.acme.rma.dispatch.domain.ShipmentEvent;
import com.acme.rma.dispatch.domain.ShipmentStatus;
import com.acme.rma.platform.rest.Page;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** In-memory fakes of the two ports, for use-case tests without a framework. */
final class InMemoryShipments implements Shipments, ShipmentEventPublisher {

  final Map<String, Shipment> stored = new LinkedHashMap<>();
  final List<ShipmentEvent> published = new ArrayList<>();

  @Override
  public Optional<Shipment> find(String rmaNumber) {
    return Optional.ofNullable(stored.get(rmaNumber));
  }

  @Override
  public Optional<Shipment> findForUpdate(String rmaNumber) {
    return find(rmaNumber);
  }

  @Override
  public void add(Shipment shipment) {
    if (stored.putIfAbsent(shipment.rmaNumber(), shipment) != null) {
      throw new IllegalStateException("duplicate " + shipment.rmaNumber());
    }
  }

  @Override
  public void update(Shipment shipment) {
    if (stored.replace(shipment.rmaNumber(), shipment) == null) {
      throw new IllegalStateException("unknown " + shipment.rmaNumber());
    }
  }

  @Override
  public Page<Shipment> list(Optional<ShipmentStatus> status, Page.Request request) {
    List<Shipment> all =
        stored.values().stream()
            .filter(s -> status.map(st -> s.status() == st).orElse(true))
            .sorted(Comparator.comparing(Shipment::createdAt).reversed())
            .toList();
    int from = Math.min(request.offset(), all.size());
    int to = Math.min(from + request.size(), all.size());
    return new Page<>(all.subList(from, to), request.page(), request.size(), all.size());
  }

  @Override
  public void publish(List<ShipmentEvent> events) {
    published.addAll(events);
  }
}
