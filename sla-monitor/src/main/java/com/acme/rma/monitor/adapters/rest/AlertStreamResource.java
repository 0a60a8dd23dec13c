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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Live alerts as server-sent events: event name = the CloudEvent type ({@code sla.breached.v1}), id
 * = its CloudEvent id, data = the alert's JSON. A comment opens the stream and keeps it alive. The
 * stream ends when the caller's token expires (by the service's clock; a comment says so), so a
 * revoked or expired session does not go on listening: the client reconnects with a fresh token.
 */
@Path("/api/v1/alerts/stream")
@RolesAllowed("ops")
public class AlertStreamResource {

  static final Duration KEEP_ALIVE = Duration.ofSeconds(15);

  /** The last line of a stream whose token expired. */
  static final String EXPIRED = "token expired";

  private final AlertFeed feed;
  private final JsonWebToken token;
  private final Clock clock;

  public AlertStreamResource(AlertFeed feed, JsonWebToken token, Clock clock) {
    this.feed = feed;
    this.token = token;
    this.clock = clock;
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
    Multi<OutboundSseEvent> live =
        Multi.createBy()
            .concatenating()
            .streams(opening, Multi.createBy().merging().streams(alerts, keepAlive));
    long exp = token.getExpirationTime();
    if (exp <= 0) {
      return live; // a token without expiry (not issued by this system's issuers)
    }
    Duration left = Duration.between(clock.instant(), Instant.ofEpochSecond(exp));
    if (left.isNegative() || left.isZero()) {
      return Multi.createFrom().item(expired(sse));
    }
    return live.select().first(left).onCompletion().continueWith(expired(sse));
  }

  private static OutboundSseEvent expired(Sse sse) {
    return sse.newEventBuilder().comment(EXPIRED).build();
  }
}
