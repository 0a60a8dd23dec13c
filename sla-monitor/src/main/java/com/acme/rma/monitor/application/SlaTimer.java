package com.acme.rma.monitor.application;

import com.acme.rma.monitor.config.MonitorConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * The monitor's own timer thread. After each round it sleeps until the next due moment, but never
 * longer than the poll interval (a clock made meanwhile by a consumer, or on another replica, may
 * be due sooner) and never less than a few milliseconds (due clocks held by another replica).
 *
 * <p>Quarkus' {@code @Scheduled} checks its triggers only once a second, too coarse for alerts due
 * "within a second"; hence a thread of its own.
 */
@ApplicationScoped
public class SlaTimer {

  private static final Logger LOG = Logger.getLogger(SlaTimer.class);
  static final Duration MIN_PAUSE = Duration.ofMillis(20);

  private final FireDueAlerts fire;
  private final MonitorConfig config;
  private final Clock clock;
  private volatile ScheduledExecutorService executor;

  public SlaTimer(FireDueAlerts fire, MonitorConfig config, Clock clock) {
    this.fire = fire;
    this.config = config;
    this.clock = clock;
  }

  void start(@Observes StartupEvent started) {
    if (!config.timer().enabled()) {
      LOG.info("the SLA timer is disabled on this instance");
      return;
    }
    executor =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "sla-timer");
              thread.setDaemon(true);
              return thread;
            });
    executor.schedule(this::round, 0, TimeUnit.MILLISECONDS);
  }

  void stop(@Observes ShutdownEvent stopping) throws InterruptedException {
    ScheduledExecutorService running = executor;
    if (running != null) {
      running.shutdownNow();
      running.awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  private void round() {
    Duration pause = config.timer().interval();
    try {
      fire.fireDue();
      pause = pauseUntil(fire.nextMoment());
    } catch (RuntimeException e) {
      LOG.warn("the SLA timer failed; due clocks stay due and are retried", e);
    } finally {
      ScheduledExecutorService running = executor;
      if (running != null && !running.isShutdown()) {
        running.schedule(this::round, pause.toMillis(), TimeUnit.MILLISECONDS);
      }
    }
  }

  private Duration pauseUntil(Optional<Instant> next) {
    Duration interval = config.timer().interval();
    if (next.isEmpty()) {
      return interval;
    }
    Duration untilDue = Duration.between(Instant.now(clock), next.get());
    if (untilDue.compareTo(MIN_PAUSE) < 0) {
      return MIN_PAUSE;
    }
    return untilDue.compareTo(interval) < 0 ? untilDue : interval;
  }
}
