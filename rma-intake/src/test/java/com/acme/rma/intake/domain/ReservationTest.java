package com.acme.rma.intake.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReservationTest {

  private static final Instant RESERVED = Instant.parse("2026-05-01T01:00:00Z");
  private static final Duration GRACE = Duration.ofMinutes(2);

  private static Reservation pending() {
    return Reservation.reserve("RMA-2026-000042", "P-1", "key-1", "hash-1", "SN-1", RESERVED);
  }

  @Test
  void aPendingReservationIsNotOverdueBeforeTheGracePeriodEnds() {
    assertFalse(pending().isOverdue(RESERVED.plus(GRACE).minusNanos(1000), GRACE));
    assertFalse(pending().isOverdue(RESERVED, GRACE));
  }

  @Test
  void aPendingReservationIsOverdueFromTheEndOfTheGracePeriodOn() {
    assertTrue(pending().isOverdue(RESERVED.plus(GRACE), GRACE));
    assertTrue(pending().isOverdue(RESERVED.plus(GRACE).plusSeconds(3600), GRACE));
  }

  @Test
  void aCommittedOrAbandonedReservationIsNeverOverdue() {
    Instant later = RESERVED.plus(GRACE).plusSeconds(60);
    assertFalse(pending().commit(RESERVED.plusSeconds(3)).isOverdue(later, GRACE));
    assertFalse(pending().abandon(later).isOverdue(later.plusSeconds(3600), GRACE));
  }

  @Test
  void settlesOnlyOnceAndRemembersWhen() {
    Reservation committed = pending().commit(RESERVED.plusSeconds(3));
    assertEquals(Reservation.Status.COMMITTED, committed.status());
    assertEquals(RESERVED.plusSeconds(3), committed.settledAt());
    assertThrows(IllegalStateException.class, () -> committed.abandon(RESERVED.plus(GRACE)));
    Reservation abandoned = pending().abandon(RESERVED.plus(GRACE));
    assertEquals(Reservation.Status.ABANDONED, abandoned.status());
    assertThrows(IllegalStateException.class, () -> abandoned.commit(RESERVED.plus(GRACE)));
  }

  @Test
  void belongsToTheRequestItWasMadeForOnly() {
    assertTrue(pending().isFor("hash-1"));
    assertFalse(pending().isFor("hash-2"));
  }
}
