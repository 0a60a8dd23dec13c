package com.acme.rma.dispatch.adapters.rest;

import com.acme.rma.dispatch.domain.CarrierEventType;
import com.acme.rma.dispatch.domain.CarrierReport;
import com.acme.rma.platform.rest.FieldLimits;
import com.acme.rma.platform.rest.PlainText;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Carrier progress as a logistics system reports it. {@code rmaNumber} is optional (the path names
 * the shipment) but must match the path when given, so the Kafka payload may be posted as is.
 */
public record CarrierEventRequest(
    @NotNull CarrierEventType type,
    @NotNull Instant occurredAt,
    @PlainText(max = FieldLimits.CARRIER) @Schema(maxLength = FieldLimits.CARRIER) String carrier,
    @PlainText(max = FieldLimits.TRACKING_NUMBER) @Schema(maxLength = FieldLimits.TRACKING_NUMBER)
        String trackingNumber,
    @Size(max = FieldLimits.ID) String rmaNumber) {

  CarrierReport toReport() {
    return new CarrierReport(type, occurredAt, carrier, trackingNumber);
  }
}
