package com.acme.rma.dispatch.adapters.rest;

import com.acme.rma.dispatch.domain.CarrierEventType;
import com.acme.rma.dispatch.domain.CarrierReport;
import com.acme.rma.platform.rest.FieldLimits;
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
    @Size(max = FieldLimits.CARRIER) @Pattern(regexp = TEXT, message = TEXT_MESSAGE) String carrier,
    @Size(max = FieldLimits.TRACKING_NUMBER) @Pattern(regexp = TEXT, message = TEXT_MESSAGE)
        String trackingNumber,
    @Size(max = FieldLimits.ID) String rmaNumber) {

  static final String TEXT = FieldLimits.TEXT;
  static final String TEXT_MESSAGE = FieldLimits.TEXT_MESSAGE;

  CarrierReport toReport() {
    return new CarrierReport(type, occurredAt, carrier, trackingNumber);
  }
}
