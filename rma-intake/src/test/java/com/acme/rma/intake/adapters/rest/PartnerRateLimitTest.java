package com.acme.rma.intake.adapters.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.acme.rma.platform.problem.ProblemException;
import com.acme.rma.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The per-partner token bucket on the injected clock (plain JUnit: no service started). */
class PartnerRateLimitTest {

  private final MutableClock clock = new MutableClock();

  PartnerRateLimitTest() {
    clock.set(Instant.parse("2026-05-01T00:00:00Z"));
  }

  @Test
  void aPartnerMaySendTheBurstAtOnceAndIsThenRefusedWithRetryAfter() {
    PartnerRateLimit limit = new PartnerRateLimit(true, 20, 40, clock);
    for (int i = 0; i < 40; i++) {
      limit.acquire("P-1");
    }
    ProblemException refused = assertThrows(ProblemException.class, () -> limit.acquire("P-1"));
    assertEquals(429, refused.problem().status());
    assertEquals("RATE_LIMITED", refused.problem().code());
    assertEquals("1", refused.headers().get("Retry-After"), "whole seconds, at least 1");
  }

  @Test
  void theBucketRefillsAsTheClockAdvances() {
    PartnerRateLimit limit = new PartnerRateLimit(true, 20, 40, clock);
    for (int i = 0; i < 40; i++) {
      limit.acquire("P-1");
    }
    assertThrows(ProblemException.class, () -> limit.acquire("P-1"));
    clock.advance(Duration.ofMillis(50)); // one request's worth at 20/s
    limit.acquire("P-1");
    assertThrows(ProblemException.class, () -> limit.acquire("P-1"));
    clock.advance(Duration.ofSeconds(2)); // full again (capped at the burst)
    for (int i = 0; i < 40; i++) {
      limit.acquire("P-1");
    }
    assertThrows(ProblemException.class, () -> limit.acquire("P-1"));
  }

  @Test
  void anotherPartnerIsUnaffected() {
    PartnerRateLimit limit = new PartnerRateLimit(true, 20, 40, clock);
    for (int i = 0; i < 40; i++) {
      limit.acquire("P-1");
    }
    assertThrows(ProblemException.class, () -> limit.acquire("P-1"));
    for (int i = 0; i < 40; i++) {
      limit.acquire("P-2");
    }
  }

  @Test
  void retryAfterCoversTheWaitForTheNextRequest() {
    PartnerRateLimit limit = new PartnerRateLimit(true, 1, 2, clock);
    limit.acquire("P-1");
    limit.acquire("P-1");
    ProblemException refused = assertThrows(ProblemException.class, () -> limit.acquire("P-1"));
    assertEquals("1", refused.headers().get("Retry-After"));
    PartnerRateLimit slow = new PartnerRateLimit(true, 1, 1, clock);
    slow.acquire("P-1");
    clock.advance(Duration.ofMillis(100));
    assertEquals(
        "1",
        assertThrows(ProblemException.class, () -> slow.acquire("P-1"))
            .headers()
            .get("Retry-After"));
  }

  @Test
  void disabledLimitsNothing() {
    PartnerRateLimit limit = new PartnerRateLimit(false, 20, 40, clock);
    for (int i = 0; i < 1000; i++) {
      limit.acquire("P-1");
    }
  }
}
