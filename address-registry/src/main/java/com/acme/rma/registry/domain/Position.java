package com.acme.rma.registry.domain;

/** A point on Earth in decimal degrees. */
public record Position(double latitude, double longitude) {

  public static final double EARTH_RADIUS_MILES = 3958.8;

  public Position {
    check(latitude, longitude);
  }

  static void check(double latitude, double longitude) {
    if (!(latitude >= -90.0 && latitude <= 90.0)) {
      throw new IllegalArgumentException("latitude out of range: " + latitude);
    }
    if (!(longitude >= -180.0 && longitude <= 180.0)) {
      throw new IllegalArgumentException("longitude out of range: " + longitude);
    }
  }

  /** Great-circle distance (haversine, mean Earth radius 3958.8 mi). */
  public double milesTo(Position other) {
    double phi1 = Math.toRadians(latitude);
    double phi2 = Math.toRadians(other.latitude);
    double dPhi = Math.toRadians(other.latitude - latitude);
    double dLambda = Math.toRadians(other.longitude - longitude);
    double a =
        Math.sin(dPhi / 2) * Math.sin(dPhi / 2)
            + Math.cos(phi1) * Math.cos(phi2) * Math.sin(dLambda / 2) * Math.sin(dLambda / 2);
    return 2 * EARTH_RADIUS_MILES * Math.asin(Math.min(1.0, Math.sqrt(a)));
  }
}
