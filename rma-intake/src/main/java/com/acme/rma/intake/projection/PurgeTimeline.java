package com.acme.rma.intake.projection;

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
 * A timeline lives as long as its RMA and {@code rma.timeline.retention} (default 400 days) after
 * it was closed or cancelled; then its entries are forgotten, in batches, every {@code
 * rma.retention.purge-interval}. The timeline of an open RMA is never purged. At least 30 days, or
 * the service refuses to start. A rebuild brings back what the topics still hold.
 */
@Startup
@ApplicationScoped
public class PurgeTimeline {

  public static final Duration MINIMUM_RETENTION = Duration.ofDays(30);

  private static final Logger LOG = Logger.getLogger(PurgeTimeline.class);

  private final TimelineStore store;
  private final Clock clock;
  private final Duration retention;

  public PurgeTimeline(
      TimelineStore store,
      Clock clock,
      @ConfigProperty(name = "rma.timeline.retention", defaultValue = "P400D") Duration retention) {
    this.store = store;
    this.clock = clock;
    this.retention = Purges.retention("rma.timeline.retention", retention, MINIMUM_RETENTION);
  }

  @Scheduled(
      identity = "purge-timeline",
      every = "${rma.retention.purge-interval:1h}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
      skipExecutionIf = Scheduled.ApplicationNotRunning.class)
  void onSchedule() {
    Purges.onSchedule(
        LOG, "timeline entries of RMAs ended more than " + retention + " ago", this::purgeExpired);
  }

  /** Forgets the entries of every RMA closed or cancelled more than the retention ago. */
  public long purgeExpired() {
    Instant cutoff = Instant.now(clock).minus(retention);
    return Purges.inBatches(() -> store.forgetEndedBefore(cutoff, Purges.BATCH));
  }
}
