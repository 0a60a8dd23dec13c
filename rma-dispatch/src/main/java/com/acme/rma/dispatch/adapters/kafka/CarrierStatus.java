package com.acme.rma.dispatch.adapters.kafka;

import com.acme.rma.dispatch.domain.CarrierEventType;
import com.acme.rma.dispatch.domain.CarrierReport;
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
    @NotBlank @Size(max = 64) String rmaNumber,
    @NotNull CarrierEventType type,
    @NotNull Instant occurredAt,
    @Size(max = 100) @Pattern(regexp = TEXT, message = TEXT_MESSAGE) String carrier,
    @Size(max = 100) @Pattern(regexp = TEXT, message = TEXT_MESSAGE) String trackingNumber) {

  static final String TEXT = "[^\\p{Cntrl}]*[^\\p{Cntrl}\\s][^\\p{Cntrl}]*";
  static final String TEXT_MESSAGE = "must not be blank or contain control characters";

  CarrierReport toReport() {
    return new CarrierReport(type, occurredAt, carrier, trackingNumber);
  }
}
