package com.acme.rma.calendar.sla;

import com.acme.rma.calendar.BusinessCalendar;
import com.acme.rma.calendar.CalendarRegistry;
import com.acme.rma.calendar.LiveCalendars;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The operator's SLA settings, one key each, read the same way by every service that uses the terms
 * (rma-intake and sla-monitor). Each service passes its configuration lookup (Quarkus maps {@code
 * rma.sla.gold-plus-target} to the environment variable {@code RMA_SLA_GOLD_PLUS_TARGET}, and so
 * on):
 *
 * <pre>
 * SlaSettings settings = SlaSettings.read(key -&gt; config.getOptionalValue(key, String.class));
 * CalendarRegistry calendars = settings.calendars();   // shipped + the operator's file
 * SlaPolicy policy = settings.policy(calendars);
 * </pre>
 *
 * @param calendarFile the operator's calendars (business-calendar properties format), added to the
 *     shipped ones (the same id replaces a shipped calendar)
 * @param businessCalendar id of the calendar of the shipment targets and the support hours
 * @param wallClockCalendar id of the calendar of the delivery target
 * @param goldPlusTarget the Gold Plus delivery target
 */
public record SlaSettings(
    Optional<Path> calendarFile,
    String businessCalendar,
    String wallClockCalendar,
    Duration goldPlusTarget) {

  public static final String CALENDAR_FILE = "rma.calendar.file";
  public static final String BUSINESS_CALENDAR = "rma.sla.business-calendar";
  public static final String WALL_CLOCK_CALENDAR = "rma.sla.wall-clock-calendar";
  public static final String GOLD_PLUS_TARGET = "rma.sla.gold-plus-target";

  public static final String DEFAULT_BUSINESS_CALENDAR = "JP";
  public static final String DEFAULT_WALL_CLOCK_CALENDAR = "24x7";

  public SlaSettings {
    Objects.requireNonNull(calendarFile, "calendarFile");
    Objects.requireNonNull(businessCalendar, "businessCalendar");
    Objects.requireNonNull(wallClockCalendar, "wallClockCalendar");
    Objects.requireNonNull(goldPlusTarget, "goldPlusTarget");
  }

  /** The rules' settings: shipped calendars only, {@code JP}, {@code 24x7}, 4 hours. */
  public static SlaSettings defaults() {
    return new SlaSettings(
        Optional.empty(),
        DEFAULT_BUSINESS_CALENDAR,
        DEFAULT_WALL_CLOCK_CALENDAR,
        SlaPolicy.GOLD_PLUS_TARGET);
  }

  /**
   * The settings found by {@code lookup} (a key to its value, empty when unset; blank counts as
   * unset), defaults for the rest.
   *
   * @throws IllegalArgumentException naming every key whose value is unusable
   */
  public static SlaSettings read(Function<String, Optional<String>> lookup) {
    List<String> problems = new ArrayList<>();
    Optional<Path> file =
        value(lookup, CALENDAR_FILE)
            .flatMap(
                v -> {
                  try {
                    return Optional.of(Path.of(v));
                  } catch (InvalidPathException e) {
                    problems.add(CALENDAR_FILE + ": '" + v + "' is not a path");
                    return Optional.empty();
                  }
                });
    String business = value(lookup, BUSINESS_CALENDAR).orElse(DEFAULT_BUSINESS_CALENDAR);
    String wallClock = value(lookup, WALL_CLOCK_CALENDAR).orElse(DEFAULT_WALL_CLOCK_CALENDAR);
    Duration target = SlaPolicy.GOLD_PLUS_TARGET;
    Optional<String> targetValue = value(lookup, GOLD_PLUS_TARGET);
    if (targetValue.isPresent()) {
      try {
        target = Duration.parse(targetValue.get());
        if (target.isNegative() || target.isZero()) {
          problems.add(GOLD_PLUS_TARGET + ": '" + targetValue.get() + "' is not positive");
        }
      } catch (DateTimeParseException e) {
        problems.add(
            GOLD_PLUS_TARGET
                + ": '"
                + targetValue.get()
                + "' is not an ISO-8601 duration such as PT4H");
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("invalid SLA settings: " + String.join("; ", problems));
    }
    return new SlaSettings(file, business, wallClock, target);
  }

  /**
   * The business calendars: those shipped with the library, plus the operator's file when one is
   * set (its calendars replace shipped ones of the same id).
   *
   * @throws com.acme.rma.calendar.CalendarDefinitionException when the file defines a calendar
   *     badly
   * @throws java.io.UncheckedIOException when the file cannot be read
   */
  public CalendarRegistry calendars() {
    CalendarRegistry shipped = CalendarRegistry.fromClasspath();
    return calendarFile.map(f -> shipped.plus(CalendarRegistry.fromFile(f))).orElse(shipped);
  }

  /**
   * The SLA terms on these calendars.
   *
   * @throws IllegalArgumentException when a configured calendar id is not among them
   */
  public SlaPolicy policy(CalendarRegistry calendars) {
    return new SlaPolicy(
        required(calendars, BUSINESS_CALENDAR, businessCalendar),
        required(calendars, WALL_CLOCK_CALENDAR, wallClockCalendar),
        goldPlusTarget);
  }

  /**
   * The SLA terms on the calendars in effect: each question reads the calendars anew, so a change
   * ops made applies at once.
   *
   * @throws IllegalArgumentException when a configured calendar id is not among them
   */
  public SlaPolicy policy(LiveCalendars calendars) {
    required(calendars.current(), BUSINESS_CALENDAR, businessCalendar);
    required(calendars.current(), WALL_CLOCK_CALENDAR, wallClockCalendar);
    return new SlaPolicy(
        () -> calendars.get(businessCalendar).orElseThrow(),
        () -> calendars.get(wallClockCalendar).orElseThrow(),
        goldPlusTarget);
  }

  private static BusinessCalendar required(CalendarRegistry calendars, String key, String id) {
    return calendars
        .get(id)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    key + ": calendar '" + id + "' is not defined; known: " + calendars.ids()));
  }

  private static Optional<String> value(Function<String, Optional<String>> lookup, String key) {
    return lookup.apply(key).map(String::strip).filter(v -> !v.isEmpty());
  }
}
