package com.acme.rma.dispatch.domain;

import static com.acme.rma.dispatch.domain.Fixtures.AUTHORIZED;
import static com.acme.rma.dispatch.domain.Fixtures.CREATED_AT;
import static com.acme.rma.dispatch.domain.Fixtures.POLICY;
import static com.acme.rma.dispatch.domain.Fixtures.SHANGHAI;
import static com.acme.rma.dispatch.domain.Fixtures.TOKYO;
import static com.acme.rma.dispatch.domain.Fixtures.order;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ShipmentCreationTest {

  @Test
  void goldPlusShipsFromTheServiceCenterThatQualifiedTheAddress() {
    Shipment shipment =
        Shipment.create(order(ServiceLevel.GOLD_PLUS, TOKYO, "SC-TYO-1"), POLICY, CREATED_AT)
            .shipment();

    assertEquals(Origin.serviceCenter("SC-TYO-1"), shipment.origin());
  }

  @ParameterizedTest
  @EnumSource(
      value = ServiceLevel.class,
      names = {"GOLD", "SILVER", "BRONZE", "WARRANTY"})
  void everyOtherLevelShipsFromTheCentralDepotEvenWhenACenterIsNamed(ServiceLevel level) {
    Shipment shipment =
        Shipment.create(order(level, TOKYO, "SC-TYO-1"), POLICY, CREATED_AT).shipment();

    assertEquals(Origin.depot("DEPOT-JP-CENTRAL"), shipment.origin());
  }

  @Test
  void goldPlusWithoutAServiceCenterShipsFromTheDepot() {
    Shipment shipment =
        Shipment.create(order(ServiceLevel.GOLD_PLUS, TOKYO, null), POLICY, CREATED_AT).shipment();
    Shipment blank =
        Shipment.create(order(ServiceLevel.GOLD_PLUS, TOKYO, " "), POLICY, CREATED_AT).shipment();

    assertEquals(Origin.depot("DEPOT-JP-CENTRAL"), shipment.origin());
    assertEquals(Origin.depot("DEPOT-JP-CENTRAL"), blank.origin());
  }

  @Test
  void theDepotIsConfigurable() {
    DispatchPolicy osaka = new DispatchPolicy("DEPOT-JP-OSAKA", "JP", Set.of());

    Shipment shipment =
        Shipment.create(order(ServiceLevel.BRONZE, TOKYO, null), osaka, CREATED_AT).shipment();

    assertEquals(Origin.depot("DEPOT-JP-OSAKA"), shipment.origin());
  }

  @Test
  void aDestinationOutsideTheExportListIsCreatedReadyToShip() {
    Shipment.Creation creation =
        Shipment.create(order(ServiceLevel.GOLD, TOKYO, null), POLICY, CREATED_AT);
    Shipment shipment = creation.shipment();

    assertEquals(ShipmentStatus.CREATED, shipment.status());
    assertFalse(shipment.exportCertificateRequired());
    assertEquals(TOKYO, shipment.shipTo());
    assertEquals(CREATED_AT, shipment.createdAt());
    assertNull(shipment.shippedAt());
    assertNull(shipment.deliveredAt());
    assertEquals(List.of(new HistoryEntry(ShipmentStatus.CREATED, CREATED_AT)), shipment.history());
    assertEquals(
        List.of(
            new ShipmentEvent.Created(
                "RMA-2026-000042",
                ServiceLevel.GOLD,
                ShipmentStatus.CREATED,
                CREATED_AT,
                Origin.depot("DEPOT-JP-CENTRAL"),
                TOKYO,
                false)),
        creation.events());
  }

  @Test
  void aParcelFromTheDepotToACertificateCountryWaitsOnExportHoldFromTheAuthorization() {
    Shipment.Creation creation =
        Shipment.create(order(ServiceLevel.SILVER, SHANGHAI, null), POLICY, CREATED_AT);
    Shipment shipment = creation.shipment();

    assertEquals(ShipmentStatus.EXPORT_HOLD, shipment.status());
    assertTrue(shipment.exportCertificateRequired());
    assertEquals(CREATED_AT, shipment.createdAt());
    assertEquals(
        List.of(new HistoryEntry(ShipmentStatus.EXPORT_HOLD, AUTHORIZED)), shipment.history());
    assertEquals(2, creation.events().size());
    ShipmentEvent.Created created =
        assertInstanceOf(ShipmentEvent.Created.class, creation.events().get(0));
    assertEquals(ShipmentStatus.EXPORT_HOLD, created.status());
    assertEquals(CREATED_AT, created.occurredAt());
    assertTrue(created.exportCertificateRequired());
    assertEquals(
        new ShipmentEvent.ExportHeld("RMA-2026-000042", ServiceLevel.SILVER, AUTHORIZED),
        creation.events().get(1));
  }

  @Test
  void aGoldPlusReplacementFromACenterInTheDestinationCountryIsNeverHeld() {
    Shipment.Creation creation =
        Shipment.create(order(ServiceLevel.GOLD_PLUS, SHANGHAI, "SC-SHA-1"), POLICY, CREATED_AT);

    assertEquals(Origin.serviceCenter("SC-SHA-1"), creation.shipment().origin());
    assertEquals(ShipmentStatus.CREATED, creation.shipment().status());
    assertFalse(creation.shipment().exportCertificateRequired());
    assertEquals(1, creation.events().size());
  }

  @Test
  void aDowngradedGoldPlusToACertificateCountryLeavesTheDepotAndIsHeld() {
    Shipment shipment =
        Shipment.create(order(ServiceLevel.GOLD, SHANGHAI, null), POLICY, CREATED_AT).shipment();

    assertEquals(Origin.depot("DEPOT-JP-CENTRAL"), shipment.origin());
    assertEquals(ShipmentStatus.EXPORT_HOLD, shipment.status());
  }

  @Test
  void aDepotInTheDestinationCountryShipsWithoutAHold() {
    DispatchPolicy shanghaiDepot = new DispatchPolicy("DEPOT-CN-SHA", "CN", Set.of("CN"));

    Shipment shipment =
        Shipment.create(order(ServiceLevel.BRONZE, SHANGHAI, null), shanghaiDepot, CREATED_AT)
            .shipment();

    assertEquals(ShipmentStatus.CREATED, shipment.status());
    assertFalse(shipment.exportCertificateRequired());
  }

  @Test
  void aParcelLeavingACertificateCountryForAnotherCountryIsHeldOnlyIfTheDestinationIsListed() {
    DispatchPolicy shanghaiDepot = new DispatchPolicy("DEPOT-CN-SHA", "CN", Set.of("CN", "RU"));

    assertEquals(
        ShipmentStatus.CREATED,
        Shipment.create(order(ServiceLevel.GOLD, TOKYO, null), shanghaiDepot, CREATED_AT)
            .shipment()
            .status());
    assertTrue(shanghaiDepot.requiresExportCertificate("CN", "RU"));
  }

  @Test
  void theCertificateIsNeededOnlyAcrossABorderIntoAListedCountry() {
    DispatchPolicy policy = new DispatchPolicy("D", "JP", Set.of(" cn ", "ru"));

    assertTrue(policy.requiresExportCertificate("JP", "CN"));
    assertTrue(policy.requiresExportCertificate("jp", "ru"));
    assertTrue(policy.requiresExportCertificate(null, "CN"));
    assertFalse(policy.requiresExportCertificate("CN", "CN"));
    assertFalse(policy.requiresExportCertificate(" cn", "CN "));
    assertFalse(policy.requiresExportCertificate("CN", "JP"));
    assertFalse(policy.requiresExportCertificate("JP", null));
  }

  @Test
  void theOriginsCountryIsTheDepotsConfiguredOneOrTheGoldPlusAddresssOwn() {
    DispatchPolicy policy = new DispatchPolicy("D", "jp", Set.of());

    assertEquals(
        "JP", policy.countryOf(Origin.depot("D"), order(ServiceLevel.GOLD, SHANGHAI, null)));
    assertEquals(
        "CN",
        policy.countryOf(
            Origin.serviceCenter("SC-SHA-1"), order(ServiceLevel.GOLD_PLUS, SHANGHAI, "SC-SHA-1")));
  }

  @Test
  void anEmptyExportListNeverHoldsAShipment() {
    DispatchPolicy none = new DispatchPolicy("DEPOT-JP-CENTRAL", "JP", Set.of());

    Shipment shipment =
        Shipment.create(order(ServiceLevel.SILVER, SHANGHAI, null), none, CREATED_AT).shipment();

    assertEquals(ShipmentStatus.CREATED, shipment.status());
    assertFalse(shipment.exportCertificateRequired());
  }

  @Test
  void theWordNoneInsteadOfCountriesHoldsNothing() {
    DispatchPolicy none = new DispatchPolicy("DEPOT-JP-CENTRAL", "JP", Set.of("NONE"));

    assertFalse(none.requiresExportCertificate("JP", "CN"));
    assertFalse(none.requiresExportCertificate("JP", "NO"));
  }
}
