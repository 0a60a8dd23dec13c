package com.acme.rma.dispatch.domain;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How shipments are set up (rules §5): Gold Plus ships from the service center that qualified the
 * address, everything else from the central depot; destinations in the listed countries wait on an
 * export hold. The country list is configuration, not a statement of law.
 */
public record DispatchPolicy(String depotId, Set<String> exportCertificateCountries) {

  public DispatchPolicy {
    Objects.requireNonNull(depotId, "depotId");
    exportCertificateCountries =
        exportCertificateCountries.stream()
            .map(String::trim)
            .filter(c -> !c.isEmpty())
            .map(c -> c.toUpperCase(Locale.ROOT))
            .collect(Collectors.toUnmodifiableSet());
  }

  /** The qualifying center for Gold Plus; the depot otherwise, or when no center is named. */
  public Origin originFor(ServiceLevel level, String serviceCenterId) {
    if (level == ServiceLevel.GOLD_PLUS && serviceCenterId != null && !serviceCenterId.isBlank()) {
      return Origin.serviceCenter(serviceCenterId);
    }
    return Origin.depot(depotId);
  }

  public boolean requiresExportCertificate(String country) {
    return country != null && exportCertificateCountries.contains(country.toUpperCase(Locale.ROOT));
  }
}
