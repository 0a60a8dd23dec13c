package com.acme.rma.intake.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.acme.rma.calendar.sla.ServiceLevel;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LevelDecisionTest {

  private static final Set<Component> EXCLUDED = Set.of(Component.TRANSCEIVER, Component.OTHER);
  private static final Address SITE =
      new Address("1-1 Marunouchi", null, "Chiyoda-ku", "Tokyo", "100-0005", "JP", 35.68, 139.76);

  private static Optional<SiteLock> site(boolean eligible, DowngradeReason reason) {
    return Optional.of(
        new SiteLock("RMA-2026-000001", SITE, 3, eligible, eligible ? "SC-TYO-1" : null, reason));
  }

  @Test
  void keepsGoldPlusForAnEligibleSiteAndComponentShippingFromItsServiceCenter() {
    assertEquals(
        new LevelDecision(ServiceLevel.GOLD_PLUS, null, "SC-TYO-1"),
        LevelDecision.goldPlus(site(true, null), Component.POWER_SUPPLY, EXCLUDED));
  }

  @Test
  void downgradesToGoldWhenTheAddressIsNotRegistered() {
    assertEquals(
        new LevelDecision(ServiceLevel.GOLD, DowngradeReason.ADDRESS_NOT_REGISTERED, null),
        LevelDecision.goldPlus(Optional.empty(), Component.POWER_SUPPLY, EXCLUDED));
  }

  @Test
  void downgradesToGoldWhenTheSiteIsOutsideTheServiceArea() {
    assertEquals(
        new LevelDecision(ServiceLevel.GOLD, DowngradeReason.OUT_OF_SERVICE_AREA, null),
        LevelDecision.goldPlus(
            site(false, DowngradeReason.OUT_OF_SERVICE_AREA), Component.FAN, EXCLUDED));
  }

  @Test
  void downgradesToGoldWhileTheServiceCenterIsPending() {
    assertEquals(
        new LevelDecision(ServiceLevel.GOLD, DowngradeReason.SERVICE_CENTER_PENDING, null),
        LevelDecision.goldPlus(
            site(false, DowngradeReason.SERVICE_CENTER_PENDING), Component.FAN, EXCLUDED));
  }

  @Test
  void downgradesToGoldForAnExcludedComponent() {
    assertEquals(
        new LevelDecision(ServiceLevel.GOLD, DowngradeReason.COMPONENT_EXCLUDED, null),
        LevelDecision.goldPlus(site(true, null), Component.TRANSCEIVER, EXCLUDED));
    assertEquals(
        ServiceLevel.GOLD_PLUS,
        LevelDecision.goldPlus(site(true, null), Component.TRANSCEIVER, Set.of()).serviceLevel());
  }

  @Test
  void namesTheSitesReasonBeforeTheComponents() {
    assertEquals(
        DowngradeReason.OUT_OF_SERVICE_AREA,
        LevelDecision.goldPlus(
                site(false, DowngradeReason.OUT_OF_SERVICE_AREA), Component.OTHER, EXCLUDED)
            .downgradeReason());
  }

  @Test
  void readsAnIneligibleSiteWithoutReasonAsOutOfServiceArea() {
    assertEquals(
        DowngradeReason.OUT_OF_SERVICE_AREA,
        LevelDecision.goldPlus(site(false, null), Component.FAN, EXCLUDED).downgradeReason());
  }

  @Test
  void handlesOtherLevelsAsRequestedWithoutServiceCenter() {
    assertEquals(
        new LevelDecision(ServiceLevel.SILVER, null, null),
        LevelDecision.asRequested(ServiceLevel.SILVER));
    assertThrows(
        IllegalArgumentException.class, () -> LevelDecision.asRequested(ServiceLevel.GOLD_PLUS));
  }
}
