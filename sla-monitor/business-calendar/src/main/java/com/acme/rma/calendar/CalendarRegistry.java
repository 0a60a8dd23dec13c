package com.acme.rma.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

/**
 * The known business calendars by id. Immutable; build it once at startup and share it.
 *
 * <p>Calendars are data: the library ships {@code JP} and {@code 24x7} in {@value #RESOURCE} (next
 * to this class), and operators add or replace calendars with a properties file of the same format,
 * without code: {@code fromClasspath().plus(fromFile(path))}.
 */
public final class CalendarRegistry {

  /** The shipped definitions, a classpath resource in this package. */
  public static final String RESOURCE = "business-calendars.properties";

  private final Map<String, BusinessCalendar> calendars;

  private CalendarRegistry(Map<String, BusinessCalendar> calendars) {
    this.calendars = Collections.unmodifiableMap(new TreeMap<>(calendars));
  }

  /** The calendars shipped with the library ({@code JP}, {@code 24x7}). */
  public static CalendarRegistry fromClasspath() {
    try (InputStream in = CalendarRegistry.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("classpath resource missing: " + RESOURCE);
      }
      return read(new InputStreamReader(in, StandardCharsets.UTF_8), "classpath:" + RESOURCE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read classpath:" + RESOURCE, e);
    }
  }

  /** Calendars defined in a properties file (UTF-8). */
  public static CalendarRegistry fromFile(Path file) {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return read(reader, file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read business calendars from " + file, e);
    }
  }

  /**
   * Calendars defined in properties.
   *
   * @throws CalendarDefinitionException listing every problem, when any definition is invalid
   */
  public static CalendarRegistry load(Properties properties) {
    return new CalendarRegistry(CalendarDefinitions.parse(properties, "properties"));
  }

  /** A registry of calendars built in code. Ids must be unique. */
  public static CalendarRegistry of(Collection<BusinessCalendar> calendars) {
    Map<String, BusinessCalendar> byId = new TreeMap<>();
    for (BusinessCalendar c : calendars) {
      if (byId.put(c.id(), c) != null) {
        throw new IllegalArgumentException("two calendars with id " + c.id());
      }
    }
    return new CalendarRegistry(byId);
  }

  /** This registry with the other's calendars added; the other's win on equal ids. */
  public CalendarRegistry plus(CalendarRegistry other) {
    Map<String, BusinessCalendar> merged = new TreeMap<>(calendars);
    merged.putAll(other.calendars);
    return new CalendarRegistry(merged);
  }

  public Optional<BusinessCalendar> get(String id) {
    return Optional.ofNullable(calendars.get(id));
  }

  /** The ids, sorted. */
  public Set<String> ids() {
    return calendars.keySet();
  }

  private static CalendarRegistry read(Reader reader, String source) throws IOException {
    Properties properties = new Properties();
    properties.load(reader);
    return new CalendarRegistry(CalendarDefinitions.parse(properties, source));
  }

  @Override
  public String toString() {
    return "CalendarRegistry" + ids();
  }
}
