package com.acme.rma.intake.adapters.rest;

import com.acme.rma.intake.application.CancelRma;
import com.acme.rma.intake.application.ReadRmas;
import com.acme.rma.intake.application.RequestRma;
import com.acme.rma.intake.application.RequestRma.Outcome;
import com.acme.rma.intake.application.RmaStore;
import com.acme.rma.intake.domain.Coverage;
import com.acme.rma.intake.domain.Rma;
import com.acme.rma.intake.domain.RmaNumber;
import com.acme.rma.intake.domain.RmaStatus;
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
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;

/** {@code /api/v1/rmas}: partners request, read, list and cancel RMAs; ops see all of them. */
@Path("/api/v1/rmas")
@Produces(MediaType.APPLICATION_JSON)
public class RmaResource {

  static final String IDEMPOTENCY_KEY = "Idempotency-Key";
  private static final int MAX_KEY_LENGTH = 200;

  private final RequestRma requestRma;
  private final ReadRmas readRmas;
  private final CancelRma cancelRma;
  private final Caller caller;
  private final PartnerRateLimit rateLimit;

  public RmaResource(
      RequestRma requestRma,
      ReadRmas readRmas,
      CancelRma cancelRma,
      Caller caller,
      PartnerRateLimit rateLimit) {
    this.requestRma = requestRma;
    this.readRmas = readRmas;
    this.cancelRma = cancelRma;
    this.caller = caller;
    this.rateLimit = rateLimit;
  }

  @APIResponseSchema(
      value = RmaView.class,
      responseCode = "201",
      responseDescription =
          "the RMA (AUTHORIZED, or QUEUED until support hours open), with Location; a replay with the same key and body answers the first RMA verbatim")
  @APIResponse(
      responseCode = "400",
      description = "VALIDATION_FAILED, MALFORMED_JSON, or IDEMPOTENCY_KEY_REQUIRED")
  @APIResponse(
      responseCode = "404",
      description = "ENTITLEMENT_NOT_FOUND: an unknown appliance, or another partner's")
  @APIResponse(
      responseCode = "409",
      description =
          "RMA_ALREADY_OPEN (member rmaNumber) or ADDRESS_CHANGE_NOT_ACCEPTED (member registeredAddress)")
  @APIResponse(
      responseCode = "422",
      description =
          "IDEMPOTENCY_KEY_REUSED, PRODUCT_END_OF_LIFE (member endOfLifeDate), EXTENDED_SUPPORT_PREREQUISITES_MISSING (members endOfLifeDate, missingPrerequisites), NO_ACTIVE_COVERAGE or SHIP_TO_REQUIRED")
  @APIResponse(
      responseCode = "429",
      description =
          "RATE_LIMITED: more than rma.rate-limit.burst requests at once or rma.rate-limit.per-second sustained from this partner; retry after Retry-After seconds")
  @APIResponse(
      responseCode = "503",
      description =
          "DEPENDENCY_UNAVAILABLE: the database or the address registry cannot be consulted (or has not yet recorded an ownership move); nothing stored, retry with the same Idempotency-Key after Retry-After")
  @POST
  @RolesAllowed(Caller.PARTNER)
  @Consumes(MediaType.APPLICATION_JSON)
  public Response request(
      @Valid @NotNull RmaRequestBody body,
      @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey,
      @Context UriInfo uri) {
    rateLimit.acquire(partnerId());
    if (idempotencyKey == null || idempotencyKey.isBlank()) {
      throw ProblemException.badRequest(
          "IDEMPOTENCY_KEY_REQUIRED",
          "Send an Idempotency-Key header (e.g. a UUID) so that a retried request makes no"
              + " second RMA.");
    }
    if (idempotencyKey.length() > MAX_KEY_LENGTH) {
      throw ProblemException.invalid(
          IDEMPOTENCY_KEY, "must be at most " + MAX_KEY_LENGTH + " characters");
    }
    Outcome outcome =
        requestRma.request(
            new RequestRma.Command(
                partnerId(),
                idempotencyKey,
                body.serialNumber(),
                body.component(),
                body.faultDescription(),
                body.shipTo() == null ? null : body.shipTo().toDomain(),
                body.contact() == null ? null : body.contact().toDomain()));
    if (outcome instanceof Outcome.Created created) {
      return created(created.rma(), uri);
    }
    if (outcome instanceof Outcome.Replayed replayed) {
      return created(replayed.rma(), uri);
    }
    throw refusal(outcome, body.serialNumber());
  }

