package com.acme.rma.testsupport;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The services' clock in tests: it follows the system clock until a test fixes it, and then moves
 * only when the test says so. It replaces the platform's default clock bean in every test app.
 */
@Singleton
public class MutableClock extends Clock {

  private volatile Instant fixed;

  /** Stops time at this instant. */
  public void set(Instant instant) {
    this.fixed = instant;
  }

  /** Moves fixed time forward (or starts from now when time was not fixed). */
  public void advance(Duration duration) {
    this.fixed = instant().plus(duration);
  }

  /** Lets time flow with the system clock again. */
  public void useSystemTime() {
    this.fixed = null;
  }

  @Override
  public Instant instant() {
    Instant current = fixed;
    return current != null ? current : Instant.now();
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("the services work in UTC instants");
  }
}
