package com.acme.rma.testsupport;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * The services' clock in tests: time flows until a test fixes it, and then moves only when the test
 * says so. It replaces the platform's default clock bean in every test app.
 *
 * <p>Flowing time starts at the <em>test base</em>: the system clock, or, when the system property
 * {@code rma.test.now} (or the environment variable {@code RMA_TEST_NOW}) names an RFC 3339
 * instant, that instant at the moment the tests start, flowing on from there. So a whole suite can
 * be run "on" an awkward date (a Friday evening, the year-end closure, Golden Week) to prove that
 * no test depends on the day it runs: {@code ./mvnw verify
 * -Drma.test.now=2027-01-04T09:00:00+09:00}.
 */
@Singleton
public class MutableClock extends Clock {

  /** The system property (and, upper-cased with underscores, the variable) of the test base. */
  public static final String BASE_PROPERTY = "rma.test.now";

  private static final Duration BASE_OFFSET = baseOffset();

  private volatile Instant fixed;
  private volatile Duration offset = BASE_OFFSET;

  /** Stops time at this instant. */
  public void set(Instant instant) {
    this.fixed = instant;
  }

  /** Moves fixed time forward (or starts from now when time was not fixed). */
  public void advance(Duration duration) {
    this.fixed = instant().plus(duration);
  }

  /** Lets time flow again, from the test base ({@code rma.test.now} when set, else the system). */
  public void useSystemTime() {
    this.fixed = null;
    this.offset = BASE_OFFSET;
  }

  /**
   * Lets time flow with the real system clock, whatever the test base: for the few tests that
   * measure real delays against timestamps the broker writes.
   */
  public void useRealTime() {
    this.fixed = null;
    this.offset = Duration.ZERO;
  }

  @Override
  public Instant instant() {
    Instant current = fixed;
    return current != null ? current : Instant.now().plus(offset);
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("the services work in UTC instants");
  }

  private static Duration baseOffset() {
    String base = System.getProperty(BASE_PROPERTY);
    if (base == null || base.isBlank()) {
      base = System.getenv("RMA_TEST_NOW");
    }
    if (base == null || base.isBlank()) {
      return Duration.ZERO;
    }
    try {
      Instant start = OffsetDateTime.parse(base.trim()).toInstant();
      System.out.println("MutableClock: flowing test time starts at " + start);
      return Duration.between(Instant.now(), start);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          BASE_PROPERTY + " must be an RFC 3339 instant with an offset, not " + base, e);
    }
  }
}
