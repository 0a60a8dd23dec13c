package com.acme.rma.registry.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Rules §4: Gold Plus applies only where the address is in the same country as an active service
 * center and within 70 miles of it in the United States, 50 miles elsewhere (great-circle distance,
 * limit inclusive). Until a center that would qualify is established, the answer is
 * SERVICE_CENTER_PENDING with the earliest opening.
 */
public final class GoldPlusRule {

  public static final double US_LIMIT_MILES = 70.0;
  public static final double ELSEWHERE_LIMIT_MILES = 50.0;

  private GoldPlusRule() {}

  public static double limitMiles(String country) {
    return "US".equals(country) ? US_LIMIT_MILES : ELSEWHERE_LIMIT_MILES;
  }

  public static boolean withinLimit(String country, double miles) {
    return miles <= limitMiles(country);
  }

  /** The decision for this address at this instant, given every known center (any country). */
  public static GoldPlus decide(Address address, Collection<ServiceCenter> centers, Instant now) {
    Position site = address.position();
    String country = address.country();
    ServiceCenter nearest = null;
    double nearestMiles = Double.MAX_VALUE;
    Instant earliestPending = null;
    List<ServiceCenter> ordered =
        centers.stream().sorted(Comparator.comparing(ServiceCenter::id)).toList();
    for (ServiceCenter center : ordered) {
      if (!center.country().equals(country)) {
        continue;
      }
      double miles = site.milesTo(center.position());
      if (!withinLimit(country, miles)) {
        continue;
      }
      if (center.isActiveAt(now)) {
        if (miles < nearestMiles) {
          nearest = center;
          nearestMiles = miles;
        }
      } else if (earliestPending == null || center.activeFrom().isBefore(earliestPending)) {
        earliestPending = center.activeFrom();
      }
    }
    if (nearest != null) {
      return new GoldPlus.Eligible(nearest.id(), roundToTenth(nearestMiles));
    }
    if (earliestPending != null) {
      return new GoldPlus.NotEligible(GoldPlus.Reason.SERVICE_CENTER_PENDING, earliestPending);
    }
    return new GoldPlus.NotEligible(GoldPlus.Reason.OUT_OF_SERVICE_AREA, null);
  }

  static double roundToTenth(double miles) {
    return Math.round(miles * 10.0) / 10.0;
  }
}
