package com.acme.rma.platform.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The outbox's gauges: {@code rma.outbox.pending} (rows neither published nor parked), {@code
 * rma.outbox.oldest.age.seconds} (age of the row at the head of the relay's queue, 0 when none) and
 * {@code rma.outbox.parked}. The counts come from three small queries on partial indexes, refreshed
 * every {@code rma.outbox.gauges.interval} (5 s), never per scrape; the age is computed at each
 * scrape from the oldest row's time, so it keeps growing while the relay is stuck. Every replica
 * reports the same database: aggregate with max, not sum.
 */
@Startup
@ApplicationScoped
public class OutboxGauges {

  private static final Logger LOG = Logger.getLogger(OutboxGauges.class);

  private final EntityManager em;
  private final Clock clock;
  private volatile long pending;
  private volatile long parked;
  private volatile Instant oldestPending;

  public OutboxGauges(EntityManager em, Clock clock, MeterRegistry metrics) {
    this.em = em;
    this.clock = clock;
    Gauge.builder("rma.outbox.pending", this, gauges -> gauges.pending)
        .description("Outbox rows not yet published (parked rows excluded)")
        .register(metrics);
    Gauge.builder("rma.outbox.oldest.age.seconds", this, OutboxGauges::oldestAgeSeconds)
        .description("Age of the oldest pending outbox row, 0 when none")
        .baseUnit("seconds")
        .register(metrics);
    Gauge.builder("rma.outbox.parked", this, gauges -> gauges.parked)
        .description("Outbox rows parked after failing rma.outbox.max-attempts times")
        .register(metrics);
  }

  @Scheduled(
      identity = "outbox-gauges",
      every = "${rma.outbox.gauges.interval:5s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
      skipExecutionIf = Scheduled.ApplicationNotRunning.class)
  void onSchedule() {
    try {
      refresh();
    } catch (RuntimeException e) {
      LOG.debug("outbox gauges not refreshed; they keep their last values", e);
    }
  }

  /** Reads the counts now (the schedule does this; tests call it to avoid waiting). */
  public void refresh() {
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              pending = count("publishedAt is null and parkedAt is null");
              parked = count("parkedAt is not null");
              List<Instant> oldest =
                  em.createQuery(
                          "select e.occurredAt from OutboxEvent e"
                              + " where e.publishedAt is null and e.parkedAt is null"
                              + " order by e.seq",
                          Instant.class)
                      .setMaxResults(1)
                      .getResultList();
              oldestPending = oldest.isEmpty() ? null : oldest.get(0);
            });
  }

  private long count(String where) {
    return em.createQuery("select count(e) from OutboxEvent e where " + where, Long.class)
        .getSingleResult();
  }

  private double oldestAgeSeconds() {
    Instant oldest = oldestPending;
    if (oldest == null) {
      return 0;
    }
    return Math.max(0, Duration.between(oldest, Instant.now(clock)).toMillis() / 1000.0);
  }
}
