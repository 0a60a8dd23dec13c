package com.acme.rma.intake.application.webhook;

import com.acme.rma.intake.domain.webhook.DeliveryOutcome;
import com.acme.rma.intake.domain.webhook.RetrySchedule;
import com.acme.rma.intake.domain.webhook.WebhookEndpoint;
import com.acme.rma.intake.domain.webhook.WebhookSignature;
import com.acme.rma.intake.domain.webhook.WebhookTarget;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
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
 * parked at once. Per RMA and endpoint only the first pending delivery (by when its step happened,
 * then by arrival) is ever claimed, so a partner receives one RMA's events in order. This durable
 * schedule is written by hand over PostgreSQL: SmallRye Fault Tolerance retries only in memory.
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
  private final MeterRegistry metrics;
  // histogram buckets up to the 5-s timeout
  private static final Duration[] BUCKETS = {
    Duration.ofMillis(50),
    Duration.ofMillis(100),
    Duration.ofMillis(250),
    Duration.ofMillis(500),
    Duration.ofSeconds(1),
    Duration.ofMillis(2500),
    Duration.ofSeconds(5),
    Duration.ofSeconds(10)
  };

  public DeliverWebhooks(
      WebhookStore store,
      WebhookSender sender,
      WebhookSettings settings,
      Clock clock,
      MeterRegistry metrics) {
    this.store = store;
    this.sender = sender;
    this.settings = settings;
    this.clock = clock;
    this.metrics = metrics;
    // served from the start (at 0), so that alerts and dashboards find them before any delivery
    for (String outcome : List.of("delivered", "retried", "parked")) {
      counter(outcome);
      timer(outcome);
    }
  }

  @Scheduled(
      identity = "deliver-webhooks",
      every = "${rma.webhooks.poll-interval:1s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
      skipExecutionIf = Scheduled.ApplicationNotRunning.class)
  void onSchedule() {
    if (!settings.scheduled()) {
      return;
    }
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
    String status = QuarkusTransaction.requiringNew().call(() -> settle(delivery, outcome));
    if (status != null) {
      record(status, outcome);
    }
  }

  /**
   * {@code rma_webhook_deliveries_total{outcome}}: attempts that delivered, were retried or parked
   * the delivery; {@code rma_webhook_delivery_duration_seconds{outcome}}: how long they took.
   */
  private void record(String status, DeliveryOutcome outcome) {
    String tag =
        switch (status) {
          case "DELIVERED" -> "delivered";
          case "PENDING" -> "retried";
          default -> "parked";
        };
    counter(tag).increment();
    timer(tag).record(outcome.duration());
  }

  private io.micrometer.core.instrument.Counter counter(String outcome) {
    return io.micrometer.core.instrument.Counter.builder("rma.webhook.deliveries")
        .description("webhook delivery attempts by what came of the delivery")
        .tag("outcome", outcome)
        .register(metrics);
  }

  private Timer timer(String outcome) {
    return Timer.builder("rma.webhook.delivery.duration")
        .description("time from sending a webhook to its answer (or failure)")
        .tag("outcome", outcome)
        .serviceLevelObjectives(BUCKETS)
        .register(metrics);
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

  /** Records the attempt; returns the delivery's new status (null: the endpoint is gone). */
  private String settle(WebhookStore.Delivery delivery, DeliveryOutcome outcome) {
    Instant now = Instant.now(clock);
    Optional<WebhookEndpoint> locked = store.findForUpdate(delivery.endpointId());
    if (locked.isEmpty()) {
      return null;
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
    return status;
  }
}
