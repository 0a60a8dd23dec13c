package com.acme.rma.intake.adapters.rest;

import com.acme.rma.intake.projection.TimelineRebuilds;
import com.acme.rma.platform.problem.ProblemException;
import com.acme.rma.platform.security.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;

/**
 * {@code POST /api/v1/timeline/rebuild}: ops rebuild the timeline projection from the topics, in
 * the background; {@code GET /api/v1/timeline/rebuild} follows it.
 */
@Path("/api/v1/timeline/rebuild")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Caller.OPS)
public class TimelineRebuildResource {

  static final String STATUS = "/api/v1/timeline/rebuild";

  private final TimelineRebuilds rebuilds;

  public TimelineRebuildResource(TimelineRebuilds rebuilds) {
    this.rebuilds = rebuilds;
  }

  @Operation(
      summary = "Rebuild the timeline from the topics (ops), in the background",
      description =
          "Starts reading rma.lifecycle, dispatch.shipments, sla.alerts and sla.clocks from their"
              + " first offset and replacing every timeline entry in one transaction; entries that"
              + " existed keep their arrival order and recordedAt. No webhook is sent again. The"
              + " timeline answers as before meanwhile. One rebuild at a time: while one runs, a"
              + " start is a 409 REBUILD_RUNNING naming it. Follow it at the Location.")
  @APIResponseSchema(
      value = TimelineRebuilds.Status.class,
      responseCode = "202",
      responseDescription = "started: {id, state RUNNING, startedAt}; Location: its state")
  @APIResponse(responseCode = "409", description = "REBUILD_RUNNING")
  @POST
  public Response start() {
    TimelineRebuilds.Start start = rebuilds.start();
    TimelineRebuilds.Status status = start.status();
    if (!start.started()) {
      throw ProblemException.conflict(
          "REBUILD_RUNNING",
          "A timeline rebuild is running since "
              + status.startedAt()
              + " (GET "
              + STATUS
              + "); start another one once it has ended.",
          Map.of("rebuildId", status.id().toString()));
    }
    return Response.accepted(status).location(URI.create(STATUS)).build();
  }

  @Operation(
      summary = "The timeline rebuild started last (ops)",
      description =
          "{id, state RUNNING|DONE|FAILED, startedAt, finishedAt, records, entries, error}:"
              + " records read and entries written once DONE, a sentence once FAILED.")
  @APIResponseSchema(
      value = TimelineRebuilds.Status.class,
      responseCode = "200",
      responseDescription = "its state")
  @APIResponse(responseCode = "404", description = "REBUILD_NOT_FOUND: none was started")
  @GET
  public TimelineRebuilds.Status status() {
    return rebuilds
        .latest()
        .orElseThrow(
            () ->
                ProblemException.notFound(
                    "REBUILD_NOT_FOUND", "No timeline rebuild was started yet."));
  }
}
