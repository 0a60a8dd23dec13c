package com.acme.rma.monitor.adapters.kafka;

import com.acme.rma.calendar.sla.ServiceLevel;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/** The parts of rma-intake's and rma-dispatch's events that the monitor reads. */
final class RmaEvents {

  private RmaEvents() {}

  /** {@code rma.authorized.v1}. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Authorized(
      @NotBlank String rmaNumber,
      @NotNull ServiceLevel serviceLevel,
      @NotNull Instant authorizedAt,
      String partnerId) {}

  /** {@code rma.cancelled.v1}, {@code rma.closed.v1} and {@code rma.reinstated.v1}. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Ended(@NotBlank String rmaNumber, @NotNull Instant at) {}

  /** {@code dispatch.shipment.*.v1}. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Shipment(@NotBlank String rmaNumber, @NotNull Instant occurredAt) {}
}
