package com.acme.rma.dispatch.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CarrierClockTest {

  private static final Instant NOW = Instant.parse("2026-05-01T03:00:00Z");
  private static final Instant AUTHORIZED = Instant.parse("2026-05-01T01:00:00Z");
  private static final CarrierClock CLOCK = new CarrierClock(Duration.ofMinutes(5));

  private static String refusal(Instant occurredAt, Instant authorizedAt) {
    return CLOCK
        .check(occurredAt, NOW, authorizedAt)
        .map(CarrierClock.Implausible::code)
        .orElse("");
  }

  @Test
  void aReportUpToTheSkewAheadOfNowIsBelievedAndOneMicrosecondMoreIsNot() {
    assertEquals("", refusal(NOW, AUTHORIZED));
    assertEquals("", refusal(NOW.plus(Duration.ofMinutes(5)), AUTHORIZED));
    assertEquals(
        CarrierClock.IN_FUTURE,
        refusal(NOW.plus(Duration.ofMinutes(5)).plusNanos(1000), AUTHORIZED));
    assertEquals(
        CarrierClock.IN_FUTURE, refusal(Instant.parse("2099-01-01T00:00:00Z"), AUTHORIZED));
  }

  @Test
  void aReportAtTheAuthorizationIsBelievedAndOneBeforeItIsNot() {
    assertEquals("", refusal(AUTHORIZED, AUTHORIZED));
    assertEquals(
        CarrierClock.BEFORE_AUTHORIZATION, refusal(AUTHORIZED.minusNanos(1000), AUTHORIZED));
    assertTrue(
        CLOCK
            .check(AUTHORIZED.minusSeconds(60), NOW, AUTHORIZED)
            .orElseThrow()
            .detail()
            .contains("before the RMA was authorized at 2026-05-01T01:00:00Z"));
  }

  @Test
  void withoutARecordedAuthorizationOnlyTheFutureIsChecked() {
    assertEquals("", refusal(Instant.parse("2001-01-01T00:00:00Z"), null));
    assertEquals(CarrierClock.IN_FUTURE, refusal(NOW.plus(Duration.ofHours(1)), null));
  }

  @Test
  void noSkewMeansNotAfterNowAndANegativeOneIsAMistake() {
    CarrierClock strict = new CarrierClock(Duration.ZERO);
    assertTrue(strict.check(NOW, NOW, null).isEmpty());
    assertTrue(strict.check(NOW.plusNanos(1000), NOW, null).isPresent());
    assertThrows(IllegalArgumentException.class, () -> new CarrierClock(Duration.ofSeconds(-1)));
  }
}
