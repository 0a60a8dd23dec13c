package com.acme.rma.intake.application;

import com.acme.rma.contract.EventTypes;
import com.acme.rma.contract.Topics;
import com.acme.rma.intake.domain.Rma;
import com.acme.rma.intake.domain.RmaStatus;
import com.acme.rma.platform.outbox.Outbox;
import com.acme.rma.platform.outbox.OutgoingEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.function.Predicate;

/** The owning partner or ops cancel an RMA before it ships; {@code rma.cancelled.v1} follows. */
@ApplicationScoped
public class CancelRma {

  public sealed interface Outcome {
    record Cancelled(Rma rma) implements Outcome {}

    /** Unknown, or not the caller's. */
    record NotFound() implements Outcome {}

    record NotCancellable(RmaStatus status) implements Outcome {}
  }

  private final RmaStore rmas;
  private final Outbox outbox;
  private final Clock clock;

  public CancelRma(RmaStore rmas, Outbox outbox, Clock clock) {
    this.rmas = rmas;
    this.outbox = outbox;
    this.clock = clock;
  }

  /**
   * @param mayActFor whether the caller may act for the RMA's partner
   */
  @Transactional
  public Outcome cancel(String rmaNumber, Predicate<String> mayActFor) {
    Optional<Rma> rma = rmas.findForUpdate(rmaNumber).filter(r -> mayActFor.test(r.partnerId()));
    if (rma.isEmpty()) {
      return new Outcome.NotFound();
    }
    Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    Optional<Rma> cancelled = rma.get().cancel(now);
    if (cancelled.isEmpty()) {
      return new Outcome.NotCancellable(rma.get().status());
    }
    rmas.update(cancelled.get());
    outbox.add(
        new OutgoingEvent(
            Topics.LIFECYCLE,
            rmaNumber,
            EventTypes.RMA_CANCELLED,
            new Events.RmaEnded(rmaNumber, cancelled.get().serialNumber(), now)));
    return new Outcome.Cancelled(cancelled.get());
  }
}
