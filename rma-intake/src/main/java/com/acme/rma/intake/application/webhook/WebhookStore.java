package com.acme.rma.intake.application.webhook;

import com.acme.rma.intake.domain.webhook.WebhookEndpoint;
import com.acme.rma.platform.rest.Page;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Webhook endpoints, their queued deliveries (an outbox per endpoint) and the attempts. */
public interface WebhookStore {

  /**
   * A queued delivery: the exact bytes to send, the same on every attempt; {@code eventAt} is when
   * the step happened (the timeline entry's {@code at}), the order of its RMA's lane.
   */
  record Delivery(
      UUID id,
      UUID endpointId,
      String rmaNumber,
      String eventId,
      String eventType,
      String payload,
      int attempts,
      Instant createdAt,
      Instant deadlineAt,
      Instant eventAt) {}

  /** One attempt, as ops and the partner see it. */
  record Attempt(
      UUID deliveryId,
      String eventId,
      String eventType,
      int attempt,
      Instant attemptedAt,
      Integer statusCode,
      long durationMs,
      String error,
      String outcome,
      Instant nextRetryAt) {}

  record Filter(String partnerId, WebhookEndpoint.State state) {}

  void insert(WebhookEndpoint endpoint);

  Optional<WebhookEndpoint> find(UUID id);

  /** Must run in a transaction: locks the endpoint's row. */
  Optional<WebhookEndpoint> findForUpdate(UUID id);

  Page<WebhookEndpoint> list(Filter filter, Page.Request page);

  /** The endpoints of this partner subscribed to this type, whatever their state. */
  List<WebhookEndpoint> subscribers(String partnerId, String type);

  void update(WebhookEndpoint endpoint);

  boolean delete(UUID id);

  /** Queues a delivery (ignored if this endpoint already has this event id). */
  void enqueue(Delivery delivery, Instant nextAttemptAt);

  /**
   * Claims up to {@code limit} due deliveries of ACTIVE endpoints, each the first PENDING one of
   * its RMA and endpoint by {@code eventAt} (then by arrival), with {@code FOR UPDATE SKIP LOCKED};
   * leases them until {@code now + lease} (another replica takes a lease that ran out) and counts
   * the attempt.
   */
  List<Delivery> claimDue(Instant now, Duration lease, int limit);

  /** The attempt's outcome: PENDING again with a next attempt, DELIVERED or PARKED. */
  void settle(UUID deliveryId, String status, Instant nextAttemptAt, Instant finishedAt);

  void recordAttempt(UUID endpointId, Attempt attempt);

  /** The most recent attempts of this endpoint, newest first. */
  List<Attempt> attempts(UUID endpointId, int limit);

  /** Pending deliveries of a resumed endpoint: due now, with a new 24-h window. */
  void restartPending(UUID endpointId, Instant now, Instant deadline);

  /**
   * Forgets at most {@code limit} deliveries DELIVERED or PARKED before {@code cutoff}, with their
   * attempts; pending ones are never forgotten. Returns how many.
   */
  int forgetFinishedBefore(Instant cutoff, int limit);

  /** Forgets at most {@code limit} attempts made before {@code cutoff}; returns how many. */
  int forgetAttemptsBefore(Instant cutoff, int limit);
}
