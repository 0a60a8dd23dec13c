package com.acme.rma.dispatch.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * An authorized RMA, as far as shipping is concerned. {@code serviceCenterId} is the center that
 * qualified a Gold Plus address (absent otherwise).
 */
public record ShipmentOrder(
    String rmaNumber,
    String partnerId,
    String serialNumber,
    ServiceLevel serviceLevel,
    Address shipTo,
    String serviceCenterId,
    Instant authorizedAt) {

  public ShipmentOrder {
    Objects.requireNonNull(rmaNumber, "rmaNumber");
    Objects.requireNonNull(serviceLevel, "serviceLevel");
    Objects.requireNonNull(shipTo, "shipTo");
  }
}
