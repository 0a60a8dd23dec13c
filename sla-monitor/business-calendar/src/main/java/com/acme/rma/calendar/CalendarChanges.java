package com.acme.rma.calendar;

import java.util.List;
import java.util.Objects;

/**
 * The changes ops made to one shipped calendar, as a whole: every closure currently declared, and
 * the version (the number of the latest change; a newer version replaces an older one). The
 * effective calendar is the shipped one with these closures ({@link #applyTo(BusinessCalendar)}),
 * the same in every service that reads them.
 */
public record CalendarChanges(String calendarId, long version, List<DatedClosure> closures) {

  public CalendarChanges {
    Objects.requireNonNull(calendarId, "calendarId");
    Objects.requireNonNull(closures, "closures");
    if (version < 0) {
      throw new IllegalArgumentException("version must not be negative, was " + version);
    }
    closures = List.copyOf(closures);
  }

  /** No change to a calendar (version 0). */
  public static CalendarChanges none(String calendarId) {
    return new CalendarChanges(calendarId, 0, List.of());
  }

  /** The shipped calendar with these closures: the one overlay both services use. */
  public BusinessCalendar applyTo(BusinessCalendar base) {
    if (!base.id().equals(calendarId)) {
      throw new IllegalArgumentException(
          "changes of calendar " + calendarId + " applied to " + base.id());
    }
    return base.withDatedClosures(closures);
  }
}
