package com.acme.rma.registry.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A service center Gold Plus replacements ship from. It is pending until {@code activeFrom} and
 * active from that instant on.
 */
public record ServiceCenter(
    String id, String name, String country, Position position, Instant activeFrom) {

  public ServiceCenter {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(position, "position");
    Objects.requireNonNull(activeFrom, "activeFrom");
    if (!Countries.isIsoAlpha2(country)) {
      throw new IllegalArgumentException("not an ISO 3166-1 alpha-2 country: " + country);
    }
  }

  public boolean isActiveAt(Instant now) {
    return !activeFrom.isAfter(now);
  }
}
