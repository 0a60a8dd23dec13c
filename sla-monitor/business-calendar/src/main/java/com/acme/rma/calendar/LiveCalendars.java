package com.acme.rma.calendar;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The calendars in effect: the shipped ones (and the operator's file) as the base, each with the
 * latest {@link CalendarChanges} ops made to it. Thread-safe; the newest version of a calendar's
 * changes wins, an older or repeated one changes nothing, so the same changes may be applied any
 * number of times in any order. Both services keep one and read every calendar through it
 * (sla-monitor from its own database, rma-intake from {@code sla.calendar-changed.v1}).
 */
public final class LiveCalendars {

  private final CalendarRegistry base;
  private final Map<String, CalendarChanges> changes = new ConcurrentHashMap<>();
  private volatile CalendarRegistry effective;

  public LiveCalendars(CalendarRegistry base) {
    this.base = Objects.requireNonNull(base, "base");
    this.effective = base;
  }

  /**
   * Takes a calendar's changes when they are newer than those held.
   *
   * @return whether they were taken (false: older or equal version, or a calendar not in the base)
   */
  public synchronized boolean apply(CalendarChanges next) {
    if (base.get(next.calendarId()).isEmpty()) {
      return false;
    }
    CalendarChanges held = changes.get(next.calendarId());
    if (held != null && held.version() >= next.version()) {
      return false;
    }
    changes.put(next.calendarId(), next);
    List<BusinessCalendar> calendars = new ArrayList<>();
    for (String id : base.ids()) {
      BusinessCalendar shipped = base.get(id).orElseThrow();
      CalendarChanges c = changes.get(id);
      calendars.add(c == null ? shipped : c.applyTo(shipped));
    }
    effective = CalendarRegistry.of(calendars);
    return true;
  }

  /** The calendars in effect now (an immutable snapshot). */
  public CalendarRegistry current() {
    return effective;
  }

  /** A calendar in effect now. */
  public Optional<BusinessCalendar> get(String id) {
    return effective.get(id);
  }

  /** A calendar as shipped, without the changes. */
  public Optional<BusinessCalendar> base(String id) {
    return base.get(id);
  }

  /** The changes held for a calendar (version 0 and none when there were none). */
  public CalendarChanges changesOf(String id) {
    return changes.getOrDefault(id, CalendarChanges.none(id));
  }
}
