package com.acme.rma.calendar;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A one-off closure declared by ops (a typhoon day, an extra company holiday): the calendar is
 * closed {@code from} to {@code to} inclusive, for the reason given. Unlike an {@link
 * AnnualClosure} it does not recur.
 */
public record DatedClosure(LocalDate from, LocalDate to, String reason) {

  public DatedClosure {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(reason, "reason");
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("closure ends " + to + " before it starts " + from);
    }
    if (reason.isBlank()) {
      throw new IllegalArgumentException("a closure needs a reason");
    }
  }

  /** A closure of one day. */
  public static DatedClosure day(LocalDate date, String reason) {
    return new DatedClosure(date, date, reason);
  }

  /** Whether the closure covers a date. */
  public boolean covers(LocalDate date) {
    return !date.isBefore(from) && !date.isAfter(to);
  }
}
