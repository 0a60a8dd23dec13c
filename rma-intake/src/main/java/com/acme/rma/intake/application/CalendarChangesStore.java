package com.acme.rma.intake.application;

import com.acme.rma.calendar.CalendarChanges;
import java.time.Instant;
import java.util.List;

/** The latest calendar changes announced by sla-monitor (port). */
public interface CalendarChangesStore {

  /** Keeps the changes when newer than those kept; answers whether they were. */
  boolean keep(CalendarChanges changes, Instant now);

  /** Every calendar's latest changes. */
  List<CalendarChanges> all();
}
