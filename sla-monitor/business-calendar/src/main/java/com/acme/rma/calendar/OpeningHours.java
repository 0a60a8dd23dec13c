package com.acme.rma.calendar;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * The daily opening hours of a business day, {@code [opens, closes)} in the calendar's zone.
 *
 * <p>{@code closes} equal to 00:00 means the end of the day (24:00), so {@code 00:00-24:00} is a
 * calendar that is open all day. Hours that run past midnight are not supported.
 */
public record OpeningHours(LocalTime opens, LocalTime closes) {

  private static final String FORMAT = "HH:MM-HH:MM, 24:00 allowed as closing";

  public OpeningHours {
    Objects.requireNonNull(opens, "opens");
    Objects.requireNonNull(closes, "closes");
    if (!closesAtMidnight(closes) && !closes.isAfter(opens)) {
      throw new IllegalArgumentException(
          "'" + text(opens, closes) + "' must close after it opens (" + FORMAT + ")");
    }
  }

  /** Open around the clock: {@code 00:00-24:00}. */
  public static OpeningHours allDay() {
    return new OpeningHours(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT);
  }

  /** Parses {@code HH:MM-HH:MM}, e.g. {@code 09:30-17:30} or {@code 00:00-24:00}. */
  public static OpeningHours parse(String text) {
    String[] parts = text.trim().split("-", -1);
    if (parts.length != 2) {
      throw new IllegalArgumentException("'" + text + "' is not " + FORMAT);
    }
    try {
      LocalTime opens = LocalTime.parse(parts[0].trim());
      String close = parts[1].trim();
      // LocalTime has no 24:00; midnight stands for the end of the day
      LocalTime closes = close.equals("24:00") ? LocalTime.MIDNIGHT : LocalTime.parse(close);
      return new OpeningHours(opens, closes);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("'" + text + "' is not " + FORMAT, e);
    }
  }

  public boolean isAllDay() {
    return opens.equals(LocalTime.MIDNIGHT) && closes.equals(LocalTime.MIDNIGHT);
  }

  /** The opening instant on a date; a time skipped by a DST gap moves forward, as clocks do. */
  public ZonedDateTime openingOn(LocalDate date, ZoneId zone) {
    return date.atTime(opens).atZone(zone);
  }

  /** The closing instant on a date (the next day's start when closing at 24:00). */
  public ZonedDateTime closingOn(LocalDate date, ZoneId zone) {
    return closesAtMidnight(closes)
        ? date.plusDays(1).atStartOfDay(zone)
        : date.atTime(closes).atZone(zone);
  }

  @Override
  public String toString() {
    return text(opens, closes);
  }

  private static boolean closesAtMidnight(LocalTime closes) {
    return closes.equals(LocalTime.MIDNIGHT);
  }

  private static String text(LocalTime opens, LocalTime closes) {
    return opens + "-" + (closesAtMidnight(closes) ? "24:00" : closes.toString());
  }
}
