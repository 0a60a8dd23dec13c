package com.acme.rma.calendar;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Days the business closes every year, {@code from} to {@code to} inclusive. A range whose end
 * comes before its start in the year spans the new year ({@code 12-29..01-03}).
 */
public record AnnualClosure(MonthDay from, MonthDay to, String name) {

  static final String FORMAT = "MM-DD or MM-DD..MM-DD followed by an optional name";
  private static final String DEFAULT_NAME = "Closure";
  private static final Pattern SYNTAX =
      Pattern.compile("(\\d\\d-\\d\\d)(?:\\.\\.(\\d\\d-\\d\\d))?(?:\\s+(.*\\S))?\\s*");

  public AnnualClosure {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("a closure needs a name");
    }
  }

  /** Parses {@code 12-29..01-03 Year-end closure}; a single {@code MM-DD} is a one-day closure. */
  public static AnnualClosure parse(String text) {
    Matcher m = SYNTAX.matcher(text.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException("'" + text.trim() + "' is not " + FORMAT);
    }
    try {
      MonthDay from = MonthDay.parse("--" + m.group(1));
      MonthDay to = m.group(2) == null ? from : MonthDay.parse("--" + m.group(2));
      return new AnnualClosure(from, to, m.group(3) == null ? DEFAULT_NAME : m.group(3));
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("'" + text.trim() + "' is not " + FORMAT, e);
    }
  }

  /** Whether the closure covers a date. */
  public boolean covers(LocalDate date) {
    MonthDay day = MonthDay.from(date);
    return from.isAfter(to)
        ? !day.isBefore(from) || !day.isAfter(to)
        : !day.isBefore(from) && !day.isAfter(to);
  }
}
