package com.acme.rma.dispatch.adapters.kafka;

import com.acme.rma.dispatch.domain.CarrierEventType;
import com.acme.rma.dispatch.domain.CarrierReport;
import com.acme.rma.platform.rest.FieldLimits;
import com.acme.rma.platform.rest.PlainText;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
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
    @PlainText(max = FieldLimits.CARRIER) String carrier,
    @PlainText(max = FieldLimits.TRACKING_NUMBER) String trackingNumber) {

  CarrierReport toReport() {
    return new CarrierReport(type, occurredAt, carrier, trackingNumber);
  }
}
