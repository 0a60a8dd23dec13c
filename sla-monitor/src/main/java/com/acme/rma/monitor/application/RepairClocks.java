package com.acme.rma.monitor.application;

import com.acme.rma.calendar.BusinessCalendar;
import com.acme.rma.calendar.sla.SlaPolicy;
import com.acme.rma.calendar.sla.SlaTerms;
import com.acme.rma.monitor.domain.DeadlineChange;
import com.acme.rma.monitor.domain.SlaClock;
import com.acme.rma.monitor.domain.Transition;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * SLA repair after a calendar change: every live clock (RUNNING, AT_RISK) of the calendar whose
 * remaining window holds a changed day is recomputed from its start on the calendar in effect, in
 * batches (one transaction each: the clocks, their alerts and their {@code sla.deadline-changed.v1}
 * with reason {@code CALENDAR_CHANGED}). Each clock records the change's number, so a change
 * repairs it once, also when the repair is resumed after a crash.
 */
@ApplicationScoped
public class RepairClocks {

  private static final Logger LOG = Logger.getLogger(RepairClocks.class);

  /** A clock whose deadline a change would move: before and after. */
  public record Move(String rmaNumber, Instant dueAt, Instant newDueAt) {}

  /** What a change would do: how many clocks move, and the first few of them. */
  public record Preview(int clocksToMove, List<Move> sample) {}

  private final ClockRepairStore clocks;
  private final SlaPolicy policy;
  private final AlertOutbox alerts;
  private final DeadlineAnnouncements deadlines;
  private final Clock clock;
  private final int batchSize;

  public RepairClocks(
      ClockRepairStore clocks,
      SlaPolicy policy,
      AlertOutbox alerts,
      DeadlineAnnouncements deadlines,
      Clock clock,
      @ConfigProperty(name = "rma.monitor.repair.batch-size", defaultValue = "2000")
          int batchSize) {
    this.clocks = clocks;
    this.policy = policy;
    this.alerts = alerts;
    this.deadlines = deadlines;
    this.clock = clock;
    this.batchSize = batchSize;
  }

  /**
   * The clocks a change of the days {@code day}..{@code lastDay} to {@code candidate} (the calendar
   * as it would be) would move; nothing is changed.
   */
  public Preview preview(
      BusinessCalendar candidate, LocalDate day, LocalDate lastDay, int sampleSize) {
    SlaPolicy after = policy.with(candidate);
    int count = 0;
    List<Move> sample = new ArrayList<>();
    for (SlaClock c :
        clocks.liveInWindow(candidate.id(), start(candidate, day), end(candidate, lastDay))) {
      Optional<SlaTerms> terms = termsOf(after, c);
      if (terms.isPresent() && !terms.get().dueAt().equals(c.dueAt())) {
        count++;
        if (sample.size() < sampleSize) {
          sample.add(new Move(c.rmaNumber(), c.dueAt(), terms.get().dueAt()));
        }
      }
    }
    return new Preview(count, sample);
  }

  /**
   * Repairs the clocks change {@code changeNo} of the days {@code day}..{@code lastDay} touches, on
   * the calendar in effect (which must hold that change already); answers how many deadlines moved.
   */
  public int repair(String calendarId, long changeNo, LocalDate day, LocalDate lastDay) {
    BusinessCalendar calendar = policyCalendar(calendarId);
    if (calendar == null) {
      return 0; // no clock runs on a calendar the terms do not use
    }
    Instant from = start(calendar, day);
    Instant to = end(calendar, lastDay);
    int moved = 0;
    long started = System.nanoTime();
    while (true) {
      int[] batch =
          QuarkusTransaction.requiringNew().call(() -> repairBatch(calendarId, changeNo, from, to));
      moved += batch[1];
      if (batch[0] < batchSize) {
        break;
      }
    }
    LOG.infof(
        "calendar %s change %d: %d deadlines moved in %d ms",
        calendarId, changeNo, moved, (System.nanoTime() - started) / 1_000_000);
    return moved;
  }

  private int[] repairBatch(String calendarId, long changeNo, Instant from, Instant to) {
    Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    List<SlaClock> batch = clocks.lockForRepair(calendarId, from, to, changeNo, batchSize);
    List<SlaClock> changed = new ArrayList<>();
    List<String> examined = new ArrayList<>(batch.size());
    List<DeadlineChange> moves = new ArrayList<>();
    for (SlaClock before : batch) {
      examined.add(before.rmaNumber());
      Optional<SlaTerms> terms = termsOf(policy, before);
      if (terms.isEmpty()) {
        continue;
      }
      Transition t = before.repair(terms.get(), now);
      if (t.clock().equals(before)) {
        continue;
      }
      changed.add(t.clock());
      alerts.publish(t.alerts());
      Optional<DeadlineChange> change =
          DeadlineChange.between(before, t.clock(), DeadlineChange.Reason.CALENDAR_CHANGED, now);
      change.ifPresent(moves::add);
    }
    clocks.saveRepaired(changeNo, examined, changed, now);
    deadlines.announceAll(moves);
    return new int[] {batch.size(), moves.size()};
  }

  private BusinessCalendar policyCalendar(String calendarId) {
    if (policy.businessDays().id().equals(calendarId)) {
      return policy.businessDays();
    }
    if (policy.wallClock().id().equals(calendarId)) {
      return policy.wallClock();
    }
    return null;
  }

  /** The clock's terms on these calendars; empty when they put it on another calendar. */
  private static Optional<SlaTerms> termsOf(SlaPolicy terms, SlaClock c) {
    SlaTerms t = terms.termsFor(c.serviceLevel(), c.startedAt());
    return t.calendarId().equals(c.calendarId()) ? Optional.of(t) : Optional.empty();
  }

  private static Instant start(BusinessCalendar calendar, LocalDate day) {
    return day.atStartOfDay(calendar.zone()).toInstant();
  }

  private static Instant end(BusinessCalendar calendar, LocalDate day) {
    return day.plusDays(1).atStartOfDay(calendar.zone()).toInstant();
  }
}
