package com.acme.rma.intake.adapters.rest;

import com.acme.rma.intake.projection.TimelineRebuild;
import com.acme.rma.platform.security.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;

/** {@code POST /api/v1/timeline/rebuild}: ops rebuild the timeline projection from the topics. */
@Path("/api/v1/timeline")
@Produces(MediaType.APPLICATION_JSON)
public class TimelineRebuildResource {

  private final TimelineRebuild rebuild;

  public TimelineRebuildResource(TimelineRebuild rebuild) {
    this.rebuild = rebuild;
  }

  @Operation(
      summary = "Rebuild the timeline from the topics (ops)",
      description =
          "Reads rma.lifecycle, dispatch.shipments, sla.alerts and sla.clocks from their first"
              + " offset and replaces every timeline entry in one transaction; entries that existed"
              + " keep their arrival order and recordedAt. No webhook is sent again.")
  @APIResponseSchema(
      value = TimelineRebuild.Result.class,
      responseCode = "200",
      responseDescription = "{records, entries}: records read, entries written")
  @POST
  @Path("/rebuild")
  @RolesAllowed(Caller.OPS)
  public TimelineRebuild.Result rebuild() {
    return rebuild.rebuild();
  }
}
