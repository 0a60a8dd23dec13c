package com.acme.rma.monitor.application;

import com.acme.rma.calendar.BusinessCalendar;
import com.acme.rma.calendar.CalendarRegistry;
import com.acme.rma.calendar.ClosedDay;
import com.acme.rma.calendar.LiveCalendars;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The business calendars this service knows (shipped + the operator's file, loaded by the
 * business-calendar library's {@code SlaSettings}) and the two calendar questions the REST API
 * answers.
 */
@ApplicationScoped
public class Calendars {

  /** The years whose closed days a calendar can answer (the Japanese holiday rules' range). */
  public static final int FIRST_YEAR = 2000;

  public static final int LAST_YEAR = 2099;

  private final LiveCalendars live;

  public Calendars(LiveCalendars live) {
    this.live = live;
  }

  /** A calendar by id; {@code jp} finds {@code JP} when no calendar is named exactly so. */
  public Optional<BusinessCalendar> find(String id) {
    CalendarRegistry registry = live.current();
    return registry
        .get(id)
        .or(
            () ->
                registry.ids().stream()
                    .filter(known -> known.equalsIgnoreCase(id))
                    .findFirst()
                    .flatMap(registry::get));
  }

  /** The holidays and closures of a year (2000–2099). */
  public List<ClosedDay> closedDays(BusinessCalendar calendar, int year) {
    if (year < FIRST_YEAR || year > LAST_YEAR) {
      throw new IllegalArgumentException(
          "year must be between " + FIRST_YEAR + " and " + LAST_YEAR);
    }
    return calendar.closedDays(year);
  }

  /**
   * rules.md §3: closing time on the n-th business day after the calendar's local date of {@code
   * from}.
   *
   * @throws IllegalArgumentException when the count is below 1 or the search leaves 2000–2099
   */
  public Instant deadline(BusinessCalendar calendar, Instant from, int businessDays) {
    return calendar.businessDayDeadline(from, businessDays);
  }
}
