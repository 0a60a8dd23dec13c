package com.acme.rma.dispatch.adapters.kafka;

import com.acme.rma.dispatch.domain.Address;
import com.acme.rma.dispatch.domain.Origin;
import com.acme.rma.dispatch.domain.ServiceLevel;
import com.acme.rma.dispatch.domain.ShipmentStatus;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * The payload of every {@code dispatch.shipment.*.v1} event (schemas and goldens in the contract
 * module). Absent members are left out; {@code origin}, {@code shipTo} and {@code
 * exportCertificateRequired} only appear on {@code created}, {@code reason} only on {@code
 * cancel-refused}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ShipmentEventPayload(
    String rmaNumber,
    ServiceLevel serviceLevel,
    ShipmentStatus status,
    Instant occurredAt,
    String carrier,
    String trackingNumber,
    Origin origin,
    Address shipTo,
    Boolean exportCertificateRequired,
    String reason) {}