  @APIResponseSchema(value = RmaView.class, responseCode = "200", responseDescription = "the RMA")
  @APIResponse(responseCode = "404", description = "RMA_NOT_FOUND (also another partner's)")
  @GET
  @Path("/{rmaNumber}")
  @RolesAllowed({Caller.PARTNER, Caller.OPS, Caller.LOGISTICS})
  public RmaView read(@PathParam("rmaNumber") String rmaNumber) {
    if (!RmaNumber.isWellFormed(rmaNumber)) {
      throw Problems.rmaNotFound(rmaNumber); // cannot exist: no lookup
    }
    return readRmas
        .find(rmaNumber)
        .filter(rma -> caller.isOps() || caller.isLogistics() || caller.mayActFor(rma.partnerId()))
        .map(RmaView::of)
        .orElseThrow(() -> Problems.rmaNotFound(rmaNumber));
  }

  @GET
  @RolesAllowed({Caller.PARTNER, Caller.OPS})
  public Page<RmaView> list(
      @QueryParam("status") String status,
      @QueryParam("serialNumber") String serialNumber,
      @QueryParam("page") String page,
      @QueryParam("size") String size) {
    Page.Request request = Page.Request.parse(page, size);
    String serial = blankToNull(serialNumber);
    if (serial != null && !FieldLimits.isNameId(serial)) {
      throw ProblemException.invalid("serialNumber", FieldLimits.NAME_ID_MESSAGE);
    }
    RmaStore.Filter filter =
        new RmaStore.Filter(caller.isOps() ? null : partnerId(), status(status), serial);
    return readRmas.list(filter, request).map(RmaView::of);
  }

  @APIResponseSchema(
      value = RmaView.class,
      responseCode = "200",
      responseDescription = "the CANCELLED RMA")
  @APIResponse(responseCode = "404", description = "RMA_NOT_FOUND")
  @APIResponse(responseCode = "409", description = "RMA_NOT_CANCELLABLE (member status)")
  @POST
  @Path("/{rmaNumber}/cancel")
  @RolesAllowed({Caller.PARTNER, Caller.OPS})
  public RmaView cancel(@PathParam("rmaNumber") String rmaNumber) {
    CancelRma.Outcome outcome = cancelRma.cancel(rmaNumber, caller::mayActFor);
    if (outcome instanceof CancelRma.Outcome.Cancelled cancelled) {
      return RmaView.of(cancelled.rma());
    }
    if (outcome instanceof CancelRma.Outcome.NotCancellable refused) {
      throw ProblemException.conflict(
          "RMA_NOT_CANCELLABLE",
          "RMA "
              + rmaNumber
              + " is "
              + refused.status()
              + ": only QUEUED or AUTHORIZED RMAs can be cancelled.",
          Map.of("status", refused.status().name()));
    }
    throw Problems.rmaNotFound(rmaNumber);
  }

  private static Response created(Rma rma, UriInfo uri) {
    URI location = uri.getBaseUriBuilder().path("api/v1/rmas").path(rma.rmaNumber()).build();
    return Response.created(location).entity(RmaView.of(rma)).build();
  }

  private static String describe(Coverage.Prerequisite prerequisite) {
    return switch (prerequisite) {
      case BASE_SUPPORT_CONTRACT -> "base technical support contract";
      case CUSTOMER_SUCCESS_SERVICES -> "Customer Success Services";
    };
  }

