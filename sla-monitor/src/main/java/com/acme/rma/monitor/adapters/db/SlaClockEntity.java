package com.acme.rma.monitor.adapters.db;

import com.acme.rma.calendar.sla.ServiceLevel;
import com.acme.rma.calendar.sla.Target;
import com.acme.rma.monitor.domain.SlaClock;
import com.acme.rma.monitor.domain.SlaState;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A row of {@code sla_clock}. */
@Entity
@Table(name = "sla_clock")
public class SlaClockEntity extends PanacheEntityBase {

  @Id
  @Column(name = "rma_number")
  public String rmaNumber;

  @Enumerated(EnumType.STRING)
  @Column(name = "service_level", nullable = false)
  public ServiceLevel serviceLevel;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public Target target;

  @Column(name = "calendar_id", nullable = false)
  public String calendarId;

  @Column(name = "started_at", nullable = false)
  public Instant startedAt;

  @Column(name = "due_at", nullable = false)
  public Instant dueAt;

  @Column(name = "at_risk_at", nullable = false)
  public Instant atRiskAt;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public SlaState state;

  @Column(name = "paused_at")
  public Instant pausedAt;

  @Column(name = "stopped_at")
  public Instant stoppedAt;

  @Column(name = "breached_at")
  public Instant breachedAt;

  @Column(name = "late_by_seconds")
  public Long lateBySeconds;

  @Column(name = "next_fire_at")
  public Instant nextFireAt;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  /** The trace context current when the clock was stored; timed alerts continue it. */
  @Column(length = 55)
  public String traceparent;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;

  SlaClock toDomain() {
    return new SlaClock(
        rmaNumber,
        serviceLevel,
        target,
        calendarId,
        startedAt,
        dueAt,
        atRiskAt,
        state,
        pausedAt,
        stoppedAt,
        breachedAt,
        lateBySeconds);
  }

  void copy(SlaClock clock, Instant now) {
    rmaNumber = clock.rmaNumber();
    serviceLevel = clock.serviceLevel();
    target = clock.target();
    calendarId = clock.calendarId();
    startedAt = clock.startedAt();
    dueAt = clock.dueAt();
    atRiskAt = clock.atRiskAt();
    state = clock.state();
    pausedAt = clock.pausedAt();
    stoppedAt = clock.stoppedAt();
    breachedAt = clock.breachedAt();
    lateBySeconds = clock.lateBySeconds();
    nextFireAt = clock.nextMomentAt().orElse(null);
    updatedAt = now;
  }
}
