package com.acme.rma.monitor.application;

import com.acme.rma.calendar.sla.ServiceLevel;
import com.acme.rma.monitor.config.MonitorConfig;
import com.acme.rma.monitor.domain.SlaAlert;
import com.acme.rma.monitor.domain.SlaClock;
import com.acme.rma.monitor.domain.Transition;
import com.acme.rma.platform.observe.Correlation;
import com.acme.rma.platform.observe.Traces;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
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
 *
 * <p>A timed alert continues the trace of the event that started its clock (its RMA's
 * authorization), so one trace follows an RMA from the partner's request to its alerts.
 */
@ApplicationScoped
public class FireDueAlerts {

  private final SlaClockStore store;
  private final AlertOutbox alerts;
  private final Clock clock;
  private final MonitorConfig config;
  private final MeterRegistry metrics;
  private final Tracer tracer;

  public FireDueAlerts(
      SlaClockStore store,
      AlertOutbox alerts,
      Clock clock,
      MonitorConfig config,
      MeterRegistry metrics,
      Tracer tracer) {
    this.store = store;
    this.alerts = alerts;
    this.clock = clock;
    this.config = config;
    this.metrics = metrics;
    this.tracer = tracer;
    // every level and timed kind is served from the start (at 0), so rates and alerts exist
    for (ServiceLevel level : ServiceLevel.values()) {
      for (SlaAlert.Kind kind : List.of(SlaAlert.Kind.AT_RISK, SlaAlert.Kind.BREACHED)) {
        lateness(level, kind);
      }
    }
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

  /** How long after its moment a timed alert was committed, by level and kind (a histogram). */
  private Timer lateness(ServiceLevel level, SlaAlert.Kind kind) {
    return Timer.builder("rma.sla.alert.lateness")
        .description("how long after its moment a timed alert was committed")
        .tag("level", level.name())
        .tag("kind", kind.name())
        .serviceLevelObjectives(
            Duration.ofMillis(100),
            Duration.ofMillis(250),
            Duration.ofMillis(500),
            Duration.ofSeconds(1),
            Duration.ofSeconds(2),
            Duration.ofSeconds(5),
            Duration.ofSeconds(15),
            Duration.ofSeconds(60))
        .register(metrics);
  }

  private int fireBatch(int batch) {
    Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    List<SlaClock> due = store.claimDue(now, batch);
    for (SlaClock clock : due) {
      Transition t = clock.tick(now);
      store.update(t.clock(), now);
      Traces.inSpan(
          tracer,
          "sla timer",
          SpanKind.INTERNAL,
          store.traceparent(clock.rmaNumber()).orElse(null),
          () -> {
            Correlation.rma(clock.rmaNumber());
            try {
              alerts.publish(t.alerts());
            } finally {
              Correlation.clear();
            }
            return null;
          });
      for (SlaAlert alert : t.alerts()) {
        lateness(alert.serviceLevel(), alert.kind())
            .record(Duration.between(alert.occurredAt(), now).abs());
      }
    }
    return due.size();
  }
}
