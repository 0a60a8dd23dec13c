package com.acme.rma.monitor.application;

import com.acme.rma.monitor.domain.SlaClock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The clocks a calendar change or ops' repair touches, read and written set-wise (port): a repair
 * goes through its clocks in batches, each batch one transaction.
 */
public interface ClockRepairStore {

  /**
   * Live clocks (RUNNING, AT_RISK) of a calendar started before {@code windowEnd} and due at or
   * after {@code windowStart} (their remaining window holds the changed day) not yet repaired for
   * change {@code changeNo}, locked for update; at most {@code limit}.
   */
  List<SlaClock> lockForRepair(
      String calendarId, Instant windowStart, Instant windowEnd, long changeNo, int limit);

  /**
   * Marks {@code examined} repaired for change {@code changeNo} and stores the {@code changed}
   * clocks (deadline, at-risk moment, state, next moment).
   */
  void saveRepaired(long changeNo, List<String> examined, List<SlaClock> changed, Instant now);

  /**
   * The same clocks as {@link #lockForRepair}, whatever change they were repaired for; unlocked.
   */
  List<SlaClock> liveInWindow(String calendarId, Instant windowStart, Instant windowEnd);

  /**
   * Stopped clocks (MET, BREACHED with a stop) started in {@code [from, to)} whose RMA number comes
   * after {@code afterRma}, by RMA number, locked for update; at most {@code limit}.
   */
  List<SlaClock> lockFinished(Instant from, Instant to, String afterRma, int limit);

  /** Stores re-judged clocks (deadline, at-risk moment, state, breach, lateness). */
  void saveRejudged(List<SlaClock> changed, Instant now);

  /** Keeps the record of a re-judging asked for by ops. */
  void record(Rejudged rejudged);

  /** The latest re-judgings, newest first. */
  List<Rejudged> rejudgings(int limit);

  /** A re-judging by ops: the range of starts, who, when, why, and what it changed. */
  record Rejudged(
      long id,
      LocalDate from,
      LocalDate to,
      String reason,
      String requestedBy,
      Instant requestedAt,
      int clocksChecked,
      int deadlinesMoved,
      int metToBreached,
      int breachedToMet) {}

  /** The partner of an RMA's clock (for the reports); nothing when there is no clock. */
  void notePartner(String rmaNumber, String partnerId);
}
