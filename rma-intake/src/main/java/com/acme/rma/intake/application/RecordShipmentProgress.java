package com.acme.rma.intake.application;

import com.acme.rma.contract.EventTypes;
import com.acme.rma.contract.Topics;
import com.acme.rma.intake.domain.Rma;
import com.acme.rma.platform.outbox.Outbox;
import com.acme.rma.platform.outbox.OutgoingEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Dispatch reports shipments: shipped → SHIPPED; delivered → DELIVERED and CLOSED at once, with
 * {@code rma.closed.v1}. Dispatch decides whether the parcel left: for an RMA cancelled here after
 * its authorization, either event means the cancel came too late (dispatch refused it), so the RMA
 * is reinstated and {@code rma.reinstated.v1} goes out first (monitor and registry undo the
 * cancel). Runs in the consumer's transaction (with its processed-event record).
 */
@ApplicationScoped
public class RecordShipmentProgress {

  private static final Logger LOG = Logger.getLogger(RecordShipmentProgress.class);

  public enum Result {
    APPLIED,
    /**
     * Nothing to change: a repeated or late event, an RMA already closed, or one cancelled for good
     * (cancelled while queued, or another RMA opened for the appliance since).
     */
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
    if (shipped.isEmpty() || blocksReinstatement(rma.get())) {
      return Result.UNCHANGED;
    }
    rmas.update(shipped.get());
    announceIfReinstated(rma.get(), shipped.get(), micros(Instant.now(clock)));
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
    if (closed.isEmpty() || blocksReinstatement(rma.get())) {
      return Result.UNCHANGED;
    }
    rmas.update(closed.get());
    announceIfReinstated(rma.get(), closed.get(), now);
    outbox.add(
        new OutgoingEvent(
            Topics.LIFECYCLE,
            rmaNumber,
            EventTypes.RMA_CLOSED,
            new Events.RmaEnded(rmaNumber, closed.get().serialNumber(), now)));
    return Result.APPLIED;
  }

  /**
   * A cancelled RMA cannot come back while the partner has opened another RMA for the appliance
   * since (one open RMA per appliance): it stays CANCELLED, and the warning says so.
   */
  private boolean blocksReinstatement(Rma before) {
    if (!before.isReinstatable()) {
      return false;
    }
    Optional<Rma> other =
        rmas.findOpen(before.serialNumber())
            .filter(open -> !open.rmaNumber().equals(before.rmaNumber()));
    other.ifPresent(
        open ->
            LOG.warnf(
                "%s shipped before its cancel reached dispatch, but %s is open for %s since:"
                    + " %s stays CANCELLED",
                before.rmaNumber(), open.rmaNumber(), before.serialNumber(), before.rmaNumber()));
    return other.isPresent();
  }

  private void announceIfReinstated(Rma before, Rma after, Instant now) {
    if (!before.isReinstatable()) {
      return;
    }
    LOG.infof(
        "%s was cancelled after its replacement left: reinstated as %s",
        after.rmaNumber(), after.status());
    outbox.add(
        new OutgoingEvent(
            Topics.LIFECYCLE,
            after.rmaNumber(),
            EventTypes.RMA_REINSTATED,
            Events.RmaReinstated.of(after, now)));
  }

  private static Instant micros(Instant at) {
    return at.truncatedTo(ChronoUnit.MICROS);
  }
}
