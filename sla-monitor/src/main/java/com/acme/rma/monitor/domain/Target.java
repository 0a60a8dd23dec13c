package com.acme.rma.monitor.domain;

/** What has to happen before the deadline: the replacement delivered, or shipped. */
public enum Target {
  DELIVERY,
  SHIPMENT
}
