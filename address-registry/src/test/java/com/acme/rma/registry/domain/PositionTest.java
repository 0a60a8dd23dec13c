package com.acme.rma.registry.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PositionTest {

  private static final Position TOKYO = new Position(35.6812, 139.7671);
  private static final Position OSAKA = new Position(34.7025, 135.4959);

  @Test
  void measuresTokyoToOsakaAsAboutTwoHundredFiftyMiles() {
    assertEquals(250.4, TOKYO.milesTo(OSAKA), 0.5);
    assertEquals(TOKYO.milesTo(OSAKA), OSAKA.milesTo(TOKYO), 1e-9);
  }

  @Test
  void oneDegreeOfLatitudeIsSixtyNinePointZeroNineMiles() {
    Position a = new Position(10.0, 20.0);
    Position b = new Position(11.0, 20.0);
    assertEquals(69.094, a.milesTo(b), 0.001);
  }

  @Test
  void antipodesAreHalfTheCircumferenceApart() {
    assertEquals(
        Math.PI * Position.EARTH_RADIUS_MILES,
        new Position(0, 0).milesTo(new Position(0, 180)),
        1e-6);
    assertEquals(0.0, TOKYO.milesTo(TOKYO), 1e-9);
  }

  @Test
  void refusesLatitudesAndLongitudesOutsideTheirRanges() {
    new Position(90, 180);
    new Position(-90, -180);
    assertThrows(IllegalArgumentException.class, () -> new Position(90.0001, 0));
    assertThrows(IllegalArgumentException.class, () -> new Position(-90.0001, 0));
    assertThrows(IllegalArgumentException.class, () -> new Position(0, 180.0001));
    assertThrows(IllegalArgumentException.class, () -> new Position(0, -180.0001));
    assertThrows(IllegalArgumentException.class, () -> new Position(Double.NaN, 0));
  }

  @Test
  void knowsIsoCountryCodesInUpperCaseOnly() {
    assertEquals(true, Countries.isIsoAlpha2("JP"));
    assertEquals(true, Countries.isIsoAlpha2("US"));
    assertEquals(false, Countries.isIsoAlpha2("jp"));
    assertEquals(false, Countries.isIsoAlpha2("XX"));
    assertEquals(false, Countries.isIsoAlpha2("JPN"));
    assertEquals(false, Countries.isIsoAlpha2(null));
  }
}
