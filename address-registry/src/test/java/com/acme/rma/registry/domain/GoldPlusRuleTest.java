package com.acme.rma.registry.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.rma.registry.domain.GoldPlus.Eligible;
import com.acme.rma.registry.domain.GoldPlus.NotEligible;
import com.acme.rma.registry.domain.GoldPlus.Reason;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class GoldPlusRuleTest {

  private static final Instant NOW = Instant.parse("2026-05-01T00:00:00Z");
  private static final Instant LONG_AGO = Instant.parse("2020-01-01T00:00:00Z");
  private static final double MILES_PER_DEGREE_OF_LATITUDE =
      Position.EARTH_RADIUS_MILES * Math.PI / 180.0;

  // Tokyo Station and the Empire State Building, far from any border
  private static final Position TOKYO = new Position(35.6812, 139.7671);
  private static final Position NEW_YORK = new Position(40.7484, -73.9857);

  @Test
  void eligibleJustInsideFiftyMilesOutsideTheUnitedStates() {
    Address site = address("JP", north(TOKYO, 49.99));
    assertDistanceBetween(site, TOKYO, 49.98, 50.0);

    GoldPlus decision = GoldPlusRule.decide(site, List.of(active("SC-TYO", "JP", TOKYO)), NOW);

    assertEquals(new Eligible("SC-TYO", 50.0), decision);
  }

  @Test
  void outOfServiceAreaJustBeyondFiftyMilesOutsideTheUnitedStates() {
    Address site = address("JP", north(TOKYO, 50.01));
    assertDistanceBetween(site, TOKYO, 50.0, 50.02);

    GoldPlus decision = GoldPlusRule.decide(site, List.of(active("SC-TYO", "JP", TOKYO)), NOW);

    assertEquals(new NotEligible(Reason.OUT_OF_SERVICE_AREA, null), decision);
  }

  @Test
  void eligibleJustInsideSeventyMilesInTheUnitedStates() {
    Address site = address("US", north(NEW_YORK, 69.99));
    assertDistanceBetween(site, NEW_YORK, 69.98, 70.0);

    GoldPlus decision = GoldPlusRule.decide(site, List.of(active("SC-NYC", "US", NEW_YORK)), NOW);

    assertEquals(new Eligible("SC-NYC", 70.0), decision);
  }

  @Test
  void outOfServiceAreaJustBeyondSeventyMilesInTheUnitedStates() {
    Address site = address("US", north(NEW_YORK, 70.01));
    assertDistanceBetween(site, NEW_YORK, 70.0, 70.02);

    GoldPlus decision = GoldPlusRule.decide(site, List.of(active("SC-NYC", "US", NEW_YORK)), NOW);

    assertEquals(new NotEligible(Reason.OUT_OF_SERVICE_AREA, null), decision);
  }

  @Test
  void sixtyMilesQualifiesInTheUnitedStatesButNotInJapan() {
    Address american = address("US", north(NEW_YORK, 60));
    Address japanese = address("JP", north(TOKYO, 60));
    List<ServiceCenter> centers =
        List.of(active("SC-NYC", "US", NEW_YORK), active("SC-TYO", "JP", TOKYO));

    assertTrue(GoldPlusRule.decide(american, centers, NOW).eligible());
    assertFalse(GoldPlusRule.decide(japanese, centers, NOW).eligible());
  }

  @Test
  void theLimitItselfStillQualifies() {
    assertTrue(GoldPlusRule.withinLimit("JP", 50.0));
    assertFalse(GoldPlusRule.withinLimit("JP", Math.nextUp(50.0)));
    assertTrue(GoldPlusRule.withinLimit("US", 70.0));
    assertFalse(GoldPlusRule.withinLimit("US", Math.nextUp(70.0)));
    assertEquals(50.0, GoldPlusRule.limitMiles("CA"));
  }

  @Test
  void canadianAddressTenMilesFromAnAmericanCenterIsNotEligible() {
    // Detroit, and a Windsor (Ontario) address ten miles north of it across the river
    Position detroit = new Position(42.3314, -83.0458);
    Address windsor = address("CA", north(detroit, 10));

    GoldPlus decision = GoldPlusRule.decide(windsor, List.of(active("SC-DTW", "US", detroit)), NOW);

    assertEquals(new NotEligible(Reason.OUT_OF_SERVICE_AREA, null), decision);
  }

  @Test
  void theSameCountryCenterServesEvenWhenAForeignOneIsCloser() {
    Position detroit = new Position(42.3314, -83.0458);
    Address windsor = address("CA", north(detroit, 10));
    Position toronto = north(detroit, 40);

    GoldPlus decision =
        GoldPlusRule.decide(
            windsor,
            List.of(active("SC-DTW", "US", detroit), active("SC-YYZ", "CA", toronto)),
            NOW);

    assertEquals(new Eligible("SC-YYZ", 30.0), decision);
  }

  @Test
  void theNearestActiveCenterServesWithItsDistanceRoundedToATenthOfAMile() {
    Address site = address("JP", north(TOKYO, 12.44));
    List<ServiceCenter> centers =
        List.of(active("SC-FAR", "JP", north(TOKYO, 40)), active("SC-TYO", "JP", TOKYO));

    assertEquals(new Eligible("SC-TYO", 12.4), GoldPlusRule.decide(site, centers, NOW));
  }

  @Test
  void equallyNearCentersAreDecidedByTheSmallerId() {
    Address site = address("JP", TOKYO);
    List<ServiceCenter> centers =
        List.of(
            active("SC-B", "JP", north(TOKYO, 5)),
            active("SC-A", "JP", north(TOKYO, -5)),
            active("SC-C", "JP", north(TOKYO, 5)));

    assertEquals("SC-A", ((Eligible) GoldPlusRule.decide(site, centers, NOW)).serviceCenterId());
  }

  @Test
  void aPendingCenterThatWouldQualifyMakesTheSitePendingFromItsOpening() {
    Instant opening = NOW.plus(Duration.ofDays(42));
    Address site = address("JP", north(TOKYO, 20));

    GoldPlus decision =
        GoldPlusRule.decide(site, List.of(center("SC-NEW", "JP", TOKYO, opening)), NOW);

    assertEquals(new NotEligible(Reason.SERVICE_CENTER_PENDING, opening), decision);
  }

  @Test
  void theEarliestQualifyingOpeningIsTheEffectiveDate() {
    Instant sooner = NOW.plus(Duration.ofDays(30));
    Instant later = NOW.plus(Duration.ofDays(90));
    Address site = address("JP", TOKYO);
    List<ServiceCenter> centers =
        List.of(
            center("SC-LATER", "JP", north(TOKYO, 1), later),
            center("SC-SOONER", "JP", north(TOKYO, 45), sooner),
            center("SC-TOO-FAR", "JP", north(TOKYO, 80), NOW.plus(Duration.ofDays(1))));

    assertEquals(
        new NotEligible(Reason.SERVICE_CENTER_PENDING, sooner),
        GoldPlusRule.decide(site, centers, NOW));
  }

  @Test
  void aPendingCenterServesFromTheInstantItsActiveFromArrives() {
    Instant opening = Instant.parse("2026-06-12T00:00:00Z");
    Address site = address("JP", north(TOKYO, 20));
    List<ServiceCenter> centers = List.of(center("SC-NEW", "JP", TOKYO, opening));

    assertEquals(
        new NotEligible(Reason.SERVICE_CENTER_PENDING, opening),
        GoldPlusRule.decide(site, centers, opening.minusNanos(1)));
    assertEquals(new Eligible("SC-NEW", 20.0), GoldPlusRule.decide(site, centers, opening));
  }

  @Test
  void anActiveCenterInRangeWinsOverACloserPendingOne() {
    Address site = address("JP", TOKYO);
    List<ServiceCenter> centers =
        List.of(
            center("SC-NEW", "JP", north(TOKYO, 1), NOW.plus(Duration.ofDays(10))),
            active("SC-OLD", "JP", north(TOKYO, 30)));

    assertEquals(new Eligible("SC-OLD", 30.0), GoldPlusRule.decide(site, centers, NOW));
  }

  @Test
  void aPendingCenterOutOfRangeOrAbroadLeavesTheSiteOutOfTheServiceArea() {
    Address site = address("JP", TOKYO);
    List<ServiceCenter> centers =
        List.of(
            center("SC-FAR", "JP", north(TOKYO, 51), NOW.plus(Duration.ofDays(10))),
            center("SC-KR", "KR", north(TOKYO, 5), NOW.plus(Duration.ofDays(10))));

    assertEquals(
        new NotEligible(Reason.OUT_OF_SERVICE_AREA, null), GoldPlusRule.decide(site, centers, NOW));
  }

  @Test
  void noCenterAtAllMeansOutOfTheServiceArea() {
    assertEquals(
        new NotEligible(Reason.OUT_OF_SERVICE_AREA, null),
        GoldPlusRule.decide(address("JP", TOKYO), List.of(), NOW));
  }

  /** A position the given number of miles due north (negative: south) along the meridian. */
  static Position north(Position from, double miles) {
    return new Position(from.latitude() + miles / MILES_PER_DEGREE_OF_LATITUDE, from.longitude());
  }

  static Address address(String country, Position at) {
    return new Address(
        "1 Test Street", null, "Test City", null, "00000", country, at.latitude(), at.longitude());
  }

  private static ServiceCenter active(String id, String country, Position at) {
    return center(id, country, at, LONG_AGO);
  }

  private static ServiceCenter center(String id, String country, Position at, Instant from) {
    return new ServiceCenter(id, id + " service center", country, at, from);
  }

  private static void assertDistanceBetween(
      Address site, Position center, double above, double below) {
    double miles = site.position().milesTo(center);
    assertTrue(miles > above && miles < below, "distance " + miles);
  }
}
