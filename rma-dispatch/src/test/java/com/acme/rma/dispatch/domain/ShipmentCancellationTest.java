package com.acme.rma.dispatch.domain;

import static com.acme.rma.dispatch.domain.Fixtures.CLEARED_AT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ShipmentCancellationTest {

  @ParameterizedTest
  @EnumSource(
      value = ShipmentStatus.class,
      names = {"CREATED", "EXPORT_HOLD"})
  void aShipmentThatHasNotLeftIsCancelledAtTheCancellationTime(ShipmentStatus status) {
    Shipment before = Fixtures.inStatus(status);

    Transition.Changed result =
        assertInstanceOf(Transition.Changed.class, before.cancel(CLEARED_AT));

    assertEquals(ShipmentStatus.CANCELLED, result.shipment().status());
    assertEquals(
        new HistoryEntry(ShipmentStatus.CANCELLED, CLEARED_AT),
        result.shipment().history().get(result.shipment().history().size() - 1));
    assertEquals(
        List.of(new ShipmentEvent.Cancelled(before.rmaNumber(), before.serviceLevel(), CLEARED_AT)),
        result.events());
  }

  @ParameterizedTest
  @EnumSource(
      value = ShipmentStatus.class,
      names = {"SHIPPED", "DELIVERY_FAILED", "DELIVERED"})
  void aShipmentThatHasLeftCannotBeCancelled(ShipmentStatus status) {
    Shipment before = Fixtures.inStatus(status);

    Transition.Refused refused =
        assertInstanceOf(Transition.Refused.class, before.cancel(CLEARED_AT));

    assertEquals(status, refused.current());
    assertSame(before, refused.shipment());
  }

  @ParameterizedTest
  @EnumSource(
      value = ShipmentStatus.class,
      names = {"SHIPPED", "DELIVERY_FAILED", "DELIVERED"})
  void aRefusedCancellationIsAnnouncedWithTheStatusTheShipmentGoesOnIn(ShipmentStatus status) {
    Shipment before = Fixtures.inStatus(status);

    Transition.Refused refused =
        assertInstanceOf(Transition.Refused.class, before.cancel(CLEARED_AT));

    assertEquals(
        List.of(
            new ShipmentEvent.CancelRefused(
                before.rmaNumber(), before.serviceLevel(), status, CLEARED_AT, "ALREADY_SHIPPED")),
        refused.events());
  }

  @Test
  void aCancellationBeforeTheShipmentLeftAnnouncesNoRefusal() {
    Transition.Changed changed =
        assertInstanceOf(
            Transition.Changed.class, Fixtures.inStatus(ShipmentStatus.CREATED).cancel(CLEARED_AT));

    assertEquals(
        List.of(),
        changed.events().stream().filter(ShipmentEvent.CancelRefused.class::isInstance).toList());
  }

  @Test
  void cancellingTwiceIsARepeat() {
    Shipment cancelled = Fixtures.cancelled();

    assertSame(
        cancelled,
        assertInstanceOf(Transition.Unchanged.class, cancelled.cancel(CLEARED_AT.plusSeconds(5)))
            .shipment());
  }
}
