package com.acme.rma.dispatch.application;

import com.acme.rma.dispatch.domain.Shipment;
import com.acme.rma.dispatch.domain.ShipmentStatus;
import com.acme.rma.platform.rest.Page;
import java.util.Optional;

/** Port: where shipments are kept. */
public interface Shipments {

  Optional<Shipment> find(String rmaNumber);

  /** Reads the shipment and holds a write lock on it until the transaction ends. */
  Optional<Shipment> findForUpdate(String rmaNumber);

  void add(Shipment shipment);

  /** Stores the new state of a shipment read with {@link #findForUpdate} in this transaction. */
  void update(Shipment shipment);

  /** Newest first (by creation time), optionally only those in one status. */
  Page<Shipment> list(Optional<ShipmentStatus> status, Page.Request request);
}
