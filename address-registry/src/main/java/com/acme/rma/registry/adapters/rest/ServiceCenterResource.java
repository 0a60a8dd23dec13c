package com.acme.rma.registry.adapters.rest;

import com.acme.rma.platform.problem.ProblemException;
import com.acme.rma.platform.rest.FieldLimits;
import com.acme.rma.platform.rest.Page;
import com.acme.rma.platform.rest.QueryParams;
import com.acme.rma.platform.security.Caller;
import com.acme.rma.registry.adapters.rest.Responses.ServiceCenterResponse;
import com.acme.rma.registry.application.ManageServiceCenters;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;

/** Service centers: ops keeps them, partners may look them up. */
@Path("/api/v1/service-centers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ServiceCenterResource {

  private final ManageServiceCenters centers;
  private final Clock clock;

  public ServiceCenterResource(ManageServiceCenters centers, Clock clock) {
    this.centers = centers;
    this.clock = clock;
  }

  /** Creates or replaces a center: 200 with the center as stored. */
  @APIResponseSchema(
      value = ServiceCenterResponse.class,
      responseCode = "200",
      responseDescription = "the center, created or replaced")
  @PUT
  @Path("/{id}")
  @RolesAllowed(Caller.OPS)
  public ServiceCenterResponse save(
      @PathParam("id") @Pattern(regexp = FieldLimits.NAME_ID, message = FieldLimits.NAME_ID_MESSAGE)
          String id,
      @Valid @NotNull ServiceCenterBody body) {
    if (body.id() != null && !body.id().equals(id)) {
      throw ProblemException.invalid("id", "must be the id in the path, or absent");
    }
    Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    return ServiceCenterResponse.of(centers.save(body.toDomain(id, now)));
  }

  /** A page of centers ordered by id, optionally of one country. */
  @GET
  @RolesAllowed({Caller.OPS, Caller.PARTNER})
  public Page<ServiceCenterResponse> list(
      @QueryParam("page") String page,
      @QueryParam("size") String size,
      @QueryParam("country") String country) {
    Page.Request request = Page.Request.parse(page, size);
    Optional<String> inCountry = QueryParams.optionalCountry("country", country);
    return centers.list(request, inCountry).map(ServiceCenterResponse::of);
  }

  @APIResponseSchema(
      value = ServiceCenterResponse.class,
      responseCode = "200",
      responseDescription = "the center")
  @APIResponse(responseCode = "404", description = "SERVICE_CENTER_NOT_FOUND")
  @GET
  @Path("/{id}")
  @RolesAllowed({Caller.OPS, Caller.PARTNER})
  public ServiceCenterResponse center(
      @PathParam("id") @Pattern(regexp = FieldLimits.NAME_ID, message = FieldLimits.NAME_ID_MESSAGE)
          String id) {
    return centers
        .find(id)
        .map(ServiceCenterResponse::of)
        .orElseThrow(
            () ->
                ProblemException.notFound(
                    "SERVICE_CENTER_NOT_FOUND", "No service center " + id + "."));
  }
}
