package com.acme.rma.intake.adapters.rest;

import com.acme.rma.intake.application.webhook.ManageWebhooks;
import com.acme.rma.intake.application.webhook.WebhookStore;
import com.acme.rma.intake.domain.webhook.WebhookEndpoint;
import com.acme.rma.intake.projection.TimelineTypes;
import com.acme.rma.platform.problem.ProblemException;
import com.acme.rma.platform.rest.FieldLimits;
import com.acme.rma.platform.rest.Page;
import com.acme.rma.platform.rest.QueryParams;
import com.acme.rma.platform.security.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;

/**
 * {@code /api/v1/webhooks}: partners register endpoints that receive their RMAs' timeline entries
 * as signed CloudEvents; ops list every partner's and see which are paused.
 */
@Path("/api/v1/webhooks")
@Produces(MediaType.APPLICATION_JSON)
public class WebhookResource {

  static final int MAX_URL = 2000;

  /** The registration; {@code eventTypes} empty or absent: every timeline type. */
  public record WebhookBody(
      @NotBlank @Size(max = MAX_URL) String url,
      @NotNull @Size(min = WebhookEndpoint.MIN_SECRET, max = WebhookEndpoint.MAX_SECRET)
          String secret,
      @Size(max = 50) List<@NotBlank @Size(max = 64) String> eventTypes) {}

  /** An endpoint as its partner and ops see it: never its secret. */
  public record WebhookView(
      UUID id,
      String partnerId,
      String url,
      List<String> eventTypes,
      WebhookEndpoint.State state,
      String pausedReason,
      Instant pausedAt,
      int consecutiveFailures,
      Instant failingSince,
      Instant createdAt) {

    static WebhookView of(WebhookEndpoint e) {
      return new WebhookView(
          e.id(),
          e.partnerId(),
          e.url(),
          TimelineTypes.ALL.stream().filter(e::subscribes).toList(),
          e.state(),
          e.pausedReason(),
          e.pausedAt(),
          e.health().consecutiveFailures(),
          e.health().failingSince(),
          e.createdAt());
    }
  }

  /** One attempt to deliver an event. */
  public record AttemptView(
      UUID deliveryId,
      String eventId,
      String eventType,
      int attempt,
      Instant attemptedAt,
      Integer statusCode,
      long durationMs,
      String error,
      String outcome,
      Instant nextRetryAt) {

    static AttemptView of(WebhookStore.Attempt a) {
      return new AttemptView(
          a.deliveryId(),
          a.eventId(),
          a.eventType(),
          a.attempt(),
          a.attemptedAt(),
          a.statusCode(),
          a.durationMs(),
          a.error(),
          a.outcome(),
          a.nextRetryAt());
    }
  }

  /** Recent attempts, the list shape of every list ({@code items, page, size, total}). */
  public record AttemptPage(List<AttemptView> items, int page, int size, long total) {}

  /** A queued test delivery. */
  public record TestView(UUID deliveryId, String eventId, String type) {}

  private final ManageWebhooks webhooks;
  private final Caller caller;

  public WebhookResource(ManageWebhooks webhooks, Caller caller) {
    this.webhooks = webhooks;
    this.caller = caller;
  }

  @Operation(
      summary = "Register a webhook endpoint (partner)",
      description =
          "Deliveries are HTTP POSTs of CloudEvents in structured mode"
              + " (application/cloudevents+json) signed with X-RMA-Signature: sha256=<hex"
              + " HMAC-SHA256 of the raw body with the secret>. The secret is never returned.")
  @APIResponseSchema(
      value = WebhookView.class,
      responseCode = "201",
      responseDescription = "the endpoint, with Location")
  @APIResponse(
      responseCode = "400",
      description = "VALIDATION_FAILED (url, secret 16-256 characters, unknown eventTypes)")
  @APIResponse(
      responseCode = "422",
      description =
          "WEBHOOK_URL_NOT_ALLOWED (not https, or resolving to a non-public address) or"
              + " WEBHOOK_LIMIT_REACHED")
  @POST
  @RolesAllowed(Caller.PARTNER)
  @Consumes(MediaType.APPLICATION_JSON)
  public Response register(@Valid @NotNull WebhookBody body, @Context UriInfo uri) {
    String partnerId =
        caller.partnerId().orElseThrow(() -> Problems.forbidden("The token names no partner_id."));
    Set<String> types = eventTypes(body.eventTypes());
    ManageWebhooks.Outcome outcome =
        webhooks.register(partnerId, body.url().trim(), body.secret(), types);
    if (outcome instanceof ManageWebhooks.Outcome.Registered registered) {
      WebhookEndpoint endpoint = registered.endpoint();
      return Response.created(
              uri.getBaseUriBuilder()
                  .path("api/v1/webhooks")
                  .path(endpoint.id().toString())
                  .build())
          .entity(WebhookView.of(endpoint))
          .build();
    }
    if (outcome instanceof ManageWebhooks.Outcome.UrlRefused refused) {
      throw ProblemException.unprocessable(
          "WEBHOOK_URL_NOT_ALLOWED", "The webhook URL " + refused.reason() + ".");
    }
    ManageWebhooks.Outcome.TooMany tooMany = (ManageWebhooks.Outcome.TooMany) outcome;
    throw ProblemException.unprocessable(
        "WEBHOOK_LIMIT_REACHED",
        "A partner may register at most " + tooMany.limit() + " webhook endpoints.");
  }

