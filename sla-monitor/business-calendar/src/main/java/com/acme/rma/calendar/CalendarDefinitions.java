package com.acme.rma.calendar;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

/** Reads calendars from properties ({@code calendar.<id>.<property>}); see the module README. */
final class CalendarDefinitions {

  private static final String PREFIX = "calendar.";
  private static final String HOLIDAY_PREFIX = "holiday.";
  private static final Set<String> PROPERTIES =
      Set.of("zone", "hours", "closed-weekdays", "holidays", "closures");

  private CalendarDefinitions() {}

  static Map<String, BusinessCalendar> parse(Properties properties, String source) {
    List<String> problems = new ArrayList<>();
    Map<String, Map<String, String>> byId = new TreeMap<>();
    for (String key : properties.stringPropertyNames()) {
      int dot = key.indexOf('.', PREFIX.length());
      if (!key.startsWith(PREFIX) || dot < 0 || dot == key.length() - 1) {
        problems.add(key + ": unknown key (expected calendar.<id>.<property>)");
        continue;
      }
      String id = key.substring(PREFIX.length(), dot);
      byId.computeIfAbsent(id, i -> new TreeMap<>())
          .put(key.substring(dot + 1), properties.getProperty(key).trim());
    }
    Map<String, BusinessCalendar> calendars = new TreeMap<>();
    byId.forEach(
        (id, props) -> {
          Definition definition = new Definition(id, props, problems);
          BusinessCalendar calendar = definition.build();
          if (calendar != null) {
            calendars.put(id, calendar);
          }
        });
    if (!problems.isEmpty()) {
      Collections.sort(problems);
      throw new CalendarDefinitionException(source, problems);
    }
    return calendars;
  }

  /** One calendar's properties; records problems instead of stopping at the first. */
  private static final class Definition {
    private final String id;
    private final Map<String, String> props;
    private final List<String> problems;
    private boolean valid = true;

    Definition(String id, Map<String, String> props, List<String> problems) {
      this.id = id;
      this.props = props;
      this.problems = problems;
    }

    BusinessCalendar build() {
      if (!BusinessCalendar.ID.matcher(id).matches()) {
        problem("", "calendar id '" + id + "' must be letters, digits, '-' or '_'");
        return null;
      }
      for (String property : props.keySet()) {
        if (!PROPERTIES.contains(property) && !property.startsWith(HOLIDAY_PREFIX)) {
          problem(
              property,
              "unknown key (expected zone, hours, closed-weekdays, holidays, holiday.YYYY-MM-DD,"
                  + " closures)");
        }
      }
      ZoneId zone = zone();
      OpeningHours hours = hours();
      Set<DayOfWeek> closed = closedWeekdays();
      HolidaySource holidays = holidays();
      List<AnnualClosure> closures = closures();
      if (!valid) {
        return null;
      }
      try {
        return new BusinessCalendar(id, zone, hours, closed, holidays, closures);
      } catch (IllegalArgumentException e) {
        problem("", e.getMessage());
        return null;
      }
    }

    private ZoneId zone() {
      String value = required("zone");
      if (value == null) {
        return null;
      }
      try {
        return ZoneId.of(value);
      } catch (DateTimeException e) {
        problem("zone", "'" + value + "' is not a time zone id");
        return null;
      }
    }

    private OpeningHours hours() {
      String value = required("hours");
      if (value == null) {
        return null;
      }
      try {
        return OpeningHours.parse(value);
      } catch (IllegalArgumentException e) {
        problem("hours", e.getMessage());
        return null;
      }
    }

    private Set<DayOfWeek> closedWeekdays() {
      Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
      for (String name : list(props.getOrDefault("closed-weekdays", ""), ",")) {
        try {
          days.add(DayOfWeek.valueOf(name.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
          problem("closed-weekdays", "'" + name + "' is not a day of the week (MONDAY..SUNDAY)");
        }
      }
      if (days.size() == DayOfWeek.values().length) {
        problem("closed-weekdays", "closes every day of the week, never open");
      }
      return days;
    }

    private HolidaySource holidays() {
      Map<LocalDate, String> listed = new TreeMap<>();
      props.forEach(
          (property, name) -> {
            if (!property.startsWith(HOLIDAY_PREFIX)) {
              return;
            }
            String date = property.substring(HOLIDAY_PREFIX.length());
            try {
              if (name.isEmpty()) {
                problem(property, "a holiday needs a name");
              } else {
                listed.put(LocalDate.parse(date), name);
              }
            } catch (DateTimeException e) {
              problem(property, "'" + date + "' is not a date (YYYY-MM-DD)");
            }
          });
      boolean hasDates = props.keySet().stream().anyMatch(p -> p.startsWith(HOLIDAY_PREFIX));
      String source = props.getOrDefault("holidays", "none");
      if (hasDates && !source.equals("listed")) {
        problem("holidays", "must be 'listed' when holiday.YYYY-MM-DD keys are given");
        return null;
      }
      return switch (source) {
        case "jp-national" -> HolidaySource.japaneseNational();
        case "none" -> HolidaySource.none();
        case "listed" -> new HolidaySource.Listed(listed);
        default -> {
          problem("holidays", "'" + source + "' is not one of jp-national, listed, none");
          yield null;
        }
      };
    }

    private List<AnnualClosure> closures() {
      List<AnnualClosure> closures = new ArrayList<>();
      for (String text : list(props.getOrDefault("closures", ""), ";")) {
        try {
          closures.add(AnnualClosure.parse(text));
        } catch (IllegalArgumentException e) {
          problem("closures", e.getMessage());
        }
      }
      return closures;
    }

    private String required(String property) {
      String value = props.get(property);
      if (value == null || value.isEmpty()) {
        problem(property, "required");
        return null;
      }
      return value;
    }

    private void problem(String property, String message) {
      valid = false;
      problems.add(PREFIX + id + (property.isEmpty() ? "" : "." + property) + ": " + message);
    }

    private static List<String> list(String value, String separator) {
      List<String> items = new ArrayList<>();
      for (String item : value.split(separator)) {
        if (!item.isBlank()) {
          items.add(item.trim());
        }
      }
      return items;
    }
  }
}
