package com.acme.rma.dispatch.domain;

import static com.acme.rma.dispatch.domain.Fixtures.AUTHORIZED;
import static com.acme.rma.dispatch.domain.Fixtures.CLEARED_AT;
import static com.acme.rma.dispatch.domain.Fixtures.CREATED_AT;
import static com.acme.rma.dispatch.domain.Fixtures.DELIVERED_AT;
import static com.acme.rma.dispatch.domain.Fixtures.FAILED_AT;
import static com.acme.rma.dispatch.domain.Fixtures.SHIPPED_AT;
import static com.acme.rma.dispatch.domain.Fixtures.changed;
import static com.acme.rma.dispatch.domain.Fixtures.report;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CarrierReportTransitionsTest {

  private static final Duration MICRO = Duration.ofNanos(1_000);

  @Nested
  class FromCreated {

    @Test
    void shippedMovesToShippedRecordingCarrierTrackingAndTime() {
      Transition.Changed result =
          assertInstanceOf(
              Transition.Changed.class,
              Fixtures.created()
                  .report(
                      new CarrierReport(
                          CarrierEventType.SHIPPED, SHIPPED_AT, "Yamato Transport", "4901")));
      Shipment shipment = result.shipment();

      assertEquals(ShipmentStatus.SHIPPED, shipment.status());
      assertEquals(SHIPPED_AT, shipment.shippedAt());
      assertEquals("Yamato Transport", shipment.carrier());
      assertEquals("4901", shipment.trackingNumber());
      assertEquals(
          List.of(
              new HistoryEntry(ShipmentStatus.CREATED, CREATED_AT),
              new HistoryEntry(ShipmentStatus.SHIPPED, SHIPPED_AT)),
          shipment.history());
      assertEquals(
          List.of(
              new ShipmentEvent.Shipped(
                  "RMA-2026-000042", ServiceLevel.GOLD, SHIPPED_AT, "Yamato Transport", "4901")),
          result.events());
    }

    @Test
    void deliveredBeforeAnyShipmentRecordsTheImpliedShipmentFirst() {
      Transition.Changed result =
          assertInstanceOf(
              Transition.Changed.class,
              Fixtures.created()
                  .report(
                      new CarrierReport(
                          CarrierEventType.DELIVERED, DELIVERED_AT, "Sagawa", "SG-1")));
      Shipment shipment = result.shipment();

      assertEquals(ShipmentStatus.DELIVERED, shipment.status());
      assertEquals(DELIVERED_AT, shipment.shippedAt());
      assertEquals(DELIVERED_AT, shipment.deliveredAt());
      assertEquals(
          List.of(
              new HistoryEntry(ShipmentStatus.CREATED, CREATED_AT),
              new HistoryEntry(ShipmentStatus.SHIPPED, DELIVERED_AT),
              new HistoryEntry(ShipmentStatus.DELIVERED, DELIVERED_AT)),
          shipment.history());
      assertEquals(
          List.of(
              new ShipmentEvent.Shipped(
                  "RMA-2026-000042", ServiceLevel.GOLD, DELIVERED_AT, "Sagawa", "SG-1"),
              new ShipmentEvent.Delivered(
                  "RMA-2026-000042", ServiceLevel.GOLD, DELIVERED_AT, "Sagawa", "SG-1")),
          result.events());
    }

    @Test
    void deliveryFailedBeforeAnyShipmentRecordsTheImpliedShipmentFirst() {
      Transition.Changed result =
          assertInstanceOf(
              Transition.Changed.class,
              Fixtures.created().report(report(CarrierEventType.DELIVERY_FAILED, FAILED_AT)));

      assertEquals(ShipmentStatus.DELIVERY_FAILED, result.shipment().status());
      assertEquals(FAILED_AT, result.shipment().shippedAt());
      assertNull(result.shipment().deliveredAt());
      assertEquals(
          List.of(ShipmentStatus.SHIPPED, ShipmentStatus.DELIVERY_FAILED),
          result.events().stream().map(ShipmentEvent::status).toList());
    }

    @Test
    void exportClearedIsImpossibleWhenTheShipmentWasNeverHeld() {
      Transition.Refused refused =
          assertInstanceOf(
              Transition.Refused.class,
              Fixtures.created().report(report(CarrierEventType.EXPORT_CLEARED, CLEARED_AT)));

      assertEquals(ShipmentStatus.CREATED, refused.current());
      assertEquals("EXPORT_CLEARED", refused.attempted());
    }
  }

  @Nested
  class FromExportHold {

    @Test
    void exportClearedReleasesTheShipmentToCreated() {
      Transition.Changed result =
          assertInstanceOf(
              Transition.Changed.class,
              Fixtures.onExportHold().report(report(CarrierEventType.EXPORT_CLEARED, CLEARED_AT)));

      assertEquals(ShipmentStatus.CREATED, result.shipment().status());
      assertEquals(
          List.of(
              new HistoryEntry(ShipmentStatus.EXPORT_HOLD, AUTHORIZED),
              new HistoryEntry(ShipmentStatus.CREATED, CLEARED_AT)),
          result.shipment().history());
      assertEquals(
          List.of(
              new ShipmentEvent.ExportCleared("RMA-2026-000042", ServiceLevel.SILVER, CLEARED_AT)),
          result.events());
    }

    @ParameterizedTest
    @EnumSource(
        value = CarrierEventType.class,
        names = {"SHIPPED", "DELIVERED", "DELIVERY_FAILED"})
    void nothingButExportClearedAppliesWhileOnHold(CarrierEventType type) {
      Transition.Refused refused =
          assertInstanceOf(
              Transition.Refused.class, Fixtures.onExportHold().report(report(type, SHIPPED_AT)));

      assertEquals(ShipmentStatus.EXPORT_HOLD, refused.current());
      assertEquals(type.name(), refused.attempted());
    }

    @Test
    void aSecondExportClearedIsARepeat() {
      Shipment cleared = Fixtures.clearedFromExportHold();

      Transition result =
          cleared.report(report(CarrierEventType.EXPORT_CLEARED, CLEARED_AT.plusSeconds(60)));

      assertSame(cleared, assertInstanceOf(Transition.Unchanged.class, result).shipment());
    }

    @Test
    void aClearedShipmentShipsLikeAnyOther() {
      Shipment shipped =
          changed(
              Fixtures.clearedFromExportHold()
                  .report(report(CarrierEventType.SHIPPED, SHIPPED_AT)));

      assertEquals(
          List.of(ShipmentStatus.EXPORT_HOLD, ShipmentStatus.CREATED, ShipmentStatus.SHIPPED),
          shipped.history().stream().map(HistoryEntry::status).toList());
    }

    @ParameterizedTest
    @EnumSource(
        value = ShipmentStatus.class,
        names = {"SHIPPED", "DELIVERY_FAILED", "DELIVERED"})
    void exportClearedLateAfterTheShipmentMovedOnIsARepeat(ShipmentStatus later) {
      Shipment cleared = Fixtures.clearedFromExportHold();
      Shipment movedOn =
          switch (later) {
            case SHIPPED -> changed(cleared.report(report(CarrierEventType.SHIPPED, SHIPPED_AT)));
            case DELIVERY_FAILED ->
                changed(cleared.report(report(CarrierEventType.DELIVERY_FAILED, FAILED_AT)));
            default -> changed(cleared.report(report(CarrierEventType.DELIVERED, DELIVERED_AT)));
          };

      assertInstanceOf(
          Transition.Unchanged.class,
          movedOn.report(report(CarrierEventType.EXPORT_CLEARED, CLEARED_AT)));
    }
  }

  @Nested
  class FromShipped {

    @Test
    void deliveredCompletesTheShipmentKeepingTheCarrier() {
      Transition.Changed result =
          assertInstanceOf(
              Transition.Changed.class,
              Fixtures.shipped().report(report(CarrierEventType.DELIVERED, DELIVERED_AT)));

      assertEquals(ShipmentStatus.DELIVERED, result.shipment().status());
      assertEquals(SHIPPED_AT, result.shipment().shippedAt());
      assertEquals(DELIVERED_AT, result.shipment().deliveredAt());
      assertEquals(
          List.of(
              new ShipmentEvent.Delivered(
                  "RMA-2026-000042",
                  ServiceLevel.GOLD,
                  DELIVERED_AT,
                  "Yamato Transport",
                  "4901-2345-6789")),
          result.events());
    }

    @Test
    void deliveryFailedRecordsTheFailedAttempt() {
      Transition.Changed result =
          assertInstanceOf(
              Transition.Changed.class,
              Fixtures.shipped().report(report(CarrierEventType.DELIVERY_FAILED, FAILED_AT)));

      assertEquals(ShipmentStatus.DELIVERY_FAILED, result.shipment().status());
      assertNull(result.shipment().deliveredAt());
      assertEquals(
          List.of(ShipmentStatus.DELIVERY_FAILED),
          result.events().stream().map(ShipmentEvent::status).toList());
    }

    @Test
    void aSecondShippedIsARepeatThatChangesNothingNotEvenTheCarrier() {
      Shipment shipped = Fixtures.shipped();

      Transition result =
          shipped.report(
              new CarrierReport(
                  CarrierEventType.SHIPPED, SHIPPED_AT.plusSeconds(600), "Other", "OTHER-1"));

      assertSame(shipped, assertInstanceOf(Transition.Unchanged.class, result).shipment());
    }

    @Test
    void exportClearedIsImpossibleWhenTheShipmentWasNeverHeld() {
      assertInstanceOf(
          Transition.Refused.class,
          Fixtures.shipped().report(report(CarrierEventType.EXPORT_CLEARED, CLEARED_AT)));
    }

    @Test
    void anOldFailureReportedAfterTheReDeliveryLeftIsLate() {
      Shipment reShipped =
          changed(
              Fixtures.deliveryFailed()
                  .report(report(CarrierEventType.SHIPPED, FAILED_AT.plusSeconds(3600))));

      assertInstanceOf(
          Transition.Unchanged.class,
          reShipped.report(report(CarrierEventType.DELIVERY_FAILED, FAILED_AT)));
      assertInstanceOf(
          Transition.Changed.class,
          reShipped.report(report(CarrierEventType.DELIVERY_FAILED, FAILED_AT.plus(MICRO))));
    }
  }

  @Nested
  class FromDeliveryFailed {

    @Test
    void aShipmentAfterTheFailureIsAReDelivery() {
      Instant reShippedAt = FAILED_AT.plus(MICRO);
      Transition.Changed result =
          assertInstanceOf(
              Transition.Changed.class,
              Fixtures.deliveryFailed()
                  .report(
                      new CarrierReport(
                          CarrierEventType.SHIPPED, reShippedAt, null, "4901-RETRY")));
      Shipment shipment = result.shipment();

      assertEquals(ShipmentStatus.SHIPPED, shipment.status());
      assertEquals(SHIPPED_AT, shipment.shippedAt(), "the first departure stays the shipping time");
      assertEquals("Yamato Transport", shipment.carrier());
      assertEquals("4901-RETRY", shipment.trackingNumber());
      assertEquals(
          List.of(
              ShipmentStatus.CREATED,
              ShipmentStatus.SHIPPED,
              ShipmentStatus.DELIVERY_FAILED,
              ShipmentStatus.SHIPPED),
          shipment.history().stream().map(HistoryEntry::status).toList());
      assertEquals(
          List.of(
              new ShipmentEvent.Shipped(
                  "RMA-2026-000042",
                  ServiceLevel.GOLD,
                  reShippedAt,
                  "Yamato Transport",
                  "4901-RETRY")),
          result.events());
    }

    @Test
    void aShipmentReportedAtOrBeforeTheFailureIsTheLateFirstShipment() {
      Shipment failed = Fixtures.deliveryFailed();

      assertSame(
          failed,
          assertInstanceOf(
                  Transition.Unchanged.class,
                  failed.report(report(CarrierEventType.SHIPPED, FAILED_AT)))
              .shipment());
      assertInstanceOf(
          Transition.Unchanged.class, failed.report(report(CarrierEventType.SHIPPED, SHIPPED_AT)));
    }

    @Test
    void deliveredWithoutAReportedReDeliveryRecordsTheImpliedReShipment() {
      Transition.Changed result =
          assertInstanceOf(
              Transition.Changed.class,
              Fixtures.deliveryFailed().report(report(CarrierEventType.DELIVERED, DELIVERED_AT)));

      assertEquals(ShipmentStatus.DELIVERED, result.shipment().status());
      assertEquals(SHIPPED_AT, result.shipment().shippedAt());
      assertEquals(DELIVERED_AT, result.shipment().deliveredAt());
      assertEquals(
          List.of(ShipmentStatus.SHIPPED, ShipmentStatus.DELIVERED),
          result.events().stream().map(ShipmentEvent::status).toList());
    }

    @Test
    void aSecondDeliveryFailedIsARepeat() {
      Shipment failed = Fixtures.deliveryFailed();

      assertInstanceOf(
          Transition.Unchanged.class,
          failed.report(report(CarrierEventType.DELIVERY_FAILED, FAILED_AT.plusSeconds(60))));
    }

    @Test
    void exportClearedIsImpossibleWhenTheShipmentWasNeverHeld() {
      assertInstanceOf(
          Transition.Refused.class,
          Fixtures.deliveryFailed().report(report(CarrierEventType.EXPORT_CLEARED, CLEARED_AT)));
    }
  }

  @Nested
  class FromDelivered {

    @Test
    void aSecondDeliveredIsARepeat() {
      Shipment delivered = Fixtures.delivered();

      Transition result =
          delivered.report(report(CarrierEventType.DELIVERED, DELIVERED_AT.plusSeconds(60)));

      assertSame(delivered, assertInstanceOf(Transition.Unchanged.class, result).shipment());
    }

    @Test
    void aShippedArrivingAfterTheDeliveryIsLateAndChangesNothing() {
      Shipment deliveredFirst =
          changed(Fixtures.created().report(report(CarrierEventType.DELIVERED, DELIVERED_AT)));

      Transition result =
          deliveredFirst.report(
              new CarrierReport(CarrierEventType.SHIPPED, SHIPPED_AT, "Yamato", "Y-1"));

      assertSame(deliveredFirst, assertInstanceOf(Transition.Unchanged.class, result).shipment());
      assertEquals(DELIVERED_AT, deliveredFirst.shippedAt());
    }

    @Test
    void aShippedDatedAfterTheDeliveryIsStillLate() {
      assertInstanceOf(
          Transition.Unchanged.class,
          Fixtures.delivered()
              .report(report(CarrierEventType.SHIPPED, DELIVERED_AT.plusSeconds(60))));
    }

    @Test
    void aFailedAttemptAtOrBeforeTheDeliveryIsALateReport() {
      Shipment delivered = Fixtures.delivered();

      assertInstanceOf(
          Transition.Unchanged.class,
          delivered.report(report(CarrierEventType.DELIVERY_FAILED, DELIVERED_AT)));
      assertInstanceOf(
          Transition.Unchanged.class,
          delivered.report(report(CarrierEventType.DELIVERY_FAILED, DELIVERED_AT.minus(MICRO))));
    }

    @Test
    void aFailedAttemptAfterTheDeliveryIsImpossible() {
      Transition.Refused refused =
          assertInstanceOf(
              Transition.Refused.class,
              Fixtures.delivered()
                  .report(report(CarrierEventType.DELIVERY_FAILED, DELIVERED_AT.plus(MICRO))));

      assertEquals(ShipmentStatus.DELIVERED, refused.current());
      assertEquals("DELIVERY_FAILED", refused.attempted());
    }

    @Test
    void exportClearedIsImpossibleWhenTheShipmentWasNeverHeld() {
      assertInstanceOf(
          Transition.Refused.class,
          Fixtures.delivered().report(report(CarrierEventType.EXPORT_CLEARED, CLEARED_AT)));
    }
  }

  @Nested
  class FromCancelled {

    @ParameterizedTest
    @EnumSource(CarrierEventType.class)
    void nothingAppliesToACancelledShipment(CarrierEventType type) {
      Transition.Refused refused =
          assertInstanceOf(
              Transition.Refused.class, Fixtures.cancelled().report(report(type, DELIVERED_AT)));

      assertEquals(ShipmentStatus.CANCELLED, refused.current());
      assertEquals(type.name(), refused.attempted());
    }

    @Test
    void evenExportClearanceOfAHeldShipmentIsRefusedOnceCancelled() {
      Shipment cancelledOnHold = changed(Fixtures.onExportHold().cancel(CLEARED_AT));

      assertInstanceOf(
          Transition.Refused.class,
          cancelledOnHold.report(report(CarrierEventType.EXPORT_CLEARED, CLEARED_AT)));
    }
  }

  @ParameterizedTest
  @EnumSource(ShipmentStatus.class)
  void aRefusalOrARepeatLeavesTheShipmentAsItWas(ShipmentStatus status) {
    Shipment before = Fixtures.inStatus(status);
    for (CarrierEventType type : CarrierEventType.values()) {
      Transition result = before.report(report(type, DELIVERED_AT.plusSeconds(3600)));
      if (!(result instanceof Transition.Changed)) {
        Shipment after =
            result instanceof Transition.Unchanged u
                ? u.shipment()
                : ((Transition.Refused) result).shipment();
        assertSame(before, after, status + " + " + type);
      }
    }
    assertTrue(before.history().size() >= 1);
  }
}
