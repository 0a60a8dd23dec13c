package com.acme.rma.intake.application;

import com.acme.rma.contract.EventTypes;
import com.acme.rma.contract.Topics;
import com.acme.rma.intake.config.IntakeConfig;
import com.acme.rma.intake.domain.Reservation;
import com.acme.rma.platform.outbox.Outbox;
import com.acme.rma.platform.outbox.OutgoingEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Heals the locks of Gold Plus requests that never became an RMA. A request reserves its RMA number
 * (committed) before the registry locks the site for it; when the request then fails (registry too
 * slow, database down, crash) the registry may hold a lock for a number intake never stored.
 *
 * <p>Every {@code rma.intake.lock-reconcile.every}, reservations still pending {@code
 * rma.intake.lock-reconcile.after} after they were made are given up, at most {@code max-per-run}
 * per run, each in its own transaction: claimed with {@code FOR UPDATE SKIP LOCKED} (replicas never
 * work the same one; a request storing its RMA holds the row, so the two take turns), marked
 * ABANDONED, and announced with {@code rma.reservation.abandoned.v1} on {@code rma.lifecycle}
 * through the outbox. The registry releases the lock that number holds when it consumes the event;
 * the outbox and the registry's consumer keep trying while the broker or the registry is down, so
 * nothing has to be retried here. A reservation whose RMA was stored is never given up (its status
 * says COMMITTED, and the RMA itself is checked again).
 */
@ApplicationScoped
public class ReconcileLockReservations {

  private static final Logger LOG = Logger.getLogger(ReconcileLockReservations.class);

  private final ReservationStore reservations;
  private final RmaStore rmas;
  private final Outbox outbox;
  private final Clock clock;
  private final Duration grace;
  private final int maxPerRun;
  private final Counter abandoned;

  public ReconcileLockReservations(
      ReservationStore reservations,
      RmaStore rmas,
      Outbox outbox,
      Clock clock,
      MeterRegistry metrics,
      IntakeConfig config) {
    this.reservations = reservations;
    this.rmas = rmas;
    this.outbox = outbox;
    this.clock = clock;
    this.grace = config.lockReconcile().after();
    this.maxPerRun = config.lockReconcile().maxPerRun();
    this.abandoned = metrics.counter("rma.intake.reservations.abandoned");
    IntakeConfig.Registry registry = config.registry();
    Duration longestLock =
        registry
            .connectTimeout()
            .plus(registry.readTimeout())
            .multipliedBy(registry.retries() + 1L);
    if (grace.compareTo(longestLock) <= 0) {
      throw new IllegalStateException(
          "rma.intake.lock-reconcile.after ("
              + grace
              + ") must exceed the longest registry lock call ("
              + longestLock
              + " = (connect-timeout + read-timeout) x (retries + 1))");
    }
  }

  @Scheduled(
      identity = "reconcile-lock-reservations",
      every = "${rma.intake.lock-reconcile.every:30s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void onSchedule() {
    try {
      reconcile();
    } catch (RuntimeException e) {
      LOG.warnf("reconciling lock reservations failed; retried on the next run: %s", e.toString());
    }
  }

  /** Gives up every reservation overdue now (at most {@code max-per-run}); returns how many. */
  public int reconcile() {
    Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    Instant cutoff = now.minus(grace);
    int count = 0;
    Optional<Boolean> next;
    while (count < maxPerRun
        && (next = QuarkusTransaction.requiringNew().call(() -> settleNext(cutoff, now)))
            .isPresent()) {
      if (next.get()) {
        count++;
      }
    }
    return count;
  }

  /** Empty when nothing is overdue; else whether the claimed one was given up. */
  private Optional<Boolean> settleNext(Instant cutoff, Instant now) {
    Optional<Reservation> claimed = reservations.claimPendingSince(cutoff);
    if (claimed.isEmpty()) {
      return Optional.empty();
    }
    Reservation reservation = claimed.get();
    if (!reservation.isOverdue(now, grace)) {
      return Optional.empty(); // the claim's cutoff says it is; the domain rule has the last word
    }
    if (rmas.find(reservation.rmaNumber()).isPresent()) {
      // cannot happen while the RMA and its reservation's status commit together; never release
      reservations.update(reservation.commit(now));
      return Optional.of(false);
    }
    reservations.update(reservation.abandon(now));
    outbox.add(
        new OutgoingEvent(
            Topics.LIFECYCLE,
            reservation.rmaNumber(),
            EventTypes.RMA_RESERVATION_ABANDONED,
            new Events.ReservationAbandoned(
                reservation.rmaNumber(),
                reservation.serialNumber(),
                reservation.reservedAt(),
                now)));
    abandoned.increment();
    LOG.infof(
        "gave up %s reserved for %s at %s: its registry lock, if any, is released",
        reservation.rmaNumber(), reservation.serialNumber(), reservation.reservedAt());
    return Optional.of(true);
  }
}
