package com.acme.rma.registry.domain;

/**
 * A registered physical address with its position. Two addresses are the same when every field is
 * the same; that is what decides whether a registration changes anything.
 *
 * @param latitude decimal degrees, -90 to 90
 * @param longitude decimal degrees, -180 to 180
 */
public record Address(
    String line1,
    String line2,
    String city,
    String region,
    String postalCode,
    String country,
    double latitude,
    double longitude) {

  public Address {
    if (!Countries.isIsoAlpha2(country)) {
      throw new IllegalArgumentException("not an ISO 3166-1 alpha-2 country: " + country);
    }
    Position.check(latitude, longitude);
  }

  public Position position() {
    return new Position(latitude, longitude);
  }
}
