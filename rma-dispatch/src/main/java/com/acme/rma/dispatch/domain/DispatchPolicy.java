package com.acme.rma.dispatch.domain;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How shipments are set up (rules §5 and the second round's "export hold only across a border"):
 *
 * <ul>
 *   <li>Gold Plus ships from the service center that qualified the address, everything else from
 *       the central depot;
 *   <li>a parcel waits on an export hold only when it leaves one country for another that requires
 *       an export certificate: origin country ≠ destination country, and the destination is listed.
 * </ul>
 *
 * The origin's country: the depot's is configuration; a service center's is the country of the Gold
 * Plus address it ships to, because the registry qualifies an address only with a center in the
 * same country (rules §4) and a Gold Plus RMA always ships to that registered address. So a Gold
 * Plus replacement from a center is never held. The country list is configuration, not a statement
 * of law.
 */
public record DispatchPolicy(
    String depotId, String depotCountry, Set<String> exportCertificateCountries) {

  public DispatchPolicy {
    Objects.requireNonNull(depotId, "depotId");
    depotCountry = normalized(Objects.requireNonNull(depotCountry, "depotCountry"));
    exportCertificateCountries =
        exportCertificateCountries.stream()
            .map(DispatchPolicy::normalized)
            .filter(c -> !c.isEmpty())
            .collect(Collectors.toUnmodifiableSet());
  }

  /** The qualifying center for Gold Plus; the depot otherwise, or when no center is named. */
  public Origin originFor(ServiceLevel level, String serviceCenterId) {
    if (level == ServiceLevel.GOLD_PLUS && serviceCenterId != null && !serviceCenterId.isBlank()) {
      return Origin.serviceCenter(serviceCenterId);
    }
    return Origin.depot(depotId);
  }

  /** The country the parcel of this order leaves from, once its origin is chosen. */
  public String countryOf(Origin origin, ShipmentOrder order) {
    return switch (origin.type()) {
      case DEPOT -> depotCountry;
      case SERVICE_CENTER -> normalized(order.shipTo().country());
    };
  }

  /**
   * Whether a parcel from {@code originCountry} to {@code destinationCountry} needs an export
   * certificate: it crosses a border into a listed country.
   */
  public boolean requiresExportCertificate(String originCountry, String destinationCountry) {
    if (destinationCountry == null) {
      return false;
    }
    String destination = normalized(destinationCountry);
    return exportCertificateCountries.contains(destination)
        && !destination.equals(originCountry == null ? null : normalized(originCountry));
  }

  private static String normalized(String country) {
    return country.trim().toUpperCase(Locale.ROOT);
  }
}
