package com.acme.rma.dispatch.adapters.kafka;

/** Topics and CloudEvent types this service reads and writes (contract.md, Kafka topics). */
final class Topics {

  static final String SHIPMENTS = "dispatch.shipments";

  static final String RMA_AUTHORIZED = "rma.authorized.v1";
  static final String RMA_CANCELLED = "rma.cancelled.v1";
  static final String CARRIER_STATUS = "logistics.carrier.status.v1";

  private Topics() {}
}
