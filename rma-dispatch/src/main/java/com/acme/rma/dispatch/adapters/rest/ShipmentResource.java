package com.acme.rma.dispatch.adapters.rest;

import com.acme.rma.dispatch.application.CarrierEventOutcome;
import com.acme.rma.dispatch.application.FindShipments;
import com.acme.rma.dispatch.application.RecordCarrierEvent;
import com.acme.rma.dispatch.domain.CarrierReport;
import com.acme.rma.dispatch.domain.Shipment;
import com.acme.rma.dispatch.domain.ShipmentStatus;
import com.acme.rma.platform.problem.Problem;
import com.acme.rma.platform.problem.ProblemException;
import com.acme.rma.platform.rest.FieldLimits;
import com.acme.rma.platform.rest.Page;
import com.acme.rma.platform.rest.QueryParams;
import com.acme.rma.platform.security.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;

/** Shipments for ops and logistics, each one also for the partner whose RMA it serves. */
@Path("/api/v1/shipments")
@Produces(MediaType.APPLICATION_JSON)
public class ShipmentResource {

  /** Wide enough for any RMA number intake issues; anything else cannot name a shipment. */
  private final FindShipments findShipments;

  /** A logistics token's claim naming the one carrier it reports for. */
  static final String CARRIER_CLAIM = "carrier";

  private final RecordCarrierEvent recordCarrierEvent;
  private final Caller caller;
  private final JsonWebToken token;

  public ShipmentResource(
      FindShipments findShipments,
      RecordCarrierEvent recordCarrierEvent,
      Caller caller,
      JsonWebToken token) {
    this.findShipments = findShipments;
    this.recordCarrierEvent = recordCarrierEvent;
    this.caller = caller;
    this.token = token;
  }

  @APIResponseSchema(
      value = ShipmentResponse.class,
      responseCode = "200",
      responseDescription = "the shipment")
  @APIResponse(responseCode = "404", description = "SHIPMENT_NOT_FOUND (also another partner's)")
  @GET
  @Path("/{rmaNumber}")
  @RolesAllowed({Caller.OPS, Caller.LOGISTICS, Caller.PARTNER})
  public ShipmentResponse read(@PathParam("rmaNumber") String rmaNumber) {
    String rma = checked(rmaNumber);
    return findShipments
        .byRmaNumber(rma)
        .filter(this::mayRead)
        .map(ShipmentResponse::of)
        .orElseThrow(() -> notFound(rma));
  }

  @GET
  @RolesAllowed({Caller.OPS, Caller.LOGISTICS})
  public Page<ShipmentResponse> list(
      @QueryParam("status") String status,
      @QueryParam("page") String page,
      @QueryParam("size") String size) {
    Page.Request request = Page.Request.parse(page, size);
    return findShipments.list(status(status), request).map(ShipmentResponse::of);
  }

  @APIResponseSchema(
      value = ShipmentResponse.class,
      responseCode = "200",
      responseDescription = "the shipment after the event (a repeated event changes nothing)")
  @APIResponse(responseCode = "404", description = "SHIPMENT_NOT_FOUND")
  @APIResponse(
      responseCode = "409",
      description = "INVALID_TRANSITION (members currentStatus, eventType)")
  @APIResponse(
      responseCode = "422",
      description =
          "OCCURRED_IN_FUTURE (occurredAt later than now plus the allowed clock skew) or"
              + " OCCURRED_BEFORE_AUTHORIZATION (occurredAt before the RMA was authorized)")
  @APIResponse(
      responseCode = "403",
      description = "CARRIER_MISMATCH: the token's carrier claim differs from the report's carrier")
  @POST
  @Path("/{rmaNumber}/events")
  @RolesAllowed(Caller.LOGISTICS)
  @Consumes(MediaType.APPLICATION_JSON)
  public ShipmentResponse report(
      @PathParam("rmaNumber") String rmaNumber, @Valid @NotNull CarrierEventRequest event) {
    String rma = checked(rmaNumber);
    if (event.rmaNumber() != null && !event.rmaNumber().equals(rma)) {
      throw ProblemException.invalid("rmaNumber", "must match the RMA number in the path");
    }
    Optional<String> reportingCarrier = reportingCarrier();
    CarrierReport report = event.toReport();
    if (reportingCarrier.isPresent()) {
      if (report.carrier() != null && !report.carrier().equals(reportingCarrier.get())) {
        throw new ProblemException(
            Problem.of(
                403,
                "CARRIER_MISMATCH",
                "Forbidden",
                "This token reports for carrier "
                    + reportingCarrier.get()
                    + " only, not for "
                    + report.carrier()
                    + "."));
      }
      report =
          new CarrierReport(
              report.type(), report.occurredAt(), reportingCarrier.get(), report.trackingNumber());
    }
    CarrierEventOutcome outcome = recordCarrierEvent.record(rma, report, reportingCarrier);
    if (outcome instanceof CarrierEventOutcome.Applied applied) {
      return ShipmentResponse.of(applied.shipment());
    }
    if (outcome instanceof CarrierEventOutcome.Repeated repeated) {
      return ShipmentResponse.of(repeated.shipment());
    }
    if (outcome instanceof CarrierEventOutcome.Refused refused) {
      throw ProblemException.conflict(
          "INVALID_TRANSITION",
          refused.describe(),
          Map.of("currentStatus", refused.current().name(), "eventType", refused.eventType()));
    }
    if (outcome instanceof CarrierEventOutcome.Invalid invalid) {
      throw ProblemException.invalid(invalid.field(), invalid.message());
    }
    if (outcome instanceof CarrierEventOutcome.Implausible implausible) {
      throw ProblemException.unprocessable(implausible.code(), implausible.detail());
    }
    throw notFound(rma);
  }

  /**
   * The carrier a logistics token speaks for (its {@code carrier} claim); absent for internal
   * systems, which may report for any shipment.
   */
  private Optional<String> reportingCarrier() {
    Object claim = token.getClaim(CARRIER_CLAIM);
    String carrier = claim == null ? null : claim.toString().trim();
    if (carrier != null
        && carrier.startsWith("\"")
        && carrier.endsWith("\"")
        && carrier.length() > 1) {
      carrier = carrier.substring(1, carrier.length() - 1); // a JSON string value
    }
    return carrier == null || carrier.isEmpty() ? Optional.empty() : Optional.of(carrier);
  }

  private boolean mayRead(Shipment shipment) {
    return caller.isOps() || caller.isLogistics() || caller.mayActFor(shipment.partnerId());
  }

  private static String checked(String rmaNumber) {
    if (!FieldLimits.isRmaNumber(rmaNumber)) {
      throw ProblemException.invalid("rmaNumber", "is not an RMA number");
    }
    return rmaNumber;
  }

  private static Optional<ShipmentStatus> status(String status) {
    return QueryParams.optionalEnum("status", status, ShipmentStatus.class);
  }

  private static ProblemException notFound(String rmaNumber) {
    return ProblemException.notFound(
        "SHIPMENT_NOT_FOUND", "No shipment for RMA " + rmaNumber + ".");
  }
}
