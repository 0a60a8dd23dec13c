package com.acme.rma.intake.domain.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * When a failed webhook delivery is tried again: exponential backoff from {@link #FIRST_DELAY}
 * doubling up to {@link #MAX_DELAY}, with "equal jitter" (half the delay fixed, half random, so
 * that receivers coming back are not hit by every sender at once), never earlier than the
 * receiver's {@code Retry-After}, and never after the delivery's deadline (24 h after it was
 * enqueued): a retry that would fall after it parks the delivery instead.
 */
public final class RetrySchedule {

  public static final Duration FIRST_DELAY = Duration.ofSeconds(10);
  public static final Duration MAX_DELAY = Duration.ofHours(1);
  public static final Duration WINDOW = Duration.ofHours(24);

  private final DoubleSupplier random;

  /** {@code random} answers in [0, 1): {@code Math::random} in production, fixed in tests. */
  public RetrySchedule(DoubleSupplier random) {
    this.random = Objects.requireNonNull(random);
  }

  /** The backoff before attempt {@code failedAttempts + 1}, without jitter. */
  public static Duration backoff(int failedAttempts) {
    if (failedAttempts < 1) {
      throw new IllegalArgumentException("failedAttempts must be at least 1: " + failedAttempts);
    }
    int doublings = Math.min(failedAttempts - 1, 20);
    Duration delay = FIRST_DELAY.multipliedBy(1L << doublings);
    return delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
  }

  /**
   * The next attempt after {@code failedAttempts} failures, the last at {@code now}; empty when the
   * delivery is to be parked because the next attempt would fall after {@code deadline}.
   */
  public Optional<Instant> next(
      int failedAttempts, Instant now, Instant deadline, Optional<Duration> retryAfter) {
    Duration backoff = backoff(failedAttempts);
    long half = backoff.toMillis() / 2;
    long jittered = half + (long) (random.getAsDouble() * (backoff.toMillis() - half));
    Duration delay = Duration.ofMillis(jittered);
    if (retryAfter.isPresent() && retryAfter.get().compareTo(delay) > 0) {
      delay = retryAfter.get();
    }
    Instant next = now.plus(delay);
    return next.isAfter(deadline) ? Optional.empty() : Optional.of(next);
  }
}
