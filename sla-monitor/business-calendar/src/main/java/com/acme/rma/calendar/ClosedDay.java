package com.acme.rma.calendar;

import java.time.LocalDate;
import java.util.Objects;

/** A date on which a calendar is closed although its weekday would be open. */
public record ClosedDay(LocalDate date, String name, Kind kind) {

  /** Why the day is closed. A holiday inside a closure is listed once, as a holiday. */
  public enum Kind {
    HOLIDAY,
    CLOSURE
  }

  public ClosedDay {
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
  }
}
