package com.acme.rma.intake.application;

import com.acme.rma.platform.retention.Purges;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Forgets partners' idempotency keys older than {@code rma.idempotency.retention} (default 7 days),
 * in batches, every {@code rma.retention.purge-interval}. A retry with the same key within the
 * retention still answers the first RMA; after it, the key is free again. The retention must be at
 * least 24 hours (partners retry for up to a day), or the service refuses to start.
 */
// created at start-up, so that a retention setting out of bounds stops the service at once
@Startup
@ApplicationScoped
public class PurgeIdempotencyKeys {

  /** Partners may retry a request for up to a day: keys must outlive that. */
  public static final Duration MINIMUM_RETENTION = Duration.ofHours(24);

  private static final Logger LOG = Logger.getLogger(PurgeIdempotencyKeys.class);

  private final IdempotencyStore keys;
  private final Clock clock;
  private final Duration retention;

  public PurgeIdempotencyKeys(
      IdempotencyStore keys,
      Clock clock,
      @ConfigProperty(name = "rma.idempotency.retention", defaultValue = "P7D")
          Duration retention) {
    this.keys = keys;
    this.clock = clock;
    this.retention = Purges.retention("rma.idempotency.retention", retention, MINIMUM_RETENTION);
  }

  @Scheduled(
      identity = "purge-idempotency-keys",
      every = "${rma.retention.purge-interval:1h}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
      skipExecutionIf = Scheduled.ApplicationNotRunning.class)
  void onSchedule() {
    Purges.onSchedule(LOG, "idempotency keys older than " + retention, this::purgeExpired);
  }

  /** Forgets every key stored more than the retention ago; returns how many. */
  public long purgeExpired() {
    Instant cutoff = Instant.now(clock).minus(retention);
    return Purges.inBatches(() -> keys.forgetStoredBefore(cutoff, Purges.BATCH));
  }
}
