package com.acme.rma.intake.domain;

import com.acme.rma.calendar.sla.SlaTerms;
import com.acme.rma.calendar.sla.Target;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An RMA's SLA target and deadline (rules §2, §3): computed at acceptance from the shared terms
 * (business-calendar's {@code SlaPolicy}), then kept equal to sla-monitor's clock, which announces
 * every change of it ({@code sla.deadline-changed.v1}).
 *
 * @param dueAt the deadline; null while the clock is paused (an export hold)
 * @param changedAt when the monitor changed the deadline last (its announcement's {@code
 *     occurredAt}); null while the deadline is the one computed at acceptance
 */
public record Sla(Target target, Instant dueAt, Instant changedAt) {

  public Sla {
    Objects.requireNonNull(target, "target");
    if (dueAt == null && changedAt == null) {
      throw new IllegalArgumentException("only the monitor pauses a deadline");
    }
  }

  public Sla(Target target, Instant dueAt) {
    this(target, Objects.requireNonNull(dueAt, "dueAt"), null);
  }

  /** The SLA of a clock started with these terms. */
  public static Sla of(SlaTerms terms) {
    return new Sla(terms.target(), terms.dueAt());
  }

  /** Whether the clock is paused (an export hold): no deadline until it restarts. */
  public boolean paused() {
    return dueAt == null;
  }

  /**
   * The deadline the monitor announced at {@code occurredAt} ({@code newDueAt} null: paused). An
   * announcement older than the one applied last is stale (it arrived late): empty. One of the same
   * moment applies (announcements of one RMA arrive in the order they were made).
   */
  public Optional<Sla> changed(Instant newDueAt, Instant occurredAt) {
    Objects.requireNonNull(occurredAt, "occurredAt");
    if (changedAt != null && occurredAt.isBefore(changedAt)) {
      return Optional.empty();
    }
    return Optional.of(new Sla(target, newDueAt, occurredAt));
  }
}
