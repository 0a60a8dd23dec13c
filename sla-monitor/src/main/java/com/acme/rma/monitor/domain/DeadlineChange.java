package com.acme.rma.monitor.domain;

import com.acme.rma.calendar.sla.ServiceLevel;
import com.acme.rma.calendar.sla.Target;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A started clock's deadline changed (announced as {@code sla.deadline-changed.v1}), so that the
 * RMA's other views (rma-intake's {@code sla.dueAt}) never show a deadline the monitor no longer
 * holds.
 *
 * <p>The deadline as announced is {@link #announcedDue(SlaClock) none while the clock is paused}
 * (an export hold), else the clock's {@code dueAt}. A change is announced when a clock that is
 * still open (a stop is still to come) announces another deadline than before: a hold pauses it, a
 * clearance restarts it with a new deadline, a reinstatement puts it back, a calendar repair moves
 * it. A stop or a cancellation ends the clock; its deadline no longer matters and is not announced.
 *
 * @param dueAt the new deadline; null while paused
 * @param previousDueAt the deadline announced before; null when the clock was paused
 * @param occurredAt when the monitor changed the clock (newer announcements have later ones)
 */
public record DeadlineChange(
    String rmaNumber,
    ServiceLevel serviceLevel,
    Target target,
    String calendarId,
    Instant startedAt,
    Instant dueAt,
    Instant previousDueAt,
    SlaState state,
    Instant pausedAt,
    Reason reason,
    Instant occurredAt) {

  /** Why the deadline changed. */
  public enum Reason {
    /** An export hold paused the clock: no deadline until the certificate clears. */
    EXPORT_HOLD,
    /** The certificate cleared: the clock restarted with its full target. */
    EXPORT_CLEARED,
    /** A cancellation was undone (the replacement had left): the clock is back. */
    REINSTATED,
    /** The business calendar changed (a closure added or removed) and the clock was repaired. */
    CALENDAR_CHANGED
  }

  public DeadlineChange {
    Objects.requireNonNull(rmaNumber, "rmaNumber");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(occurredAt, "occurredAt");
  }

  /** The deadline a reader of the RMA should see: none while the clock is paused. */
  public static Instant announcedDue(SlaClock clock) {
    boolean onHold =
        clock.state() == SlaState.PAUSED
            || (clock.state() == SlaState.CANCELLED && clock.pausedAt() != null);
    return onHold ? null : clock.dueAt();
  }

  /**
   * The change from {@code before} to {@code after} (the same RMA's clock), when the announced
   * deadline of a clock still open differs; empty otherwise.
   */
  public static Optional<DeadlineChange> between(
      SlaClock before, SlaClock after, Reason reason, Instant occurredAt) {
    if (!before.rmaNumber().equals(after.rmaNumber())) {
      throw new IllegalArgumentException(
          "two clocks: " + before.rmaNumber() + " and " + after.rmaNumber());
    }
    Instant previous = announcedDue(before);
    Instant due = announcedDue(after);
    if (!after.isOpen() || Objects.equals(previous, due)) {
      return Optional.empty();
    }
    return Optional.of(
        new DeadlineChange(
            after.rmaNumber(),
            after.serviceLevel(),
            after.target(),
            after.calendarId(),
            after.startedAt(),
            due,
            previous,
            after.state(),
            after.pausedAt(),
            reason,
            occurredAt));
  }

  /** The reason an event can change a clock's deadline for; empty for the others. */
  public static Optional<Reason> reasonOf(SlaEvent event) {
    if (event instanceof SlaEvent.ExportHeld) {
      return Optional.of(Reason.EXPORT_HOLD);
    }
    if (event instanceof SlaEvent.ExportCleared) {
      return Optional.of(Reason.EXPORT_CLEARED);
    }
    return Optional.empty();
  }
}
