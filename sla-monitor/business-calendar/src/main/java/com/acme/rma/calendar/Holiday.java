package com.acme.rma.calendar;

import java.time.LocalDate;
import java.util.Objects;

/** A named public holiday on one date. */
public record Holiday(LocalDate date, String name) {

  public Holiday {
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("a holiday needs a name: " + date);
    }
  }
}
