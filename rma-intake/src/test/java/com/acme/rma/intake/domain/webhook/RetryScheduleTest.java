package com.acme.rma.intake.domain.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {

  private static final Instant QUEUED = Instant.parse("2026-05-01T01:00:00Z");
  private static final Instant DEADLINE = QUEUED.plus(RetrySchedule.WINDOW);

  @Test
  void backoffDoublesFromTenSecondsUpToAnHour() {
    assertEquals(Duration.ofSeconds(10), RetrySchedule.backoff(1));
    assertEquals(Duration.ofSeconds(20), RetrySchedule.backoff(2));
    assertEquals(Duration.ofSeconds(40), RetrySchedule.backoff(3));
    assertEquals(Duration.ofSeconds(2560), RetrySchedule.backoff(9));
    assertEquals(Duration.ofHours(1), RetrySchedule.backoff(10));
    assertEquals(Duration.ofHours(1), RetrySchedule.backoff(500));
    assertThrows(IllegalArgumentException.class, () -> RetrySchedule.backoff(0));
  }

  @Test
  void jitterKeepsEachDelayBetweenHalfAndAllOfTheBackoff() {
    RetrySchedule lowest = new RetrySchedule(() -> 0.0);
    RetrySchedule highest = new RetrySchedule(() -> 0.999999);
    assertEquals(
        Optional.of(QUEUED.plusSeconds(20)), lowest.next(3, QUEUED, DEADLINE, Optional.empty()));
    Instant high = highest.next(3, QUEUED, DEADLINE, Optional.empty()).orElseThrow();
    assertTrue(high.isAfter(QUEUED.plusSeconds(39)) && !high.isAfter(QUEUED.plusSeconds(40)));
  }

  @Test
  void aLongerRetryAfterWinsAShorterOneDoesNot() {
    RetrySchedule schedule = new RetrySchedule(() -> 0.0);
    assertEquals(
        Optional.of(QUEUED.plusSeconds(120)),
        schedule.next(1, QUEUED, DEADLINE, Optional.of(Duration.ofSeconds(120))));
    assertEquals(
        Optional.of(QUEUED.plusSeconds(5)),
        schedule.next(1, QUEUED, DEADLINE, Optional.of(Duration.ofSeconds(1))));
  }

  @Test
  void aRetryThatWouldFallAfterTheTwentyFourHoursParksTheDelivery() {
    RetrySchedule schedule = new RetrySchedule(() -> 0.5);
    Instant late = DEADLINE.minusSeconds(60);
    assertEquals(Optional.empty(), schedule.next(12, late, DEADLINE, Optional.empty()));
    assertTrue(schedule.next(1, late, DEADLINE, Optional.empty()).isPresent());
  }

  @Test
  void aScheduleOfFailuresKeepsTryingForAboutADayThenStops() {
    RetrySchedule schedule = new RetrySchedule(() -> 0.5);
    Instant now = QUEUED;
    int attempts = 1;
    Optional<Instant> next;
    while ((next = schedule.next(attempts, now, DEADLINE, Optional.empty())).isPresent()) {
      now = next.get();
      attempts++;
    }
    assertTrue(now.isAfter(DEADLINE.minus(Duration.ofHours(1))), "last attempt " + now);
    assertTrue(attempts > 20 && attempts < 50, attempts + " attempts");
  }
}
