package com.acme.rma.monitor.adapters.rest;

import com.acme.rma.monitor.application.AlertFeed;
import io.smallrye.mutiny.Multi;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.time.Duration;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Live alerts as server-sent events: event name = the CloudEvent type ({@code sla.breached.v1}), id
 * = its CloudEvent id, data = the alert's JSON. A comment opens the stream and keeps it alive.
 */
@Path("/api/v1/alerts/stream")
@RolesAllowed("ops")
public class AlertStreamResource {

  static final Duration KEEP_ALIVE = Duration.ofSeconds(15);

  private final AlertFeed feed;

  public AlertStreamResource(AlertFeed feed) {
    this.feed = feed;
  }

  @APIResponse(
      responseCode = "200",
      description =
          "sla.at-risk.v1 / sla.breached.v1 / sla.met.v1 alerts as server-sent events (event = the type, data = the JSON payload)",
      content =
          @Content(
              mediaType = MediaType.SERVER_SENT_EVENTS,
              schema = @Schema(implementation = String.class)))
  @GET
  @Produces(MediaType.SERVER_SENT_EVENTS)
  public Multi<OutboundSseEvent> stream(@Context Sse sse) {
    Multi<OutboundSseEvent> alerts =
        feed.follow()
            .map(
                alert ->
                    sse.newEventBuilder()
                        .id(alert.id())
                        .name(alert.type())
                        .mediaType(MediaType.TEXT_PLAIN_TYPE)
                        .data(String.class, alert.data())
                        .build());
    Multi<OutboundSseEvent> keepAlive =
        Multi.createFrom()
            .ticks()
            .every(KEEP_ALIVE)
            .map(tick -> sse.newEventBuilder().comment("keep-alive").build());
    Multi<OutboundSseEvent> opening =
        Multi.createFrom().item(sse.newEventBuilder().comment("following sla.alerts").build());
    return Multi.createBy()
        .concatenating()
        .streams(opening, Multi.createBy().merging().streams(alerts, keepAlive));
  }
}
