package com.acme.rma.monitor.domain;

import static com.acme.rma.monitor.domain.SlaState.AT_RISK;
import static com.acme.rma.monitor.domain.SlaState.BREACHED;
import static com.acme.rma.monitor.domain.SlaState.CANCELLED;
import static com.acme.rma.monitor.domain.SlaState.MET;
import static com.acme.rma.monitor.domain.SlaState.PAUSED;
import static com.acme.rma.monitor.domain.SlaState.RUNNING;

import com.acme.rma.calendar.sla.ServiceLevel;
import com.acme.rma.calendar.sla.SlaPolicy;
import com.acme.rma.calendar.sla.SlaTerms;
import com.acme.rma.calendar.sla.Target;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * One RMA's SLA clock (rules.md §7), a pure state machine.
 *
 * <p>Two kinds of input move it: {@link #tick(Instant) time passing} (at risk at {@code atRiskAt},
 * breached at {@code dueAt}) and {@link #apply(SlaEvent, SlaPolicy) events} from the other
 * services, which are judged by <em>when they happened</em>, not when the monitor heard of them:
 *
 * <ul>
 *   <li>the clock is breached only once its deadline has passed ({@code now > dueAt}): a stop at or
 *       before {@code dueAt} is MET (and {@code sla.met.v1}); after it, the clock is BREACHED and
 *       records {@code lateBySeconds} (no further alert when the breach was already reported); of
 *       several stops, the earliest counts;
 *   <li>an event that happened after the deadline of a clock not yet marked breached first breaches
 *       it (the moment passed before the event);
 *   <li>an event that happened at or before the deadline of a clock already marked breached (its
 *       message was still on its way when the timer fired) reopens it first: the breach was
 *       premature. A stop makes it MET with an explicit correction ({@code sla.met.v1} with {@code
 *       correctsBreach}), so that dashboards drop the breach;
 *   <li>an export hold pauses a live clock; the clearance restarts it with its full target from the
 *       clearance; a cancellation ends it without a verdict.
 * </ul>
 *
 * <p>A cancellation can be undone: when dispatch's parcel had already left, intake reinstates the
 * RMA, and {@link #reinstate()} puts a CANCELLED clock back to what it would be without the cancel,
 * by its original deadline (the service's shipment events heard while it was cancelled are applied
 * after it, in the order they happened, then time catches up).
 *
 * <pre>
 * RUNNING ──atRiskAt──▶ AT_RISK ──after dueAt──▶ BREACHED ──late stop──▶ BREACHED (stopped)
 * a stop at or before dueAt ──▶ MET (correcting a premature breach)
 * export hold ──▶ PAUSED ──clearance──▶ RUNNING (full target)
 * cancel (any open state) ──▶ CANCELLED ──reinstate──▶ RUNNING | AT_RISK | PAUSED | BREACHED
 * </pre>
 *
 * When time passes over both moments at once (a clock learned of after its deadline), only the
 * breach is reported: an at-risk warning for a breached clock helps nobody.
 */
public record SlaClock(
    String rmaNumber,
    ServiceLevel serviceLevel,
    Target target,
    String calendarId,
    Instant startedAt,
    Instant dueAt,
    Instant atRiskAt,
    SlaState state,
    Instant pausedAt,
    Instant stoppedAt,
    Instant breachedAt,
    Long lateBySeconds) {

  private static final Duration ONE_MICROSECOND = Duration.ofNanos(1000);

  public SlaClock {
    Objects.requireNonNull(rmaNumber, "rmaNumber");
    Objects.requireNonNull(serviceLevel, "serviceLevel");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(calendarId, "calendarId");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(dueAt, "dueAt");
    Objects.requireNonNull(atRiskAt, "atRiskAt");
    Objects.requireNonNull(state, "state");
  }

  /**
   * A clock running from {@code authorizedAt} with the target of its level. It is not yet compared
   * with the present: {@link #tick(Instant)} does that (an overdue start is breached by the tick).
   */
  public static SlaClock start(
      String rmaNumber, ServiceLevel level, Instant authorizedAt, SlaPolicy policy) {
    SlaTerms terms = policy.termsFor(level, authorizedAt);
    return new SlaClock(
        rmaNumber,
        level,
        terms.target(),
        terms.calendarId(),
        terms.startedAt(),
        terms.dueAt(),
        terms.atRiskAt(),
        RUNNING,
        null,
        null,
        null,
        null);
  }

  /**
   * The next moment at which time alone changes this clock; empty when only events can. A clock is
   * breached once its deadline has passed, so its moment is the first microsecond (the stored
   * precision) after {@code dueAt}.
   */
  public Optional<Instant> nextMomentAt() {
    return switch (state) {
      case RUNNING -> Optional.of(atRiskAt);
      case AT_RISK -> Optional.of(dueAt.plus(ONE_MICROSECOND));
      default -> Optional.empty();
    };
  }

  /** Whether a stop is still to come (a breached clock waits for its late stop). */
  public boolean isOpen() {
    return state.isLive() || state == PAUSED || (state == BREACHED && stoppedAt == null);
  }

  // ---------------------------------------------------------------- time

  /**
   * Time has reached {@code now}: at risk from {@code atRiskAt} on, breached once {@code dueAt} has
   * passed ({@code now > dueAt}; the deadline itself is still in time).
   */
  public Transition tick(Instant now) {
    if (!state.isLive()) {
      return Transition.to(this);
    }
    if (now.isAfter(dueAt)) {
      SlaClock breached = withState(BREACHED, pausedAt, stoppedAt, dueAt, lateBySeconds);
      return Transition.to(breached, breached.alert(SlaAlert.Kind.BREACHED, dueAt));
    }
    if (state == RUNNING && !now.isBefore(atRiskAt)) {
      SlaClock atRisk = withState(AT_RISK, pausedAt, stoppedAt, breachedAt, lateBySeconds);
      return Transition.to(atRisk, atRisk.alert(SlaAlert.Kind.AT_RISK, atRiskAt));
    }
    return Transition.to(this);
  }

  // ---------------------------------------------------------------- events

  /** An event reported by another service, applied at the time it happened. */
  public Transition apply(SlaEvent event, SlaPolicy policy) {
    Instant at = event.at().truncatedTo(ChronoUnit.MICROS);
    return switch (effectOf(event)) {
      case NONE -> Transition.to(this);
      case STOP -> stop(at);
      case PAUSE -> pause(at);
      case RESUME -> resume(at, policy);
      case CANCEL -> cancel(at);
    };
  }

  private enum Effect {
    NONE,
    STOP,
    PAUSE,
    RESUME,
    CANCEL
  }

  private Effect effectOf(SlaEvent event) {
    if (event instanceof SlaEvent.Shipped) {
      return target == Target.SHIPMENT ? Effect.STOP : Effect.NONE;
    }
    if (event instanceof SlaEvent.Delivered || event instanceof SlaEvent.Closed) {
      return Effect.STOP;
    }
    if (event instanceof SlaEvent.ExportHeld) {
      return Effect.PAUSE;
    }
    if (event instanceof SlaEvent.ExportCleared) {
      return Effect.RESUME;
    }
    return Effect.CANCEL;
  }

  private Transition stop(Instant at) {
    if (isStopped()) {
      return at.isBefore(stoppedAt) ? restop(at) : Transition.to(this);
    }
    if (!isOpen()) {
      return Transition.to(this);
    }
    if (state == PAUSED) {
      // stopped on hold: met; pausedAt stays, it tells that the clock was not running
      SlaClock met = withState(MET, pausedAt, at, null, null);
      return Transition.to(met, met.metAlert(at, false));
    }
    if (!at.isAfter(dueAt)) {
      // in time; when the breach was already announced (the stop's message came late), it was
      // premature and the met alert says that it corrects it
      SlaClock met = withState(MET, null, at, null, null);
      return Transition.to(met, met.metAlert(at, state == BREACHED));
    }
    long late = lateBy(at);
    SlaClock breached = withState(BREACHED, null, at, dueAt, late);
    if (state == BREACHED) {
      return Transition.to(breached); // the breach was reported when it happened
    }
    return Transition.to(breached, breached.alert(SlaAlert.Kind.BREACHED, dueAt));
  }

  private boolean isStopped() {
    return stoppedAt != null && (state == MET || state == BREACHED);
  }

  /**
   * A stop that happened before the one already recorded (the RMA's close was heard of before its
   * delivery): the earliest stop is the one that counts.
   */
  private Transition restop(Instant at) {
    boolean onHold = pausedAt != null && !at.isBefore(pausedAt);
    if (!onHold && at.isAfter(dueAt)) {
      return Transition.to(withState(BREACHED, null, at, dueAt, lateBy(at)));
    }
    SlaClock met = withState(MET, onHold ? pausedAt : null, at, null, null);
    if (state == MET) {
      return Transition.to(met);
    }
    return Transition.to(met, met.metAlert(at, true)); // the breach was premature
  }

  private Transition pause(Instant at) {
    if (state.isLive() && at.isAfter(dueAt)) {
      return tick(at); // the deadline passed before the hold: the breach stands, no pause
    }
    if (state.isLive() || (state == BREACHED && stoppedAt == null && !at.isAfter(dueAt))) {
      return Transition.to(withState(PAUSED, at, null, null, null));
    }
    return Transition.to(this);
  }

  private Transition resume(Instant at, SlaPolicy policy) {
    if (state != PAUSED) {
      return Transition.to(this);
    }
    SlaTerms terms = policy.termsFor(serviceLevel, at);
    return Transition.to(
        new SlaClock(
            rmaNumber,
            serviceLevel,
            terms.target(),
            terms.calendarId(),
            terms.startedAt(),
            terms.dueAt(),
            terms.atRiskAt(),
            RUNNING,
            null,
            null,
            null,
            null));
  }

  private Transition cancel(Instant at) {
    if (!isOpen()) {
      return Transition.to(this);
    }
    if (state.isLive() && at.isAfter(dueAt)) {
      return tick(at).then(breached -> breached.cancel(at));
    }
    Instant breach = state == BREACHED && at.isAfter(dueAt) ? breachedAt : null;
    // a paused clock keeps pausedAt: a reinstatement puts it back on hold
    Instant paused = state == PAUSED ? pausedAt : null;
    return Transition.to(withState(CANCELLED, paused, at, breach, null));
  }

  // ---------------------------------------------------------------- reinstatement

  /**
   * The RMA's cancellation did not take ({@code rma.reinstated.v1}: the replacement had left before
   * the cancel reached dispatch). A CANCELLED clock goes back to what it would be without the
   * cancel, with its original start and deadline:
   *
   * <ul>
   *   <li>breached before the cancel ({@code breachedAt} kept) → BREACHED, waiting for its late
   *       stop; the breach was reported then and is not repeated;
   *   <li>paused when cancelled → PAUSED, waiting for the clearance;
   *   <li>otherwise AT_RISK when the cancel came at or after {@code atRiskAt} (its warning was due
   *       before the cancel and is not repeated), else RUNNING.
   * </ul>
   *
   * No alert is raised here; {@link #tick(Instant)} afterwards raises what fell due while the clock
   * was cancelled. Any other state is unchanged (a repeat, or a clock that was never cancelled).
   */
  public Transition reinstate() {
    if (state != CANCELLED) {
      return Transition.to(this);
    }
    if (breachedAt != null) {
      return Transition.to(withState(BREACHED, null, null, breachedAt, null));
    }
    if (pausedAt != null) {
      return Transition.to(withState(PAUSED, pausedAt, null, null, null));
    }
    boolean warned = stoppedAt != null && !stoppedAt.isBefore(atRiskAt);
    return Transition.to(withState(warned ? AT_RISK : RUNNING, null, null, null, null));
  }

  // ---------------------------------------------------------------- calendar changes

  /**
   * SLA repair: the calendar changed and {@code terms} are this clock's terms on the changed
   * calendar (recomputed from its {@code startedAt}). Only a live clock (RUNNING, AT_RISK) moves:
   * it takes the new deadline and at-risk moment, is RUNNING again when its new at-risk moment is
   * still ahead (its warning comes again then), and time catches up at {@code now} (at risk or
   * breached, with their alerts). A paused clock has no deadline (its clearance restarts it on the
   * calendar in effect then); a stopped, breached or cancelled clock has its verdict and is not
   * re-judged here ({@link #rejudge(SlaTerms)}).
   */
  public Transition repair(SlaTerms terms, Instant now) {
    if (!state.isLive() || sameMoments(terms)) {
      return Transition.to(this);
    }
    SlaState base = state == AT_RISK && !now.isBefore(terms.atRiskAt()) ? AT_RISK : RUNNING;
    return new SlaClock(
            rmaNumber,
            serviceLevel,
            target,
            calendarId,
            startedAt,
            terms.dueAt(),
            terms.atRiskAt(),
            base,
            null,
            null,
            null,
            null)
        .tick(now);
  }

  /**
   * Ops asked to re-judge a finished clock against the calendar in effect ({@code terms} recomputed
   * from its {@code startedAt}): a stopped clock takes the new deadline and its verdict follows its
   * stop — MET when at or before the new deadline, else BREACHED with {@code lateBySeconds}. A
   * verdict that changes raises its alert ({@code sla.met.v1} correcting the breach, or {@code
   * sla.breached.v1}); the same verdict raises none. A clock stopped on hold stays MET; open and
   * cancelled clocks are left as they are.
   */
  public Transition rejudge(SlaTerms terms) {
    if (!isStopped() || (state == MET && pausedAt != null) || sameMoments(terms)) {
      return Transition.to(this);
    }
    SlaClock moved =
        new SlaClock(
            rmaNumber,
            serviceLevel,
            target,
            calendarId,
            startedAt,
            terms.dueAt(),
            terms.atRiskAt(),
            state,
            pausedAt,
            stoppedAt,
            breachedAt,
            lateBySeconds);
    if (!stoppedAt.isAfter(moved.dueAt)) {
      SlaClock met = moved.withState(MET, null, stoppedAt, null, null);
      return state == MET ? Transition.to(met) : Transition.to(met, met.metAlert(stoppedAt, true));
    }
    SlaClock breached =
        moved.withState(BREACHED, null, stoppedAt, moved.dueAt, moved.lateBy(stoppedAt));
    return state == BREACHED
        ? Transition.to(breached)
        : Transition.to(breached, breached.alert(SlaAlert.Kind.BREACHED, breached.dueAt));
  }

  private boolean sameMoments(SlaTerms terms) {
    return terms.dueAt().equals(dueAt) && terms.atRiskAt().equals(atRiskAt);
  }

  // ---------------------------------------------------------------- helpers

  private long lateBy(Instant at) {
    Duration late = Duration.between(dueAt, at);
    long seconds = late.getSeconds();
    return late.getNano() > 0 ? seconds + 1 : seconds;
  }

  private SlaClock withState(
      SlaState newState, Instant paused, Instant stopped, Instant breached, Long late) {
    return new SlaClock(
        rmaNumber,
        serviceLevel,
        target,
        calendarId,
        startedAt,
        dueAt,
        atRiskAt,
        newState,
        paused,
        stopped,
        breached,
        late);
  }

  private SlaAlert alert(SlaAlert.Kind kind, Instant occurredAt) {
    return new SlaAlert(
        kind,
        rmaNumber,
        serviceLevel,
        target,
        startedAt,
        dueAt,
        state,
        occurredAt,
        lateBySeconds,
        false);
  }

  private SlaAlert metAlert(Instant stoppedAt, boolean correctsBreach) {
    return new SlaAlert(
        SlaAlert.Kind.MET,
        rmaNumber,
        serviceLevel,
        target,
        startedAt,
        dueAt,
        state,
        stoppedAt,
        lateBySeconds,
        correctsBreach);
  }
}
