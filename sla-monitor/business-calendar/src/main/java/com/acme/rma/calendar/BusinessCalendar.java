package com.acme.rma.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A business calendar as data: a time zone, daily opening hours, weekly closed days, a holiday
 * source and annual closures. Every operation is pure; time is always a parameter.
 *
 * <p>A <em>business day</em> is a date whose weekday is not closed, that is not a holiday and not
 * inside a closure. Times are evaluated in {@link #zone()} through {@link ZonedDateTime}, so
 * daylight-saving changes are handled as wall clocks see them.
 */
public record BusinessCalendar(
    String id,
    ZoneId zone,
    OpeningHours hours,
    Set<DayOfWeek> weeklyClosedDays,
    HolidaySource holidays,
    List<AnnualClosure> closures,
    List<DatedClosure> datedClosures) {

  static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]+");

  // a calendar open on at least one weekday finds a business day well within this horizon;
  // the bound only turns a pathological definition into an error instead of an endless loop
  private static final int SEARCH_LIMIT_DAYS = 3 * 366;

  public BusinessCalendar {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(hours, "hours");
    Objects.requireNonNull(weeklyClosedDays, "weeklyClosedDays");
    Objects.requireNonNull(holidays, "holidays");
    Objects.requireNonNull(closures, "closures");
    Objects.requireNonNull(datedClosures, "datedClosures");
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException(
          "calendar id '" + id + "' must be letters, digits, '-' or '_'");
    }
    weeklyClosedDays = Set.copyOf(weeklyClosedDays);
    if (weeklyClosedDays.size() == DayOfWeek.values().length) {
      throw new IllegalArgumentException("closes every day of the week, never open");
    }
    closures = List.copyOf(closures);
    datedClosures = List.copyOf(datedClosures);
  }

  /** A calendar without one-off closures (as shipped or defined in a file). */
  public BusinessCalendar(
      String id,
      ZoneId zone,
      OpeningHours hours,
      Set<DayOfWeek> weeklyClosedDays,
      HolidaySource holidays,
      List<AnnualClosure> closures) {
    this(id, zone, hours, weeklyClosedDays, holidays, closures, List.of());
  }

  /** This calendar with these one-off closures instead of its own ({@link CalendarChanges}). */
  public BusinessCalendar withDatedClosures(List<DatedClosure> dated) {
    return new BusinessCalendar(id, zone, hours, weeklyClosedDays, holidays, closures, dated);
  }

  // ---------------------------------------------------------------- days

  /**
   * Whether a date is a business day.
   *
   * @throws IllegalArgumentException when the holiday source cannot answer for that year
   *     (jp-national: outside 2000–2099)
   */
  public boolean isBusinessDay(LocalDate date) {
    return !weeklyClosedDays.contains(date.getDayOfWeek())
        && holidays.holidayOn(date).isEmpty()
        && closureOn(date).isEmpty()
        && datedClosureOn(date).isEmpty();
  }

  /**
   * The holidays and closure days of a year, sorted by date. A holiday inside a closure is listed
   * once, as a {@link ClosedDay.Kind#HOLIDAY} with the holiday's name. Weekly closed days are not
   * listed: they are a property of the calendar, not dates.
   */
  public List<ClosedDay> closedDays(int year) {
    Map<LocalDate, ClosedDay> byDate = new TreeMap<>();
    for (LocalDate d = LocalDate.of(year, 1, 1); d.getYear() == year; d = d.plusDays(1)) {
      LocalDate date = d;
      closureOn(date)
          .ifPresent(c -> byDate.put(date, new ClosedDay(date, c.name(), ClosedDay.Kind.CLOSURE)));
      datedClosureOn(date)
          .ifPresent(
              c -> byDate.put(date, new ClosedDay(date, c.reason(), ClosedDay.Kind.CLOSURE)));
    }
    for (Holiday h : holidays.holidaysIn(year)) {
      byDate.put(h.date(), new ClosedDay(h.date(), h.name(), ClosedDay.Kind.HOLIDAY));
    }
    return List.copyOf(byDate.values());
  }

  // ---------------------------------------------------------------- hours

  /** Whether the calendar is open at an instant: a business day, inside opening hours. */
  public boolean isOpen(Instant instant) {
    LocalDate date = localDate(instant);
    return isBusinessDay(date) && openWindow(date).contains(instant);
  }

  /** The instant itself when open; otherwise the next opening time of a business day. */
  public Instant nextOpening(Instant instant) {
    LocalDate date = localDate(instant);
    if (isBusinessDay(date)) {
      Window today = openWindow(date);
      if (today.contains(instant)) {
        return instant;
      }
      if (instant.isBefore(today.start())) {
        return today.start();
      }
    }
    return openWindow(nextBusinessDayAfter(date)).start();
  }

  // ---------------------------------------------------------------- deadlines

  /**
   * rules.md §3: the closing time on the {@code businessDays}-th business day after the local date
   * of issue. The day of issue never counts, whether or not it is a business day and whatever the
   * time of issue.
   *
   * <p>On an all-day calendar (closing at 24:00) this is the end of the N-th day after issue, i.e.
   * midnight at the start of the day after it.
   *
   * @throws IllegalArgumentException if {@code businessDays < 1}
   */
  public Instant businessDayDeadline(Instant issuedAt, int businessDays) {
    if (businessDays < 1) {
      throw new IllegalArgumentException("businessDays must be at least 1, was " + businessDays);
    }
    LocalDate day = localDate(issuedAt);
    for (int i = 0; i < businessDays; i++) {
      day = nextBusinessDayAfter(day);
    }
    return openWindow(day).end();
  }

  // ---------------------------------------------------------------- business time

  /**
   * The time between two instants that lies inside opening hours on business days.
   *
   * @throws IllegalArgumentException if {@code to} is before {@code from}
   */
  public Duration businessTimeBetween(Instant from, Instant to) {
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("to " + to + " is before from " + from);
    }
    Duration total = Duration.ZERO;
    for (LocalDate d = localDate(from); !d.isAfter(localDate(to)); d = d.plusDays(1)) {
      if (isBusinessDay(d)) {
        total = total.plus(openWindow(d).overlap(from, to));
      }
    }
    return total;
  }

  /**
   * The earliest instant at which {@code amount} of business time has elapsed since {@code from}.
   * When the amount runs out exactly at a closing time, that closing time is the answer (not the
   * next opening). Zero returns {@code from} itself.
   *
   * @throws IllegalArgumentException if {@code amount} is negative
   */
  public Instant plusBusinessTime(Instant from, Duration amount) {
    if (amount.isNegative()) {
      throw new IllegalArgumentException("amount must not be negative, was " + amount);
    }
    if (amount.isZero()) {
      return from;
    }
    Duration remaining = amount;
    LocalDate day = localDate(from);
    if (!isBusinessDay(day)) {
      day = nextBusinessDayAfter(day);
    }
    while (true) {
      Window window = openWindow(day);
      Instant start = from.isAfter(window.start()) ? from : window.start();
      if (start.isBefore(window.end())) {
        Duration available = Duration.between(start, window.end());
        if (remaining.compareTo(available) <= 0) {
          return start.plus(remaining);
        }
        remaining = remaining.minus(available);
      }
      day = nextBusinessDayAfter(day);
    }
  }

  // ---------------------------------------------------------------- internals

  private Optional<AnnualClosure> closureOn(LocalDate date) {
    for (AnnualClosure c : closures) {
      if (c.covers(date)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  private Optional<DatedClosure> datedClosureOn(LocalDate date) {
    for (DatedClosure c : datedClosures) {
      if (c.covers(date)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  /** The calendar's local date of an instant. */
  public LocalDate localDate(Instant instant) {
    return instant.atZone(zone).toLocalDate();
  }

  private LocalDate nextBusinessDayAfter(LocalDate date) {
    LocalDate d = date;
    for (int i = 0; i < SEARCH_LIMIT_DAYS; i++) {
      d = d.plusDays(1);
      if (isBusinessDay(d)) {
        return d;
      }
    }
    throw new IllegalStateException(
        "calendar " + id + " has no business day within " + SEARCH_LIMIT_DAYS + " days of " + date);
  }

  private Window openWindow(LocalDate date) {
    return new Window(
        hours.openingOn(date, zone).toInstant(), hours.closingOn(date, zone).toInstant());
  }

  /** A half-open interval of instants, {@code [start, end)}. */
  private record Window(Instant start, Instant end) {
    boolean contains(Instant t) {
      return !t.isBefore(start) && t.isBefore(end);
    }

    Duration overlap(Instant from, Instant to) {
      Instant s = from.isAfter(start) ? from : start;
      Instant e = to.isBefore(end) ? to : end;
      return s.isBefore(e) ? Duration.between(s, e) : Duration.ZERO;
    }
  }
}
