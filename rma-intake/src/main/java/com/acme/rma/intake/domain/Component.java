package com.acme.rma.intake.domain;

/** The part of the appliance to replace. */
public enum Component {
  CHASSIS,
  POWER_SUPPLY,
  FAN,
  DISK,
  SSD,
  NETWORK_CARD,
  TRANSCEIVER,
  MEMORY,
  OTHER
}
