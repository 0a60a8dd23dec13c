package com.acme.rma.platform.retention;

import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Keeps the kit's tables from growing forever: published outbox rows older than {@code
 * rma.outbox.retention} and processed events older than {@code rma.inbox.retention} are deleted
 * every {@code rma.retention.purge-interval}, in batches. Pending and parked outbox rows are never
 * purged. The inbox must remember an event longer than any copy of it can be delivered again:
 * longer than the longest retention of a topic the service consumes or replays, dead-letter topics
 * included (see the kit's README).
 */
// created at start-up, so that a retention setting out of bounds stops the service at once
@Startup
@ApplicationScoped
public class PlatformPurge {

  private static final Logger LOG = Logger.getLogger(PlatformPurge.class);
  private static final Duration ONE_HOUR = Duration.ofHours(1);

  private final EntityManager em;
  private final Clock clock;
  private final Duration outboxRetention;
  private final Duration inboxRetention;

  public PlatformPurge(
      EntityManager em,
      Clock clock,
      @ConfigProperty(name = "rma.outbox.retention", defaultValue = "P7D") Duration outbox,
      @ConfigProperty(name = "rma.inbox.retention", defaultValue = "P35D") Duration inbox) {
    this.em = em;
    this.clock = clock;
    this.outboxRetention = Purges.retention("rma.outbox.retention", outbox, ONE_HOUR);
    this.inboxRetention = Purges.retention("rma.inbox.retention", inbox, ONE_HOUR);
  }

  @Scheduled(
      identity = "platform-purge",
      every = "${rma.retention.purge-interval:1h}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
      skipExecutionIf = Scheduled.ApplicationNotRunning.class)
  void onSchedule() {
    try {
      long outbox = purgePublishedOutbox();
      long inbox = purgeProcessedEvents();
      if (outbox + inbox > 0) {
        LOG.infof("purged %d published outbox rows and %d processed events", outbox, inbox);
      }
    } catch (RuntimeException e) {
      LOG.warn("purge failed; it runs again at the next interval", e);
    }
  }

  /** Deletes published outbox rows older than the retention; returns how many. */
  public long purgePublishedOutbox() {
    Instant cutoff = Instant.now(clock).minus(outboxRetention);
    return Purges.inBatches(
        () ->
            em.createNativeQuery(
                    "delete from outbox_event where seq in (select seq from outbox_event"
                        + " where published_at < :cutoff order by published_at limit :batch"
                        + " for update skip locked)")
                .setParameter("cutoff", cutoff)
                .setParameter("batch", Purges.BATCH)
                .executeUpdate());
  }

  /** Deletes processed events older than the retention; returns how many. */
  public long purgeProcessedEvents() {
    Instant cutoff = Instant.now(clock).minus(inboxRetention);
    return Purges.inBatches(
        () ->
            em.createNativeQuery(
                    "delete from processed_event where (source, id) in (select source, id"
                        + " from processed_event where processed_at < :cutoff"
                        + " order by processed_at limit :batch for update skip locked)")
                .setParameter("cutoff", cutoff)
                .setParameter("batch", Purges.BATCH)
                .executeUpdate());
  }
}
