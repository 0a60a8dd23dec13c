package com.acme.rma.dispatch.domain;

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
    DispatchPolicy osaka = new DispatchPolicy("DEPOT-JP-OSAKA", Set.of());

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
  void aDestinationThatNeedsAnExportCertificateWaitsOnExportHold() {
    Shipment.Creation creation =
        Shipment.create(order(ServiceLevel.SILVER, SHANGHAI, null), POLICY, CREATED_AT);
    Shipment shipment = creation.shipment();

    assertEquals(ShipmentStatus.EXPORT_HOLD, shipment.status());
    assertTrue(shipment.exportCertificateRequired());
    assertEquals(
        List.of(new HistoryEntry(ShipmentStatus.EXPORT_HOLD, CREATED_AT)), shipment.history());
    assertEquals(2, creation.events().size());
    ShipmentEvent.Created created =
        assertInstanceOf(ShipmentEvent.Created.class, creation.events().get(0));
    assertEquals(ShipmentStatus.EXPORT_HOLD, created.status());
    assertTrue(created.exportCertificateRequired());
    assertEquals(
        new ShipmentEvent.ExportHeld("RMA-2026-000042", ServiceLevel.SILVER, CREATED_AT),
        creation.events().get(1));
  }

  @Test
  void theExportListIsMatchedWithoutRegardToCaseOrSpaces() {
    DispatchPolicy policy = new DispatchPolicy("D", Set.of(" cn ", "ru"));

    assertTrue(policy.requiresExportCertificate("CN"));
    assertTrue(policy.requiresExportCertificate("ru"));
    assertFalse(policy.requiresExportCertificate("JP"));
    assertFalse(policy.requiresExportCertificate(null));
  }

  @Test
  void anEmptyExportListNeverHoldsAShipment() {
    DispatchPolicy none = new DispatchPolicy("DEPOT-JP-CENTRAL", Set.of());

    Shipment shipment =
        Shipment.create(order(ServiceLevel.SILVER, SHANGHAI, null), none, CREATED_AT).shipment();

    assertEquals(ShipmentStatus.CREATED, shipment.status());
    assertFalse(shipment.exportCertificateRequired());
  }

  @Test
  void theWordNoneInsteadOfCountriesHoldsNothing() {
    DispatchPolicy none = new DispatchPolicy("DEPOT-JP-CENTRAL", Set.of("NONE"));

    assertFalse(none.requiresExportCertificate("CN"));
    assertFalse(none.requiresExportCertificate("NO"));
  }
}
