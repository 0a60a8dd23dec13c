package com.acme.rma.intake.application;

import com.acme.rma.intake.domain.Rma;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * sla-monitor announces that an RMA's deadline changed ({@code sla.deadline-changed.v1}: an export
 * hold paused the clock, its clearance restarted it, a reinstatement or a calendar repair moved
 * it): the RMA's {@code sla} takes the monitor's deadline, so that {@code GET /api/v1/rmas/{n}}
 * shows what the monitor holds. An announcement older than the one applied last changes nothing.
 * Runs in the consumer's transaction (with its processed-event record).
 */
@ApplicationScoped
public class RecordDeadlineChange {

  public enum Result {
    APPLIED,
    /** Older than the announcement applied last, or the same deadline: nothing to change. */
    UNCHANGED,
    UNKNOWN_RMA
  }

  private final RmaStore rmas;

  public RecordDeadlineChange(RmaStore rmas) {
    this.rmas = rmas;
  }

  /**
   * @param dueAt the monitor's deadline; null while its clock is paused
   * @param occurredAt when the monitor changed it
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public Result changed(String rmaNumber, Instant dueAt, Instant occurredAt) {
    Optional<Rma> rma = rmas.findForUpdate(rmaNumber);
    if (rma.isEmpty()) {
      return Result.UNKNOWN_RMA;
    }
    Optional<Rma> changed = rma.get().deadlineChanged(micros(dueAt), micros(occurredAt));
    if (changed.isEmpty()) {
      return Result.UNCHANGED;
    }
    rmas.update(changed.get());
    return Result.APPLIED;
  }

  private static Instant micros(Instant at) {
    return at == null ? null : at.truncatedTo(ChronoUnit.MICROS);
  }
}
