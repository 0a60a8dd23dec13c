package com.acme.rma.intake.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ShipToDecisionTest {

  private static final Address REGISTERED =
      new Address(
          "1-1 Marunouchi", "Floor 12", "Chiyoda-ku", "Tokyo", "100-0005", "JP", 35.6812, 139.7671);
  private static final Address ELSEWHERE =
      new Address("2-2 Umeda", null, "Osaka", null, "530-0001", "JP", null, null);

  @Test
  void shipsToTheRegisteredAddressWhenTheRequestNamesNone() {
    assertEquals(new ShipToDecision.ShipTo(REGISTERED), ShipToDecision.decide(REGISTERED, null));
  }

  @Test
  void acceptsAShipToThatIsTheRegisteredAddressWrittenDifferently() {
    Address same =
        new Address(
            " 1-1  MARUNOUCHI ", "floor 12", "Chiyoda-ku", "TOKYO", "100-0005", "JP", null, null);
    assertEquals(new ShipToDecision.ShipTo(REGISTERED), ShipToDecision.decide(REGISTERED, same));
  }

  @Test
  void refusesAShipToThatDiffersFromTheRegisteredAddress() {
    assertEquals(
        new ShipToDecision.ChangeNotAccepted(REGISTERED),
        ShipToDecision.decide(REGISTERED, ELSEWHERE));
    Address otherFloor =
        new Address(
            "1-1 Marunouchi", "Floor 13", "Chiyoda-ku", "Tokyo", "100-0005", "JP", null, null);
    assertEquals(
        new ShipToDecision.ChangeNotAccepted(REGISTERED),
        ShipToDecision.decide(REGISTERED, otherFloor));
  }

  @Test
  void refusesAShipToWhoseCoordinatesDifferFromTheRegisteredOnes() {
    Address moved =
        new Address(
            "1-1 Marunouchi", "Floor 12", "Chiyoda-ku", "Tokyo", "100-0005", "JP", 35.70, 139.7671);
    assertEquals(
        new ShipToDecision.ChangeNotAccepted(REGISTERED), ShipToDecision.decide(REGISTERED, moved));
  }

  @Test
  void requiresAShipToWhenNoAddressIsRegistered() {
    assertEquals(new ShipToDecision.Required(), ShipToDecision.decide(null, null));
  }

  @Test
  void shipsToTheRequestedAddressWhenNoneIsRegistered() {
    assertEquals(new ShipToDecision.ShipTo(ELSEWHERE), ShipToDecision.decide(null, ELSEWHERE));
  }
}
