package com.acme.rma.intake.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class RmaNumberTest {

  @Test
  void isTheTokyoYearAndASixDigitSequence() {
    assertEquals("RMA-2026-000042", RmaNumber.of(Instant.parse("2026-05-01T01:00:00Z"), 42));
  }

  @Test
  void takesTheYearOfTheTokyoDate() {
    assertEquals("RMA-2026-000007", RmaNumber.of(Instant.parse("2026-12-31T14:59:59Z"), 7));
    assertEquals("RMA-2027-000007", RmaNumber.of(Instant.parse("2026-12-31T15:00:00Z"), 7));
  }

  @Test
  void keepsGrowingPastAMillion() {
    assertEquals("RMA-2026-1000000", RmaNumber.of(Instant.parse("2026-05-01T01:00:00Z"), 1000000));
    assertThrows(
        IllegalArgumentException.class,
        () -> RmaNumber.of(Instant.parse("2026-05-01T01:00:00Z"), 0));
  }

  @Test
  void recognisesWellFormedNumbers() {
    assertTrue(RmaNumber.isWellFormed("RMA-2026-000042"));
    assertFalse(RmaNumber.isWellFormed("RMA-26-42"));
    assertFalse(RmaNumber.isWellFormed(null));
  }
}
