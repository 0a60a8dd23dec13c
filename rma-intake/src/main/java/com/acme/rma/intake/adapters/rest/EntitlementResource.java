package com.acme.rma.intake.adapters.rest;

import com.acme.rma.intake.application.ManageEntitlements;
import com.acme.rma.platform.problem.Problem;
import com.acme.rma.platform.problem.ProblemException;
import com.acme.rma.platform.rest.FieldLimits;
import com.acme.rma.platform.security.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;

/** {@code /api/v1/entitlements/{serialNumber}}: ops maintain entitlements; owners read theirs. */
@Path("/api/v1/entitlements/{serialNumber}")
@Produces(MediaType.APPLICATION_JSON)
public class EntitlementResource {

  private final ManageEntitlements entitlements;
  private final Caller caller;

  public EntitlementResource(ManageEntitlements entitlements, Caller caller) {
    this.entitlements = entitlements;
    this.caller = caller;
  }

  @APIResponseSchema(
      value = EntitlementView.class,
      responseCode = "200",
      responseDescription = "replaced")
  @APIResponse(
      responseCode = "201",
      description = "created, with Location",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = EntitlementView.class)))
  @PUT
  @RolesAllowed(Caller.OPS)
  @Consumes(MediaType.APPLICATION_JSON)
  public Response replace(
      @PathParam("serialNumber") String serialNumber,
      @Valid @NotNull EntitlementBody body,
      @jakarta.ws.rs.core.Context UriInfo uri) {
    if (!FieldLimits.isNameId(serialNumber)) {
      throw ProblemException.invalid("serialNumber", FieldLimits.NAME_ID_MESSAGE);
    }
    if (body.serialNumber() != null && !body.serialNumber().equals(serialNumber)) {
      throw ProblemException.invalid("serialNumber", "must be the serial number of the path");
    }
    ManageEntitlements.Outcome outcome = entitlements.replace(body.toDomain(serialNumber));
    if (outcome instanceof ManageEntitlements.Outcome.Invalid invalid) {
      throw ProblemException.invalid(
          invalid.problems().stream()
              .map(p -> new Problem.Violation(p.field(), p.message()))
              .toList());
    }
    ManageEntitlements.Outcome.Saved saved = (ManageEntitlements.Outcome.Saved) outcome;
    EntitlementView view = EntitlementView.of(saved.stored());
    return saved.created()
        ? Response.created(uri.getAbsolutePath()).entity(view).build()
        : Response.ok(view).build();
  }

  @APIResponseSchema(
      value = EntitlementView.class,
      responseCode = "200",
      responseDescription = "the entitlement")
  @APIResponse(responseCode = "404", description = "ENTITLEMENT_NOT_FOUND (also another partner's)")
  @GET
  @RolesAllowed({Caller.OPS, Caller.PARTNER})
  public EntitlementView read(@PathParam("serialNumber") String serialNumber) {
    return entitlements
        .find(serialNumber)
        .filter(stored -> caller.mayActFor(stored.entitlement().partnerId()))
        .map(EntitlementView::of)
        .orElseThrow(() -> Problems.entitlementNotFound(serialNumber));
  }
}
