package com.acme.rma.calendar;

import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SUNDAY;

import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Japan's national holidays by rule (国民の祝日に関する法律) for 2000–2099.
 *
 * <p>Computed rather than listed because the service must answer for years nobody has published
 * yet. The equinox days use the standard astronomical approximation; the official dates are only
 * gazetted each February for the following year, and the approximation matches them throughout
 * 2000–2099 as far as the published and predicted lists go.
 */
public final class JapaneseHolidays {

  public static final int FIRST_YEAR = 2000;
  public static final int LAST_YEAR = 2099;

  static final String SUBSTITUTE = "Substitute Holiday";
  static final String CITIZENS = "Citizens' Holiday";

  // a year's list never changes, and deadline loops ask for the same year day after day
  private static final Map<Integer, Map<LocalDate, String>> CACHE = new ConcurrentHashMap<>();

  private JapaneseHolidays() {}

  /** The holidays of a year, sorted by date, including substitute and citizens' holidays. */
  public static List<Holiday> inYear(int year) {
    List<Holiday> result = new ArrayList<>();
    holidaysOf(year).forEach((date, name) -> result.add(new Holiday(date, name)));
    return List.copyOf(result);
  }

  /** The holiday on a date, if any. */
  public static Optional<Holiday> on(LocalDate date) {
    String name = holidaysOf(date.getYear()).get(date);
    return name == null ? Optional.empty() : Optional.of(new Holiday(date, name));
  }

  private static Map<LocalDate, String> holidaysOf(int year) {
    if (year < FIRST_YEAR || year > LAST_YEAR) {
      throw new IllegalArgumentException(
          "Japanese national holidays are computed for "
              + FIRST_YEAR
              + "–"
              + LAST_YEAR
              + " only, not "
              + year);
    }
    return CACHE.computeIfAbsent(year, JapaneseHolidays::compute);
  }

  private static Map<LocalDate, String> compute(int year) {
    TreeMap<LocalDate, String> national = nationalHolidays(year);
    TreeMap<LocalDate, String> all = new TreeMap<>(national);
    // both rules look at the named holidays only, never at each other's results
    citizensHolidays(year, national).forEach(all::putIfAbsent);
    substituteHolidays(year, national).forEach(all::put);
    return Collections.unmodifiableMap(all);
  }

  /** The named holidays (「国民の祝日」) of the Act, with the one-off laws of 2019–2021. */
  private static TreeMap<LocalDate, String> nationalHolidays(int year) {
    TreeMap<LocalDate, String> h = new TreeMap<>();
    h.put(LocalDate.of(year, 1, 1), "New Year's Day");
    h.put(nthMonday(year, Month.JANUARY, 2), "Coming of Age Day");
    h.put(LocalDate.of(year, 2, 11), "National Foundation Day");
    if (year >= 2020) {
      h.put(LocalDate.of(year, 2, 23), "Emperor's Birthday");
    }
    h.put(LocalDate.of(year, 3, vernalEquinoxDay(year)), "Vernal Equinox Day");
    // 2007: April 29 became Showa Day and Greenery Day moved to May 4
    h.put(LocalDate.of(year, 4, 29), year <= 2006 ? "Greenery Day" : "Showa Day");
    h.put(LocalDate.of(year, 5, 3), "Constitution Memorial Day");
    if (year >= 2007) {
      h.put(LocalDate.of(year, 5, 4), "Greenery Day");
    }
    h.put(LocalDate.of(year, 5, 5), "Children's Day");
    h.put(marineDay(year), "Marine Day");
    if (year >= 2016) {
      h.put(mountainDay(year), "Mountain Day");
    }
    h.put(
        year <= 2002 ? LocalDate.of(year, 9, 15) : nthMonday(year, Month.SEPTEMBER, 3),
        "Respect for the Aged Day");
    h.put(LocalDate.of(year, 9, autumnalEquinoxDay(year)), "Autumnal Equinox Day");
    h.put(sportsDay(year), year <= 2019 ? "Health and Sports Day" : "Sports Day");
    h.put(LocalDate.of(year, 11, 3), "Culture Day");
    h.put(LocalDate.of(year, 11, 23), "Labor Thanksgiving Day");
    if (year <= 2018) {
      h.put(LocalDate.of(year, 12, 23), "Emperor's Birthday");
    }
    if (year == 2019) {
      // the enthronement law made both days national holidays for that year
      h.put(LocalDate.of(2019, 5, 1), "Enthronement Day");
      h.put(LocalDate.of(2019, 10, 22), "Enthronement Ceremony Day");
    }
    return h;
  }

  private static LocalDate marineDay(int year) {
    return switch (year) {
      case 2020 -> LocalDate.of(2020, 7, 23); // Olympic opening, moved by special law
      case 2021 -> LocalDate.of(2021, 7, 22);
      default -> year <= 2002 ? LocalDate.of(year, 7, 20) : nthMonday(year, Month.JULY, 3);
    };
  }

  private static LocalDate mountainDay(int year) {
    return switch (year) {
      case 2020 -> LocalDate.of(2020, 8, 10);
      case 2021 -> LocalDate.of(2021, 8, 8);
      default -> LocalDate.of(year, 8, 11);
    };
  }

  private static LocalDate sportsDay(int year) {
    return switch (year) {
      case 2020 -> LocalDate.of(2020, 7, 24);
      case 2021 -> LocalDate.of(2021, 7, 23);
      default -> nthMonday(year, Month.OCTOBER, 2);
    };
  }

  /**
   * 国民の休日: a day whose previous and next days are both named holidays. Before 2007 the Act excluded
   * Sundays (and substitute days, which the caller lets win anyway).
   */
  private static Map<LocalDate, String> citizensHolidays(
      int year, TreeMap<LocalDate, String> national) {
    Map<LocalDate, String> result = new TreeMap<>();
    for (LocalDate holiday : national.keySet()) {
      LocalDate between = holiday.plusDays(1);
      if (between.getYear() == year
          && !national.containsKey(between)
          && national.containsKey(between.plusDays(1))
          && (year >= 2007 || between.getDayOfWeek() != SUNDAY)) {
        result.put(between, CITIZENS);
      }
    }
    return result;
  }

  /**
   * 振替休日: a named holiday on a Sunday makes the next day that is not a named holiday a holiday
   * (since 2007); before 2007 only the Monday right after, if it was not a holiday itself.
   */
  private static Map<LocalDate, String> substituteHolidays(
      int year, TreeMap<LocalDate, String> national) {
    Map<LocalDate, String> result = new TreeMap<>();
    for (LocalDate holiday : national.keySet()) {
      if (holiday.getDayOfWeek() != SUNDAY) {
        continue;
      }
      LocalDate next = holiday.plusDays(1);
      if (year >= 2007) {
        while (national.containsKey(next)) {
          next = next.plusDays(1);
        }
        result.put(next, SUBSTITUTE);
      } else if (!national.containsKey(next)) {
        result.put(next, SUBSTITUTE);
      }
    }
    return result;
  }

  // valid 1980–2099 (the standard approximation used by the National Astronomical Observatory)
  static int vernalEquinoxDay(int year) {
    return equinoxDay(20.8431, year);
  }

  static int autumnalEquinoxDay(int year) {
    return equinoxDay(23.2488, year);
  }

  private static int equinoxDay(double base, int year) {
    int n = year - 1980;
    return (int) Math.floor(base + 0.242194 * n - Math.floor(n / 4.0));
  }

  private static LocalDate nthMonday(int year, Month month, int n) {
    return LocalDate.of(year, month, 1).with(TemporalAdjusters.dayOfWeekInMonth(n, MONDAY));
  }
}