  @Operation(
      summary = "List webhook endpoints",
      description =
          "A partner sees its own; ops see every partner's, filtered by state (ACTIVE, PAUSED)"
              + " and partnerId.")
  @GET
  @RolesAllowed({Caller.PARTNER, Caller.OPS})
  public Page<WebhookView> list(
      @QueryParam("state") String state,
      @QueryParam("partnerId") String partnerId,
      @QueryParam("page") String page,
      @QueryParam("size") String size) {
    Page.Request request = Page.Request.parse(page, size);
    WebhookEndpoint.State wanted =
        QueryParams.optionalEnum("state", state, WebhookEndpoint.State.class).orElse(null);
    String partner;
    if (caller.isOps()) {
      partner = partnerId == null || partnerId.isBlank() ? null : partnerId.trim();
      if (partner != null && !FieldLimits.isNameId(partner)) {
        throw ProblemException.invalid("partnerId", FieldLimits.NAME_ID_MESSAGE);
      }
    } else {
      partner =
          caller
              .partnerId()
              .orElseThrow(() -> Problems.forbidden("The token names no partner_id."));
    }
    return webhooks.list(new WebhookStore.Filter(partner, wanted), request).map(WebhookView::of);
  }

  @APIResponseSchema(value = WebhookView.class, responseCode = "200", responseDescription = "it")
  @APIResponse(responseCode = "404", description = "WEBHOOK_NOT_FOUND (also another partner's)")
  @GET
  @Path("/{id}")
  @RolesAllowed({Caller.PARTNER, Caller.OPS})
  public WebhookView read(@PathParam("id") String id) {
    return webhooks
        .find(uuid(id), caller::mayActFor)
        .map(WebhookView::of)
        .orElseThrow(() -> notFound(id));
  }

  @APIResponse(responseCode = "204", description = "deleted, with its queued deliveries")
  @APIResponse(responseCode = "404", description = "WEBHOOK_NOT_FOUND")
  @DELETE
  @Path("/{id}")
  @RolesAllowed({Caller.PARTNER, Caller.OPS})
  public Response delete(@PathParam("id") String id) {
    if (!webhooks.delete(uuid(id), caller::mayActFor)) {
      throw notFound(id);
    }
    return Response.noContent().build();
  }

  @Operation(
      summary = "Recent delivery attempts, newest first",
      description = "event id, status code (none when no answer), duration, error, next retry")
  @APIResponseSchema(value = AttemptPage.class, responseCode = "200", responseDescription = "them")
  @APIResponse(responseCode = "404", description = "WEBHOOK_NOT_FOUND")
  @GET
  @Path("/{id}/deliveries")
  @RolesAllowed({Caller.PARTNER, Caller.OPS})
  public AttemptPage deliveries(@PathParam("id") String id, @QueryParam("size") String size) {
    Page.Request request = Page.Request.parse(null, size);
    List<AttemptView> items =
        webhooks
            .attempts(uuid(id), caller::mayActFor, request.size())
            .orElseThrow(() -> notFound(id))
            .stream()
            .map(AttemptView::of)
            .toList();
    return new AttemptPage(items, 0, request.size(), items.size());
  }

  @Operation(summary = "Queue a webhook.test event for this endpoint")
  @APIResponseSchema(
      value = TestView.class,
      responseCode = "202",
      responseDescription = "queued: {deliveryId, eventId, type}")
  @APIResponse(responseCode = "404", description = "WEBHOOK_NOT_FOUND")
  @POST
  @Path("/{id}/test")
  @RolesAllowed({Caller.PARTNER, Caller.OPS})
  public Response test(@PathParam("id") String id) {
    WebhookStore.Delivery delivery =
        webhooks.test(uuid(id), caller::mayActFor).orElseThrow(() -> notFound(id));
    return Response.accepted(new TestView(delivery.id(), delivery.eventId(), delivery.eventType()))
        .build();
  }

  @Operation(
      summary = "Resume a paused endpoint",
      description =
          "ACTIVE again with a clean failure count; its waiting deliveries are due at once, with a"
              + " new 24-hour retry window.")
  @APIResponseSchema(value = WebhookView.class, responseCode = "200", responseDescription = "it")
  @APIResponse(responseCode = "404", description = "WEBHOOK_NOT_FOUND")
  @POST
  @Path("/{id}/resume")
  @RolesAllowed({Caller.PARTNER, Caller.OPS})
  public WebhookView resume(@PathParam("id") String id) {
    return webhooks
        .resume(uuid(id), caller::mayActFor)
        .map(WebhookView::of)
        .orElseThrow(() -> notFound(id));
  }

  private static Set<String> eventTypes(List<String> requested) {
    if (requested == null || requested.isEmpty()) {
      return new LinkedHashSet<>(TimelineTypes.ALL);
    }
    Set<String> types = new LinkedHashSet<>();
    for (String type : requested) {
      if (!TimelineTypes.exists(type)) {
        throw ProblemException.invalid(
            "eventTypes", "unknown type " + type + "; one of " + TimelineTypes.ALL);
      }
      types.add(type);
    }
    return types;
  }

  private static UUID uuid(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw notFound(id);
    }
  }

  private static ProblemException notFound(String id) {
    return ProblemException.notFound("WEBHOOK_NOT_FOUND", "There is no webhook " + id + ".");
  }
}
