package com.acme.rma.intake.application.webhook;

import com.acme.rma.platform.retention.Purges;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Forgets the webhook history older than {@code rma.webhooks.retention} (default 30 days), in
 * batches, every {@code rma.retention.purge-interval}: deliveries DELIVERED or PARKED that long ago
 * (with their attempts) and attempts made that long ago. Pending deliveries are never forgotten,
 * however long their endpoint stays paused. At least 2 days (a delivery is retried for 24 h), or
 * the service refuses to start.
 */
@Startup
@ApplicationScoped
public class PurgeWebhookHistory {

  public static final Duration MINIMUM_RETENTION = Duration.ofDays(2);

  private static final Logger LOG = Logger.getLogger(PurgeWebhookHistory.class);

  private final WebhookStore store;
  private final Clock clock;
  private final Duration retention;

  @Inject
  public PurgeWebhookHistory(WebhookStore store, Clock clock, WebhookSettings settings) {
    this(store, clock, settings.retention());
  }

  public PurgeWebhookHistory(WebhookStore store, Clock clock, Duration retention) {
    this.store = store;
    this.clock = clock;
    this.retention = Purges.retention("rma.webhooks.retention", retention, MINIMUM_RETENTION);
  }

  @Scheduled(
      identity = "purge-webhook-history",
      every = "${rma.retention.purge-interval:1h}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
      skipExecutionIf = Scheduled.ApplicationNotRunning.class)
  void onSchedule() {
    Purges.onSchedule(
        LOG, "webhook deliveries and attempts older than " + retention, this::purgeExpired);
  }

  /** Forgets every finished delivery and every attempt older than the retention; how many. */
  public long purgeExpired() {
    Instant cutoff = Instant.now(clock).minus(retention);
    return Purges.inBatches(() -> store.forgetFinishedBefore(cutoff, Purges.BATCH))
        + Purges.inBatches(() -> store.forgetAttemptsBefore(cutoff, Purges.BATCH));
  }
}
