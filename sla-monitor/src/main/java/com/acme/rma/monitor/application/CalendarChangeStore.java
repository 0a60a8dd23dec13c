package com.acme.rma.monitor.application;

import com.acme.rma.calendar.DatedClosure;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Where ops' calendar changes live (port). Every method runs in the caller's transaction. */
public interface CalendarChangeStore {

  /** Serializes changes of one calendar until the transaction ends. */
  void lockCalendar(String calendarId);

  /** The closures declared on a calendar, by date. */
  List<DatedClosure> closures(String calendarId);

  /**
   * Records a change of the days {@code day}..{@code lastDay} and answers its number (also the
   * calendar's new version).
   */
  long record(
      String calendarId,
      Action action,
      LocalDate day,
      LocalDate lastDay,
      String reason,
      String by,
      Instant at);

  void close(String calendarId, LocalDate day, String reason, long changeNo);

  void reopen(String calendarId, LocalDate day);

  /** A calendar's changes, newest first. */
  Slice changes(String calendarId, int offset, int limit);

  /** The changes whose clocks are not yet all repaired, oldest first. */
  List<Change> unrepaired();

  void repaired(long changeNo, int clocksMoved, Instant at);

  /** Each changed calendar's version (the number of its latest change). */
  Map<String, Long> versions();

  enum Action {
    CLOSE,
    REOPEN
  }

  record Change(
      long number,
      String calendarId,
      Action action,
      LocalDate day,
      LocalDate lastDay,
      String reason,
      String changedBy,
      Instant changedAt,
      Integer clocksMoved,
      Instant repairedAt) {}

  record Slice(List<Change> items, long total) {}
}
