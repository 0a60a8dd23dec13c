package com.acme.rma.monitor.application;

import com.acme.rma.monitor.config.MonitorConfig;
import com.acme.rma.monitor.domain.SlaAlert;
import com.acme.rma.monitor.domain.SlaClock;
import com.acme.rma.monitor.domain.Transition;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * Fires the moments that are due: at risk at {@code atRiskAt}, breached at {@code dueAt}, whether
 * or not any event arrives.
 *
 * <p>Due moments live in PostgreSQL ({@code sla_clock.next_fire_at}). Each call claims the due
 * clocks with {@code FOR UPDATE SKIP LOCKED}, moves them and writes their alerts to the outbox in
 * one transaction: a clock is fired by exactly one replica, once; a crash before the commit leaves
 * it due for the next poll of any replica.
 */
@ApplicationScoped
public class FireDueAlerts {

  private final SlaClockStore store;
  private final AlertOutbox alerts;
  private final Clock clock;
  private final MonitorConfig config;
  private final Timer lateness;

  public FireDueAlerts(
      SlaClockStore store,
      AlertOutbox alerts,
      Clock clock,
      MonitorConfig config,
      MeterRegistry metrics) {
    this.store = store;
    this.alerts = alerts;
    this.clock = clock;
    this.config = config;
    this.lateness =
        Timer.builder("rma.monitor.timer.lateness")
            .description("how long after its moment a timed alert was committed")
            .publishPercentiles(0.5, 0.99)
            .register(metrics);
  }

  /** Fires every moment due now; returns how many clocks moved. */
  public int fireDue() {
    int batch = config.timer().batchSize();
    int total = 0;
    int fired;
    do {
      fired = QuarkusTransaction.requiringNew().call(() -> fireBatch(batch));
      total += fired;
    } while (fired == batch);
    return total;
  }

  /** The earliest moment still to fire, of any clock. */
  public Optional<Instant> nextMoment() {
    return QuarkusTransaction.requiringNew().call(store::nextMoment);
  }

  private int fireBatch(int batch) {
    Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    List<SlaClock> due = store.claimDue(now, batch);
    for (SlaClock clock : due) {
      Transition t = clock.tick(now);
      store.update(t.clock(), now);
      alerts.publish(t.alerts());
      for (SlaAlert alert : t.alerts()) {
        lateness.record(Duration.between(alert.occurredAt(), now).abs());
      }
    }
    return due.size();
  }
}
