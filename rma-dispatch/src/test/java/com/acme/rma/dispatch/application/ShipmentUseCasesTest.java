package com.acme.rma.dispatch.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.rma.dispatch.domain.Address;
import com.acme.rma.dispatch.domain.CarrierClock;
import com.acme.rma.dispatch.domain.CarrierEventType;
import com.acme.rma.dispatch.domain.CarrierReport;
import com.acme.rma.dispatch.domain.DispatchPolicy;
import com.acme.rma.dispatch.domain.HistoryEntry;
import com.acme.rma.dispatch.domain.ServiceLevel;
import com.acme.rma.dispatch.domain.ShipmentEvent;
import com.acme.rma.dispatch.domain.ShipmentOrder;
import com.acme.rma.dispatch.domain.ShipmentStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
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

  /** Reports received long after they happened: only the year bounds and the order matter. */
  private final RecordCarrierEvent record =
      new RecordCarrierEvent(
          store,
          store,
          new CarrierClock(Duration.ofMinutes(5)),
          Clock.fixed(Instant.parse("2100-01-01T00:00:00Z"), ZoneOffset.UTC));

  /** Reports received at NOW (a fixed clock), checked against it. */
  private final RecordCarrierEvent recordNow =
      new RecordCarrierEvent(
          store, store, new CarrierClock(Duration.ofMinutes(5)), Clock.fixed(NOW, ZoneOffset.UTC));

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

  /** A shipment recorded before dispatch kept the authorization time. */
  private static ShipmentOrder orderWithoutAuthorizationTime(String rma) {
    return new ShipmentOrder(rma, "P-1", "SN-1", ServiceLevel.GOLD, TOKYO, null, null);
  }

  @Test
  void aReportDatedBeyondTheSkewAheadOfNowIsImplausibleAndChangesNothing() {
    create.create(order("RMA-F"));
    CarrierEventOutcome future =
        recordNow.record(
            "RMA-F",
            CarrierReport.of(
                CarrierEventType.DELIVERED, NOW.plus(Duration.ofMinutes(5)).plusSeconds(1)));
    assertEquals(
        CarrierClock.IN_FUTURE,
        assertInstanceOf(CarrierEventOutcome.Implausible.class, future).code());
    assertEquals(ShipmentStatus.CREATED, store.stored.get("RMA-F").status());
    assertInstanceOf(
        CarrierEventOutcome.Applied.class,
        recordNow.record(
            "RMA-F",
            CarrierReport.of(CarrierEventType.DELIVERED, NOW.plus(Duration.ofMinutes(5)))));
  }

  @Test
  void aReportDatedBeforeTheAuthorizationIsImplausible() {
    create.create(order("RMA-B")); // authorized 2026-05-01T01:00:00Z
    CarrierEventOutcome early =
        recordNow.record(
            "RMA-B",
            CarrierReport.of(CarrierEventType.SHIPPED, Instant.parse("2026-05-01T00:59:59Z")));
    assertEquals(
        CarrierClock.BEFORE_AUTHORIZATION,
        assertInstanceOf(CarrierEventOutcome.Implausible.class, early).code());
    assertInstanceOf(
        CarrierEventOutcome.Applied.class,
        recordNow.record(
            "RMA-B",
            CarrierReport.of(CarrierEventType.SHIPPED, Instant.parse("2026-05-01T01:00:00Z"))));
  }

  @Test
  void eachReportedStatusKeepsWhenItWasReceived() {
    create.create(order("RMA-R"));
    recordNow.record(
        "RMA-R",
        CarrierReport.of(CarrierEventType.DELIVERED, Instant.parse("2026-05-01T01:00:02Z")));
    List<HistoryEntry> history = store.stored.get("RMA-R").history();
    assertEquals(null, history.get(0).receivedAt()); // created by dispatch itself
    assertEquals(NOW.truncatedTo(ChronoUnit.MICROS), history.get(1).receivedAt()); // SHIPPED
    assertEquals(NOW.truncatedTo(ChronoUnit.MICROS), history.get(2).receivedAt()); // DELIVERED
    assertEquals(Instant.parse("2026-05-01T01:00:02Z"), history.get(2).at());
  }

  @Test
  void aCarrierReportsOnlyForShipmentsThatAreUnassignedOrItsOwn() {
    create.create(order("RMA-C"));
    Optional<String> yamato = Optional.of("Yamato");
    assertInstanceOf(
        CarrierEventOutcome.Applied.class,
        recordNow.record(
            "RMA-C",
            new CarrierReport(CarrierEventType.SHIPPED, NOW, "Yamato", null),
            yamato)); // unassigned: it takes the shipment
    CarrierEventOutcome other =
        recordNow.record(
            "RMA-C",
            new CarrierReport(CarrierEventType.DELIVERED, NOW, "Sagawa", null),
            Optional.of("Sagawa"));
    assertInstanceOf(CarrierEventOutcome.UnknownShipment.class, other); // as if it did not exist
    assertInstanceOf(
        CarrierEventOutcome.Applied.class,
        recordNow.record(
            "RMA-C", new CarrierReport(CarrierEventType.DELIVERED, NOW, "Yamato", null), yamato));
  }

  @Test
  void reportTimesAreAcceptedFromTheYear2000ToTheEndOf2099() {
    create.create(orderWithoutAuthorizationTime("RMA-5"));

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
