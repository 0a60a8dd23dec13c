package com.acme.rma.dispatch.adapters.kafka;

import com.acme.rma.dispatch.domain.CarrierEventType;
import com.acme.rma.dispatch.domain.CarrierReport;
import com.acme.rma.platform.rest.FieldLimits;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * {@code logistics.carrier.status.v1}: the REST carrier event plus the RMA number. Untrusted input,
 * validated like the REST body.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record CarrierStatus(
    @NotBlank @Size(max = FieldLimits.ID) String rmaNumber,
    @NotNull CarrierEventType type,
    @NotNull Instant occurredAt,
    @Size(max = FieldLimits.CARRIER) @Pattern(regexp = TEXT, message = TEXT_MESSAGE) String carrier,
    @Size(max = FieldLimits.TRACKING_NUMBER) @Pattern(regexp = TEXT, message = TEXT_MESSAGE)
        String trackingNumber) {

  static final String TEXT = FieldLimits.TEXT;
  static final String TEXT_MESSAGE = FieldLimits.TEXT_MESSAGE;

  CarrierReport toReport() {
    return new CarrierReport(type, occurredAt, carrier, trackingNumber);
  }
}
