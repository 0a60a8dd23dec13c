package com.acme.rma.calendar.sla;

import java.time.Instant;
import java.util.Objects;

/**
 * The deadline of one clock period: what must happen ({@code target}), by when ({@code dueAt}),
 * timed on which calendar, and when 75% of the clock's time has elapsed ({@code atRiskAt}).
 */
public record SlaTerms(
    Target target, String calendarId, Instant startedAt, Instant dueAt, Instant atRiskAt) {

  public SlaTerms {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(calendarId, "calendarId");
    if (dueAt.isBefore(startedAt)) {
      throw new IllegalArgumentException("dueAt " + dueAt + " is before startedAt " + startedAt);
    }
    if (atRiskAt.isBefore(startedAt) || atRiskAt.isAfter(dueAt)) {
      throw new IllegalArgumentException("atRiskAt " + atRiskAt + " is outside the clock's time");
    }
  }
}