  private static ProblemException refusal(Outcome outcome, String serialNumber) {
    if (outcome instanceof Outcome.KeyReused) {
      return ProblemException.unprocessable(
          "IDEMPOTENCY_KEY_REUSED",
          "This Idempotency-Key was already used with a different request body.");
    }
    if (outcome instanceof Outcome.EntitlementNotFound) {
      return Problems.entitlementNotFound(serialNumber);
    }
    if (outcome instanceof Outcome.EndOfLife eol) {
      return Problems.of(
          422,
          "PRODUCT_END_OF_LIFE",
          "Unprocessable request",
          "Appliance "
              + serialNumber
              + " reached end of life on "
              + eol.endOfLifeDate()
              + " and has no active extended support.",
          Map.of("endOfLifeDate", eol.endOfLifeDate().toString()));
    }
    if (outcome instanceof Outcome.ExtendedSupportPrerequisitesMissing missing) {
      return Problems.of(
          422,
          "EXTENDED_SUPPORT_PREREQUISITES_MISSING",
          "Unprocessable request",
          "Appliance "
              + serialNumber
              + " reached end of life on "
              + missing.endOfLifeDate()
              + "; its extended support also needs an active "
              + missing.missing().stream()
                  .map(RmaResource::describe)
                  .collect(Collectors.joining(" and "))
              + ".",
          Map.of(
              "endOfLifeDate",
              missing.endOfLifeDate().toString(),
              "missingPrerequisites",
              missing.missing().stream().map(Enum::name).toList()));
    }
    if (outcome instanceof Outcome.NoActiveCoverage) {
      return ProblemException.unprocessable(
          "NO_ACTIVE_COVERAGE",
          "Appliance "
              + serialNumber
              + " has neither an active maintenance contract nor hardware warranty today.");
    }
    if (outcome instanceof Outcome.AlreadyOpen open) {
      return ProblemException.conflict(
          "RMA_ALREADY_OPEN",
          "Appliance " + serialNumber + " already has an open RMA: " + open.rmaNumber() + ".",
          open.rmaNumber() == null ? Map.of() : Map.of("rmaNumber", open.rmaNumber()));
    }
    if (outcome instanceof Outcome.ShipToRequired) {
      return ProblemException.unprocessable(
          "SHIP_TO_REQUIRED",
          "Appliance "
              + serialNumber
              + " has no registered Gold Plus address: say where to ship in shipTo.");
    }
    if (outcome instanceof Outcome.AddressChangeNotAccepted refused) {
      return Problems.of(
          409,
          "ADDRESS_CHANGE_NOT_ACCEPTED",
          "Conflict",
          "The replacement for a Gold Plus appliance ships to its registered address, which"
              + " cannot be changed at request time: leave shipTo out or send the registered"
              + " address.",
          Map.of("registeredAddress", AddressBody.of(refused.registered())));
    }
    if (outcome instanceof Outcome.RegistryBehindOnOwnership behind) {
      return ProblemException.unavailable(
          "The address registry has not yet recorded that appliance "
              + serialNumber
              + " now belongs to you; nothing was stored. Retry in a few seconds with the same"
              + " Idempotency-Key.",
          behind.retryAfterSeconds());
    }
    if (outcome instanceof Outcome.RegistryUnavailable unavailable) {
      return ProblemException.unavailable(
          "The address registry cannot be consulted right now; nothing was stored. Retry"
              + " later with the same Idempotency-Key.",
          unavailable.retryAfterSeconds());
    }
    throw new IllegalStateException("unhandled outcome " + outcome);
  }

  private String partnerId() {
    return caller
        .partnerId()
        .orElseThrow(() -> Problems.forbidden("The partner token carries no partner_id."));
  }

  private static RmaStatus status(String text) {
    return QueryParams.optionalEnum("status", text, RmaStatus.class).orElse(null);
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.trim();
  }
}
