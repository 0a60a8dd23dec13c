package com.acme.rma.calendar;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Where a calendar's public holidays come from: computed by rule, or listed date by date. */
public sealed interface HolidaySource {

  /** The holidays of a year, sorted by date. */
  List<Holiday> holidaysIn(int year);

  /** The holiday on a date, if any. */
  Optional<Holiday> holidayOn(LocalDate date);

  /**
   * Japan's national holidays by rule, 2000–2099 (other years throw). Property value {@code
   * jp-national}.
   */
  static HolidaySource japaneseNational() {
    return new JapaneseNational();
  }

  /** No holidays at all. Property value {@code none}. */
  static HolidaySource none() {
    return new Listed(Map.of());
  }

  /** Exactly these dates; years without entries simply have no holidays. */
  static HolidaySource listed(Collection<Holiday> holidays) {
    Map<LocalDate, String> byDate = new TreeMap<>();
    for (Holiday h : holidays) {
      if (byDate.putIfAbsent(h.date(), h.name()) != null) {
        throw new IllegalArgumentException("two holidays on " + h.date());
      }
    }
    return new Listed(byDate);
  }

  /** {@link JapaneseHolidays}. */
  record JapaneseNational() implements HolidaySource {
    @Override
    public List<Holiday> holidaysIn(int year) {
      return JapaneseHolidays.inYear(year);
    }

    @Override
    public Optional<Holiday> holidayOn(LocalDate date) {
      return JapaneseHolidays.on(date);
    }
  }

  /** An explicit list, for countries whose rules are not built in. */
  record Listed(Map<LocalDate, String> namesByDate) implements HolidaySource {
    public Listed {
      namesByDate = Map.copyOf(namesByDate);
    }

    @Override
    public List<Holiday> holidaysIn(int year) {
      return namesByDate.entrySet().stream()
          .filter(e -> e.getKey().getYear() == year)
          .map(e -> new Holiday(e.getKey(), e.getValue()))
          .sorted(Comparator.comparing(Holiday::date))
          .collect(Collectors.toUnmodifiableList());
    }

    @Override
    public Optional<Holiday> holidayOn(LocalDate date) {
      String name = namesByDate.get(date);
      return name == null ? Optional.empty() : Optional.of(new Holiday(date, name));
    }
  }
}
