package com.acme.rma.dispatch.adapters.rest;

import com.acme.rma.dispatch.domain.CarrierEventType;
import com.acme.rma.dispatch.domain.CarrierReport;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * Carrier progress as a logistics system reports it. {@code rmaNumber} is optional (the path names
 * the shipment) but must match the path when given, so the Kafka payload may be posted as is.
 */
public record CarrierEventRequest(
    @NotNull CarrierEventType type,
    @NotNull Instant occurredAt,
    @Size(max = 100) @Pattern(regexp = TEXT, message = TEXT_MESSAGE) String carrier,
    @Size(max = 100) @Pattern(regexp = TEXT, message = TEXT_MESSAGE) String trackingNumber,
    @Size(max = 64) String rmaNumber) {

  static final String TEXT = "[^\\p{Cntrl}]*[^\\p{Cntrl}\\s][^\\p{Cntrl}]*";
  static final String TEXT_MESSAGE = "must not be blank or contain control characters";

  CarrierReport toReport() {
    return new CarrierReport(type, occurredAt, carrier, trackingNumber);
  }
}
