package com.acme.rma.intake.adapters.rest;

import com.acme.rma.intake.application.ReadRmas;
import com.acme.rma.intake.domain.RmaNumber;
import com.acme.rma.intake.projection.TimelineEntry;
import com.acme.rma.intake.projection.TimelineStore;
import com.acme.rma.platform.security.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * {@code GET /api/v1/rmas/{rmaNumber}/timeline}: every step of one RMA from every service, by
 * {@code at} ({@link TimelineRebuildResource} rebuilds the projection).
 */
@Path("/api/v1/rmas/{rmaNumber}/timeline")
@Produces(MediaType.APPLICATION_JSON)
public class TimelineResource {

  /** One step; {@code details} for partners holds only the keys allowed for its type. */
  public record EntryView(
      Instant at,
      String type,
      String source,
      String summary,
      Map<String, Object> details,
      Instant recordedAt) {

    static EntryView of(TimelineEntry e) {
      return new EntryView(e.at(), e.type(), e.source(), e.summary(), e.details(), e.recordedAt());
    }
  }

  private final ReadRmas readRmas;
  private final TimelineStore timeline;
  private final Caller caller;

  public TimelineResource(ReadRmas readRmas, TimelineStore timeline, Caller caller) {
    this.readRmas = readRmas;
    this.timeline = timeline;
    this.caller = caller;
  }

  @Operation(
      summary = "The RMA's timeline",
      description =
          "Every step of the RMA from every service, in order of at (when it happened; ties in"
              + " order of arrival), each with recordedAt (when intake learned it). Partners see"
              + " their own RMAs and a per-type allow-list of details; ops and logistics see all.")
  @APIResponse(
      responseCode = "200",
      description = "the entries",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(type = SchemaType.ARRAY, implementation = EntryView.class)))
  @APIResponse(responseCode = "404", description = "RMA_NOT_FOUND (also another partner's)")
  @GET
  @RolesAllowed({Caller.PARTNER, Caller.OPS, Caller.LOGISTICS})
  public List<EntryView> timeline(@PathParam("rmaNumber") String rmaNumber) {
    if (!RmaNumber.isWellFormed(rmaNumber)) {
      throw Problems.rmaNotFound(rmaNumber);
    }
    readRmas
        .find(rmaNumber)
        .filter(rma -> caller.isOps() || caller.isLogistics() || caller.mayActFor(rma.partnerId()))
        .orElseThrow(() -> Problems.rmaNotFound(rmaNumber));
    boolean full = caller.isOps() || caller.isLogistics();
    return timeline.entries(rmaNumber).stream()
        .map(e -> full ? e : e.forPartner())
        .map(EntryView::of)
        .toList();
  }
}
