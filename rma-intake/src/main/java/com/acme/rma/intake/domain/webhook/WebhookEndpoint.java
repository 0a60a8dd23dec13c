package com.acme.rma.intake.domain.webhook;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * A partner's webhook endpoint. {@code secret} signs every delivery and is never shown again after
 * registration. A PAUSED endpoint keeps collecting deliveries but none is attempted until its
 * partner resumes it.
 */
public record WebhookEndpoint(
    UUID id,
    String partnerId,
    String url,
    String secret,
    Set<String> eventTypes,
    State state,
    String pausedReason,
    Instant pausedAt,
    EndpointHealth health,
    Instant createdAt) {

  public static final int MIN_SECRET = 16;
  public static final int MAX_SECRET = 256;

  public enum State {
    ACTIVE,
    PAUSED
  }

  public boolean subscribes(String type) {
    return eventTypes.contains(type);
  }

  /** After one attempt's failure: counted, and paused if the pause rule says so. */
  public WebhookEndpoint failed(Instant at, String failure) {
    EndpointHealth next = health.failed(at);
    if (state == State.ACTIVE && next.shouldPause(at)) {
      return new WebhookEndpoint(
          id,
          partnerId,
          url,
          secret,
          eventTypes,
          State.PAUSED,
          next.pauseReason(failure),
          at,
          next,
          createdAt);
    }
    return withHealth(next);
  }

  public WebhookEndpoint succeeded() {
    return withHealth(health.succeeded());
  }

  /** Active again with a clean count (its partner fixed the receiver). */
  public WebhookEndpoint resume() {
    return new WebhookEndpoint(
        id,
        partnerId,
        url,
        secret,
        eventTypes,
        State.ACTIVE,
        null,
        null,
        EndpointHealth.healthy(),
        createdAt);
  }

  private WebhookEndpoint withHealth(EndpointHealth next) {
    return new WebhookEndpoint(
        id, partnerId, url, secret, eventTypes, state, pausedReason, pausedAt, next, createdAt);
  }
}
