package com.acme.rma.intake.domain;

import java.util.Locale;

/** A postal address with optional coordinates (decimal degrees). */
public record Address(
    String line1,
    String line2,
    String city,
    String region,
    String postalCode,
    String country,
    Double latitude,
    Double longitude) {

  private static final double COORDINATE_TOLERANCE = 1e-6;

  /**
   * Whether this address (typically a request's {@code shipTo}) names the same place as {@code
   * registered}: postal fields compared ignoring case and surrounding or repeated blanks, an absent
   * optional line equal to an empty one; coordinates compared only when this address gives them.
   */
  public boolean sameAs(Address registered) {
    return same(line1, registered.line1)
        && same(line2, registered.line2)
        && same(city, registered.city)
        && same(region, registered.region)
        && same(postalCode, registered.postalCode)
        && same(country, registered.country)
        && sameCoordinate(latitude, registered.latitude)
        && sameCoordinate(longitude, registered.longitude);
  }

  private static boolean same(String a, String b) {
    return normalized(a).equals(normalized(b));
  }

  private static String normalized(String text) {
    return text == null ? "" : text.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }

  private static boolean sameCoordinate(Double given, Double registered) {
    return given == null
        || registered != null && Math.abs(given - registered) <= COORDINATE_TOLERANCE;
  }
}
