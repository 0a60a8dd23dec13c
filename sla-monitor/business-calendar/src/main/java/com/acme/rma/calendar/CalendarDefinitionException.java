package com.acme.rma.calendar;

import java.util.List;

/** Calendar definitions that cannot be used; lists every problem found, one per key. */
public class CalendarDefinitionException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final List<String> problems;

  public CalendarDefinitionException(String source, List<String> problems) {
    super(
        "invalid business calendar definitions in "
            + source
            + ":\n  "
            + String.join("\n  ", problems));
    this.problems = List.copyOf(problems);
  }

  /** Each problem as {@code key: what is wrong}, sorted by key. */
  public List<String> problems() {
    return problems;
  }
}
