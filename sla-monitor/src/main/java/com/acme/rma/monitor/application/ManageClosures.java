package com.acme.rma.monitor.application;

import com.acme.rma.calendar.BusinessCalendar;
import com.acme.rma.calendar.CalendarChanges;
import com.acme.rma.calendar.DatedClosure;
import com.acme.rma.calendar.LiveCalendars;
import com.acme.rma.contract.EventTypes;
import com.acme.rma.contract.Topics;
import com.acme.rma.monitor.application.CalendarChangeStore.Action;
import com.acme.rma.platform.outbox.Outbox;
import com.acme.rma.platform.outbox.OutgoingEvent;
import com.acme.rma.platform.problem.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Ops close and reopen days of a calendar. Each change is numbered and kept (who, when, why) in the
 * monitor's database; the calendar's closures go out as {@code sla.calendar-changed.v1} on the
 * compacted {@code sla.calendars} through the outbox in the change's transaction (rma-intake lays
 * them over its calendars the same way); then the clocks it touches are repaired ({@link
 * RepairClocks}, through {@link CalendarRepairWorker}). The calendars in effect ({@link
 * LiveCalendars}) follow the database on every replica ({@link #refresh()}).
 */
@ApplicationScoped
public class ManageClosures {

  public static final int SAMPLE_SIZE = 10;

  /** The longest range one change closes or reopens (a month: a typhoon week, the year's end). */
  public static final int MAX_RANGE_DAYS = 31;

  /**
   * The answer to a change: the change (empty when nothing changed) or, on a dry run, a preview.
   */
  public record Outcome(
      String calendar,
      LocalDate date,
      LocalDate lastDate,
      boolean closed,
      String reason,
      Long changeNumber,
      RepairClocks.Preview dryRun) {}

  /** What a calendar change event carries (schema {@code sla.calendar-changed.v1}). */
  public record CalendarChangedPayload(
      String calendar,
      long version,
      List<ClosurePayload> closures,
      String changedBy,
      Instant occurredAt) {}

  public record ClosurePayload(LocalDate from, LocalDate to, String reason) {}

  private final Calendars calendars;
  private final LiveCalendars live;
  private final CalendarChangeStore store;
  private final RepairClocks repair;
  private final CalendarRepairWorker worker;
  private final Outbox outbox;
  private final Clock clock;

  public ManageClosures(
      Calendars calendars,
      LiveCalendars live,
      CalendarChangeStore store,
      RepairClocks repair,
      CalendarRepairWorker worker,
      Outbox outbox,
      Clock clock) {
    this.calendars = calendars;
    this.live = live;
    this.store = store;
    this.repair = repair;
    this.worker = worker;
    this.outbox = outbox;
    this.clock = clock;
  }

  /** The calendar in effect; 404 {@code CALENDAR_NOT_FOUND}. */
  public BusinessCalendar calendar(String id) {
    return calendars
        .find(id)
        .orElseThrow(
            () ->
                ProblemException.notFound(
                    "CALENDAR_NOT_FOUND", "No business calendar " + id + "."));
  }

  /** The closures declared by ops on a calendar. */
  public List<DatedClosure> closures(String id) {
    return store.closures(calendar(id).id());
  }

  public CalendarChangeStore.Slice changes(String id, int offset, int limit) {
    return store.changes(calendar(id).id(), offset, limit);
  }

  /**
   * Closes the days {@code from}..{@code to} (one day: {@code from = to}) in one change (at most
   * {@link #MAX_RANGE_DAYS}; days already closed take the new reason); a dry run changes nothing.
   */
  public Outcome close(
      String id, LocalDate from, LocalDate to, String reason, String by, boolean dryRun) {
    return change(id, from, to, Action.CLOSE, reason, by, dryRun);
  }

  /**
   * Reopens the days ops closed within {@code from}..{@code to} in one change; 404 {@code
   * CLOSURE_NOT_FOUND} when ops closed none of them.
   */
  public Outcome reopen(
      String id, LocalDate from, LocalDate to, String reason, String by, boolean dryRun) {
    return change(id, from, to, Action.REOPEN, reason, by, dryRun);
  }

  private Outcome change(
      String id,
      LocalDate from,
      LocalDate to,
      Action action,
      String reason,
      String by,
      boolean dryRun) {
    String calendarId = calendar(id).id();
    if (to.isBefore(from) || ChronoUnit.DAYS.between(from, to) >= MAX_RANGE_DAYS) {
      throw ProblemException.invalid(
          "to", "must be on or after from, at most " + MAX_RANGE_DAYS + " days in all");
    }
    BusinessCalendar base = live.base(calendarId).orElseThrow();
    LocalDate today = LocalDate.ofInstant(Instant.now(clock), base.zone());
    if (from.isBefore(today)) {
      throw ProblemException.unprocessable(
          "CLOSURE_IN_THE_PAST",
          from
              + " is before today ("
              + today
              + " in "
              + base.zone()
              + "): the past is not changed;"
              + " re-judge finished clocks with POST /api/v1/slas/repair");
    }
    List<LocalDate> days = from.datesUntil(to.plusDays(1)).toList();
    List<DatedClosure> current = store.closures(calendarId);
    List<LocalDate> affected =
        days.stream()
            .filter(
                d ->
                    action == Action.CLOSE
                        ? current.stream().noneMatch(c -> c.covers(d) && c.reason().equals(reason))
                        : current.stream().anyMatch(c -> c.covers(d)))
            .toList();
    if (action == Action.REOPEN && affected.isEmpty()) {
      throw ProblemException.notFound(
          "CLOSURE_NOT_FOUND",
          calendarId
              + " has no closure "
              + (from.equals(to) ? "on " + from : "from " + from + " to " + to)
              + " declared by ops.");
    }
    if (dryRun) {
      BusinessCalendar candidate =
          new CalendarChanges(calendarId, 0, after(current, days, action, reason)).applyTo(base);
      return new Outcome(
          calendarId,
          from,
          to,
          action == Action.CLOSE,
          reason,
          null,
          repair.preview(candidate, from, to, SAMPLE_SIZE));
    }
    if (affected.isEmpty()) {
      return new Outcome(calendarId, from, to, true, reason, null, null); // already so
    }
    Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    CalendarChanges changes =
        QuarkusTransaction.requiringNew()
            .call(
                () -> {
                  store.lockCalendar(calendarId);
                  long no = store.record(calendarId, action, from, to, reason, by, now);
                  for (LocalDate day : affected) {
                    if (action == Action.CLOSE) {
                      store.close(calendarId, day, reason, no);
                    } else {
                      store.reopen(calendarId, day);
                    }
                  }
                  CalendarChanges all =
                      new CalendarChanges(calendarId, no, store.closures(calendarId));
                  outbox.add(
                      new OutgoingEvent(
                          Topics.SLA_CALENDARS,
                          calendarId,
                          EventTypes.SLA_CALENDAR_CHANGED,
                          payload(all, by, now)));
                  return all;
                });
    live.apply(changes);
    worker.kick();
    return new Outcome(
        calendarId, from, to, action == Action.CLOSE, reason, changes.version(), null);
  }

  /**
   * Brings the calendars in effect up to the database (another replica may have changed one); cheap
   * when nothing changed.
   */
  public void refresh() {
    for (Map.Entry<String, Long> v : store.versions().entrySet()) {
      if (live.changesOf(v.getKey()).version() < v.getValue()) {
        live.apply(new CalendarChanges(v.getKey(), v.getValue(), store.closures(v.getKey())));
      }
    }
  }

  static CalendarChangedPayload payload(CalendarChanges changes, String by, Instant at) {
    return new CalendarChangedPayload(
        changes.calendarId(),
        changes.version(),
        changes.closures().stream()
            .map(c -> new ClosurePayload(c.from(), c.to(), c.reason()))
            .toList(),
        by,
        at);
  }

  private static List<DatedClosure> after(
      List<DatedClosure> current, List<LocalDate> days, Action action, String reason) {
    List<DatedClosure> next =
        new ArrayList<>(current.stream().filter(c -> days.stream().noneMatch(c::covers)).toList());
    if (action == Action.CLOSE) {
      days.forEach(d -> next.add(DatedClosure.day(d, reason)));
    }
    return next;
  }
}
