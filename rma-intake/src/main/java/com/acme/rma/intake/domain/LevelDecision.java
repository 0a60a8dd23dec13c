package com.acme.rma.intake.domain;

import com.acme.rma.calendar.sla.ServiceLevel;
import java.util.Optional;
import java.util.Set;

/**
 * The level an RMA is handled at, and why it differs from the requested one (rules §4).
 *
 * @param serviceCenterId the center that ships a Gold Plus replacement; null for every other level
 */
public record LevelDecision(
    ServiceLevel serviceLevel, DowngradeReason downgradeReason, String serviceCenterId) {

  /** Levels other than GOLD_PLUS are handled as requested. */
  public static LevelDecision asRequested(ServiceLevel requested) {
    if (requested == ServiceLevel.GOLD_PLUS) {
      throw new IllegalArgumentException("a Gold Plus request needs the registry's answer");
    }
    return new LevelDecision(requested, null, null);
  }

  /**
   * A Gold Plus request: GOLD_PLUS only when the site is registered, eligible (in the same country
   * as an active service center and within its radius) and the component is not excluded; else GOLD
   * with the first reason that applies — the site's reasons before the component's.
   *
   * @param lock the registry's lock, empty when the appliance has no registered address
   */
  public static LevelDecision goldPlus(
      Optional<SiteLock> lock, Component component, Set<Component> excludedComponents) {
    if (lock.isEmpty()) {
      return gold(DowngradeReason.ADDRESS_NOT_REGISTERED);
    }
    SiteLock site = lock.get();
    if (!site.eligible()) {
      return gold(
          site.ineligibleReason() == null
              ? DowngradeReason.OUT_OF_SERVICE_AREA
              : site.ineligibleReason());
    }
    if (excludedComponents.contains(component)) {
      return gold(DowngradeReason.COMPONENT_EXCLUDED);
    }
    return new LevelDecision(ServiceLevel.GOLD_PLUS, null, site.serviceCenterId());
  }

  private static LevelDecision gold(DowngradeReason reason) {
    return new LevelDecision(ServiceLevel.GOLD, reason, null);
  }
}
