package com.acme.rma.registry.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.rma.registry.domain.Site.AddressChange;
import com.acme.rma.registry.domain.Site.LockAttempt;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SiteTest {

  private static final Instant T0 = Instant.parse("2026-05-01T00:00:00Z");
  private static final Instant T1 = T0.plus(Duration.ofHours(1));
  private static final Address MARUNOUCHI =
      new Address(
          "1-1 Marunouchi", "Floor 12", "Chiyoda-ku", "Tokyo", "100-0005", "JP", 35.6812, 139.7671);
  private static final Address OTEMACHI =
      new Address("2-2 Otemachi", null, "Chiyoda-ku", "Tokyo", "100-0004", "JP", 35.6850, 139.7528);
  private static final GoldPlus ELIGIBLE = new GoldPlus.Eligible("SC-TYO-1", 12.4);

  @Test
  void theFirstRegistrationIsVersionOne() {
    Site site = Site.register("SN-1", MARUNOUCHI, T0);
    assertEquals(1, site.version());
    assertEquals(T0, site.updatedAt());
    assertTrue(site.currentLock().isEmpty());
  }

  @Test
  void aDifferentAddressIsANewVersion() {
    Site site = Site.register("SN-1", MARUNOUCHI, T0);

    AddressChange change = site.changeAddress(OTEMACHI, T1);

    Site changed = assertInstanceOf(AddressChange.Changed.class, change).site();
    assertEquals(2, changed.version());
    assertEquals(OTEMACHI, changed.address());
    assertEquals(T1, changed.updatedAt());
  }

  @Test
  void theSameAddressAgainIsNoNewVersion() {
    Site site = Site.register("SN-1", MARUNOUCHI, T0);
    Address same =
        new Address(
            "1-1 Marunouchi",
            "Floor 12",
            "Chiyoda-ku",
            "Tokyo",
            "100-0005",
            "JP",
            35.6812,
            139.7671);

    AddressChange change = site.changeAddress(same, T1);

    assertSame(site, assertInstanceOf(AddressChange.Unchanged.class, change).site());
  }

  @Test
  void aMovedPinIsAChangeEvenWithTheSameText() {
    Site site = Site.register("SN-1", MARUNOUCHI, T0);
    Address moved =
        new Address(
            "1-1 Marunouchi",
            "Floor 12",
            "Chiyoda-ku",
            "Tokyo",
            "100-0005",
            "JP",
            35.6813,
            139.7671);

    assertInstanceOf(AddressChange.Changed.class, site.changeAddress(moved, T1));
  }

  @Test
  void aLockHoldsTheCurrentVersionWithTheDecisionOfThatMoment() {
    Site site = changed(Site.register("SN-1", MARUNOUCHI, T0), OTEMACHI);

    LockAttempt attempt = site.lockFor("RMA-2026-000042", T1, ELIGIBLE);

    LockAttempt.Locked locked = assertInstanceOf(LockAttempt.Locked.class, attempt);
    assertEquals(new SiteLock("RMA-2026-000042", T1, 2, ELIGIBLE), locked.lock());
    assertEquals(locked.lock(), locked.site().lock());
    assertEquals(2, locked.site().version());
  }

  @Test
  void lockingAgainForTheSameRmaAnswersTheSameLock() {
    Site locked = lock(Site.register("SN-1", MARUNOUCHI, T0), "RMA-1");

    LockAttempt again =
        locked.lockFor(
            "RMA-1",
            T1.plusSeconds(60),
            new GoldPlus.NotEligible(GoldPlus.Reason.OUT_OF_SERVICE_AREA, null));

    assertEquals(locked.lock(), assertInstanceOf(LockAttempt.AlreadyLocked.class, again).lock());
  }

  @Test
  void anotherRmaCannotTakeAHeldLock() {
    Site locked = lock(Site.register("SN-1", MARUNOUCHI, T0), "RMA-1");

    LockAttempt attempt = locked.lockFor("RMA-2", T1, ELIGIBLE);

    assertEquals(
        "RMA-1", assertInstanceOf(LockAttempt.HeldByOther.class, attempt).holder().rmaNumber());
  }

  @Test
  void aDifferentAddressIsRefusedWhileLockedNamingTheHolder() {
    Site locked = lock(Site.register("SN-1", MARUNOUCHI, T0), "RMA-1");

    AddressChange change = locked.changeAddress(OTEMACHI, T1);

    assertEquals(
        "RMA-1", assertInstanceOf(AddressChange.Refused.class, change).holder().rmaNumber());
  }

  @Test
  void theSameAddressWhileLockedChangesNothingAndIsNotRefused() {
    Site locked = lock(Site.register("SN-1", MARUNOUCHI, T0), "RMA-1");

    assertInstanceOf(AddressChange.Unchanged.class, locked.changeAddress(MARUNOUCHI, T1));
  }

  @Test
  void theHolderReleasesTheLockAndTheAddressMayChangeAgain() {
    Site locked = lock(Site.register("SN-1", MARUNOUCHI, T0), "RMA-1");

    Site released = locked.releaseFor("RMA-1").orElseThrow();

    assertNull(released.lock());
    assertEquals(1, released.version());
    assertInstanceOf(AddressChange.Changed.class, released.changeAddress(OTEMACHI, T1));
  }

  @Test
  void aReleaseForAnRmaThatHoldsNothingChangesNothing() {
    Site site = Site.register("SN-1", MARUNOUCHI, T0);
    Site locked = lock(site, "RMA-1");

    assertTrue(site.releaseFor("RMA-1").isEmpty());
    assertTrue(locked.releaseFor("RMA-2").isEmpty());
  }

  private static Site changed(Site site, Address to) {
    return ((AddressChange.Changed) site.changeAddress(to, T0.plusSeconds(1))).site();
  }

  private static Site lock(Site site, String rma) {
    return ((LockAttempt.Locked) site.lockFor(rma, T1, ELIGIBLE)).site();
  }
}
