package com.acme.rma.dispatch.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.rma.dispatch.domain.Address;
import com.acme.rma.dispatch.domain.CarrierEventType;
import com.acme.rma.dispatch.domain.CarrierReport;
import com.acme.rma.dispatch.domain.DispatchPolicy;
import com.acme.rma.dispatch.domain.ServiceLevel;
import com.acme.rma.dispatch.domain.ShipmentEvent;
import com.acme.rma.dispatch.domain.ShipmentOrder;
import com.acme.rma.dispatch.domain.ShipmentStatus;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ShipmentUseCasesTest {

  private static final Instant NOW = Instant.parse("2026-05-01T01:00:05.123456789Z");
  private static final Address TOKYO =
      new Address("1-1 Marunouchi", null, "Chiyoda-ku", null, "100-0005", "JP", null, null);

  private final InMemoryShipments store = new InMemoryShipments();
  private final CreateShipment create =
      new CreateShipment(
          store,
          store,
          new DispatchPolicy("DEPOT-JP-CENTRAL", "JP", Set.of("CN")),
          Clock.fixed(NOW, ZoneOffset.UTC));
  private final RecordCarrierEvent record = new RecordCarrierEvent(store, store);
  private final CancelShipment cancel = new CancelShipment(store, store);

  private static ShipmentOrder order(String rma) {
    return new ShipmentOrder(
        rma, "P-1", "SN-1", ServiceLevel.GOLD, TOKYO, null, Instant.parse("2026-05-01T01:00:00Z"));
  }

  @Test
  void aReplayedAuthorizationKeepsTheExistingShipmentAndItsLaterState() {
    create.create(order("RMA-1"));
    record.record("RMA-1", CarrierReport.of(CarrierEventType.SHIPPED, NOW.plusSeconds(60)));
    int eventsBefore = store.published.size();

    CreateShipment.Result replay = create.create(order("RMA-1"));

    assertFalse(replay.created());
    assertEquals(ShipmentStatus.SHIPPED, replay.shipment().status());
    assertEquals(ShipmentStatus.SHIPPED, store.stored.get("RMA-1").status());
    assertEquals(eventsBefore, store.published.size());
  }

  @Test
  void theCreationTimeIsTheClocksTruncatedToMicroseconds() {
    CreateShipment.Result result = create.create(order("RMA-2"));

    assertTrue(result.created());
    assertEquals(Instant.parse("2026-05-01T01:00:05.123456Z"), result.shipment().createdAt());
  }

  @Test
  void aRepeatedReportPublishesNothing() {
    create.create(order("RMA-3"));
    record.record("RMA-3", CarrierReport.of(CarrierEventType.SHIPPED, NOW.plusSeconds(60)));
    int eventsBefore = store.published.size();

    CarrierEventOutcome outcome =
        record.record("RMA-3", CarrierReport.of(CarrierEventType.SHIPPED, NOW.plusSeconds(90)));

    assertInstanceOf(CarrierEventOutcome.Repeated.class, outcome);
    assertEquals(eventsBefore, store.published.size());
  }

  @Test
  void anOutOfOrderDeliveryPublishesTheImpliedShipmentFirst() {
    create.create(order("RMA-4"));

    record.record("RMA-4", CarrierReport.of(CarrierEventType.DELIVERED, NOW.plusSeconds(60)));

    assertEquals(
        List.of(ShipmentStatus.CREATED, ShipmentStatus.SHIPPED, ShipmentStatus.DELIVERED),
        store.published.stream().map(ShipmentEvent::status).toList());
  }

  @Test
  void aReportForAnUnknownRmaIsNamedAsSuch() {
    CarrierEventOutcome outcome =
        record.record("RMA-NONE", CarrierReport.of(CarrierEventType.SHIPPED, NOW));

    assertEquals(new CarrierEventOutcome.UnknownShipment("RMA-NONE"), outcome);
  }

  @Test
  void reportTimesAreAcceptedFromTheYear2000ToTheEndOf2099() {
    create.create(order("RMA-5"));

    assertInstanceOf(
        CarrierEventOutcome.Invalid.class,
        record.record(
            "RMA-5",
            CarrierReport.of(
                CarrierEventType.DELIVERY_FAILED, Instant.parse("1999-12-31T23:59:59.999999Z"))));
    assertInstanceOf(
        CarrierEventOutcome.Invalid.class,
        record.record(
            "RMA-5",
            CarrierReport.of(CarrierEventType.DELIVERED, Instant.parse("2100-01-01T00:00:00Z"))));
    assertInstanceOf(
        CarrierEventOutcome.Applied.class,
        record.record(
            "RMA-5",
            CarrierReport.of(
                CarrierEventType.DELIVERY_FAILED, Instant.parse("2000-01-01T00:00:00Z"))));
    assertInstanceOf(
        CarrierEventOutcome.Applied.class,
        record.record(
            "RMA-5",
            CarrierReport.of(
                CarrierEventType.DELIVERED, Instant.parse("2099-12-31T23:59:59.999999Z"))));
  }

  @Test
  void reportTimesAreStoredToTheMicrosecond() {
    create.create(order("RMA-6"));

    record.record(
        "RMA-6",
        CarrierReport.of(CarrierEventType.SHIPPED, Instant.parse("2026-05-01T03:00:00.1234567Z")));

    assertEquals(
        Instant.parse("2026-05-01T03:00:00.123456Z"), store.stored.get("RMA-6").shippedAt());
  }

  @Test
  void aCancellationMovesAShipmentThatHasNotLeftAndLeavesOneThatHas() {
    create.create(order("RMA-7"));
    create.create(order("RMA-8"));
    record.record("RMA-8", CarrierReport.of(CarrierEventType.SHIPPED, NOW.plusSeconds(60)));

    assertEquals(CancelShipment.Outcome.CANCELLED, cancel.cancel("RMA-7", NOW.plusSeconds(90)));
    assertEquals(
        CancelShipment.Outcome.ALREADY_CANCELLED, cancel.cancel("RMA-7", NOW.plusSeconds(95)));
    assertEquals(
        CancelShipment.Outcome.ALREADY_SHIPPED, cancel.cancel("RMA-8", NOW.plusSeconds(90)));
    assertEquals(CancelShipment.Outcome.NO_SHIPMENT, cancel.cancel("RMA-9", NOW));
    assertEquals(ShipmentStatus.CANCELLED, store.stored.get("RMA-7").status());
    assertEquals(ShipmentStatus.SHIPPED, store.stored.get("RMA-8").status());
    assertEquals(
        List.of(
            new ShipmentEvent.CancelRefused(
                "RMA-8",
                store.stored.get("RMA-8").serviceLevel(),
                ShipmentStatus.SHIPPED,
                NOW.plusSeconds(90).truncatedTo(ChronoUnit.MICROS),
                "ALREADY_SHIPPED")),
        store.published.stream().filter(ShipmentEvent.CancelRefused.class::isInstance).toList());
  }
}
