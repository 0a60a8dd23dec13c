package com.acme.rma.dispatch.domain;

/** What a logistics system may report about a shipment. */
public enum CarrierEventType {
  EXPORT_CLEARED,
  SHIPPED,
  DELIVERED,
  DELIVERY_FAILED
}
