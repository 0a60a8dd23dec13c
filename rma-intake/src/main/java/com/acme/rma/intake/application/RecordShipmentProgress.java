package com.acme.rma.intake.application;

import com.acme.rma.intake.domain.Rma;
import com.acme.rma.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Dispatch reports shipments: shipped → SHIPPED; delivered → DELIVERED and CLOSED at once, with
 * {@code rma.closed.v1}. Runs in the consumer's transaction (with its processed-event record).
 */
@ApplicationScoped
public class RecordShipmentProgress {

  public enum Result {
    APPLIED,
    /** Nothing to change: a repeated or late event, or an RMA already closed or cancelled. */
    UNCHANGED,
    UNKNOWN_RMA
  }

  private final RmaStore rmas;
  private final Outbox outbox;
  private final Clock clock;

  public RecordShipmentProgress(RmaStore rmas, Outbox outbox, Clock clock) {
    this.rmas = rmas;
    this.outbox = outbox;
    this.clock = clock;
  }

  @Transactional(Transactional.TxType.MANDATORY)
  public Result shipped(String rmaNumber, Instant at) {
    Optional<Rma> rma = rmas.findForUpdate(rmaNumber);
    if (rma.isEmpty()) {
      return Result.UNKNOWN_RMA;
    }
    Optional<Rma> shipped = rma.get().ship(micros(at));
    if (shipped.isEmpty()) {
      return Result.UNCHANGED;
    }
    rmas.update(shipped.get());
    return Result.APPLIED;
  }

  @Transactional(Transactional.TxType.MANDATORY)
  public Result delivered(String rmaNumber, Instant at) {
    Optional<Rma> rma = rmas.findForUpdate(rmaNumber);
    if (rma.isEmpty()) {
      return Result.UNKNOWN_RMA;
    }
    Instant now = micros(Instant.now(clock));
    Optional<Rma> closed = rma.get().deliverAndClose(micros(at), now);
    if (closed.isEmpty()) {
      return Result.UNCHANGED;
    }
    rmas.update(closed.get());
    outbox.add(
        Events.LIFECYCLE_TOPIC,
        rmaNumber,
        Events.RMA_CLOSED,
        new Events.RmaEnded(rmaNumber, closed.get().serialNumber(), now));
    return Result.APPLIED;
  }

  private static Instant micros(Instant at) {
    return at.truncatedTo(ChronoUnit.MICROS);
  }
}
