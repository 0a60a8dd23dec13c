package com.acme.rma.intake.domain;

/** Why a Gold Plus RMA is handled at GOLD (rules §4). */
public enum DowngradeReason {
  ADDRESS_NOT_REGISTERED,
  OUT_OF_SERVICE_AREA,
  SERVICE_CENTER_PENDING,
  COMPONENT_EXCLUDED
}
