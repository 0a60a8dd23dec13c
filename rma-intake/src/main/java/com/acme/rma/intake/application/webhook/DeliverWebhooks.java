package com.acme.rma.intake.application.webhook;

import com.acme.rma.intake.domain.webhook.DeliveryOutcome;
import com.acme.rma.intake.domain.webhook.RetrySchedule;
import com.acme.rma.intake.domain.webhook.WebhookEndpoint;
import com.acme.rma.intake.domain.webhook.WebhookSignature;
import com.acme.rma.intake.domain.webhook.WebhookTarget;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The webhook worker of every replica: claims due deliveries ({@code FOR UPDATE SKIP LOCKED} with a
 * lease, so replicas never send the same delivery at once and a dead replica's lease runs out),
 * sends each outside any transaction, then settles it: 2xx delivered; no answer, 5xx or 429 tried
 * again on the {@link RetrySchedule} until 24 h after it was queued, then parked; any other answer
 * parked at once. Per RMA and endpoint only the oldest pending delivery is ever claimed, so a
 * partner receives one RMA's events in order. This durable schedule is written by hand over
 * PostgreSQL: SmallRye Fault Tolerance retries only in memory.
 */
@ApplicationScoped
public class DeliverWebhooks {

  private static final Logger LOG = Logger.getLogger(DeliverWebhooks.class);
  public static final String DELIVERY_HEADER = "X-RMA-Delivery";
  public static final String CONTENT_TYPE = "application/cloudevents+json";

  private final WebhookStore store;
  private final WebhookSender sender;
  private final WebhookSettings settings;
  private final Clock clock;
  private final RetrySchedule schedule = new RetrySchedule(Math::random);

  public DeliverWebhooks(
      WebhookStore store, WebhookSender sender, WebhookSettings settings, Clock clock) {
    this.store = store;
    this.sender = sender;
    this.settings = settings;
    this.clock = clock;
  }

  @Scheduled(
      identity = "deliver-webhooks",
      every = "${rma.webhooks.poll-interval:1s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
      skipExecutionIf = Scheduled.ApplicationNotRunning.class)
  void onSchedule() {
    try {
      deliverDue();
    } catch (RuntimeException e) {
      LOG.warn("delivering webhooks failed; the deliveries stay queued and are retried", e);
    }
  }

  /** Sends every delivery due now (round after round); returns how many attempts were made. */
  public int deliverDue() {
    int attempts = 0;
    while (true) {
      List<WebhookStore.Delivery> claimed =
          QuarkusTransaction.requiringNew()
              .call(() -> store.claimDue(Instant.now(clock), settings.lease(), settings.batch()));
      if (claimed.isEmpty()) {
        return attempts;
      }
      for (WebhookStore.Delivery delivery : claimed) {
        attempt(delivery);
        attempts++;
      }
    }
  }

  private void attempt(WebhookStore.Delivery delivery) {
    Optional<WebhookEndpoint> endpoint = store.find(delivery.endpointId());
    if (endpoint.isEmpty()) {
      return; // deleted meanwhile: its deliveries went with it
    }
    DeliveryOutcome outcome = send(endpoint.get(), delivery);
    QuarkusTransaction.requiringNew().run(() -> settle(delivery, outcome));
  }

  private DeliveryOutcome send(WebhookEndpoint endpoint, WebhookStore.Delivery delivery) {
    // the addresses are checked by the sender, on exactly those it connects to
    Optional<String> refusal =
        WebhookTarget.urlRefusal(endpoint.url(), settings.allowLoopbackHttp());
    if (refusal.isPresent()) {
      return DeliveryOutcome.noAnswer(Duration.ZERO, "URL refused: " + refusal.get());
    }
    byte[] body = delivery.payload().getBytes(StandardCharsets.UTF_8);
    return sender.post(
        endpoint.url(),
        body,
        Map.of(
            "Content-Type",
            CONTENT_TYPE,
            WebhookSignature.HEADER,
            WebhookSignature.sign(endpoint.secret(), body),
            DELIVERY_HEADER,
            delivery.id().toString()));
  }

  private void settle(WebhookStore.Delivery delivery, DeliveryOutcome outcome) {
    Instant now = Instant.now(clock);
    Optional<WebhookEndpoint> locked = store.findForUpdate(delivery.endpointId());
    if (locked.isEmpty()) {
      return;
    }
    WebhookEndpoint endpoint = locked.get();
    Instant next = null;
    String status;
    switch (outcome.verdict()) {
      case DELIVERED -> {
        status = "DELIVERED";
        endpoint = endpoint.succeeded();
      }
      case RETRY -> {
        next =
            schedule
                .next(delivery.attempts(), now, delivery.deadlineAt(), outcome.retryAfterHint())
                .orElse(null);
        status = next == null ? "PARKED" : "PENDING";
        endpoint = endpoint.failed(now, outcome.describe());
      }
      default -> {
        status = "PARKED";
        endpoint = endpoint.failed(now, outcome.describe());
      }
    }
    store.settle(delivery.id(), status, next, "PENDING".equals(status) ? null : now);
    store.recordAttempt(
        delivery.endpointId(),
        new WebhookStore.Attempt(
            delivery.id(),
            delivery.eventId(),
            delivery.eventType(),
            delivery.attempts(),
            now,
            outcome.statusCode(),
            outcome.duration().toMillis(),
            outcome.error(),
            status,
            next));
    store.update(endpoint);
    if (endpoint.state() == WebhookEndpoint.State.PAUSED && endpoint.pausedAt().equals(now)) {
      LOG.warnf("webhook %s paused: %s", endpoint.id(), endpoint.pausedReason());
    }
  }
}
