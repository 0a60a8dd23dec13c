package com.acme.rma.dispatch.domain;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.time.Instant;
import java.util.Set;

/** Shipments in every status, reached through the public state machine from fixed instants. */
final class Fixtures {

  static final Instant AUTHORIZED = Instant.parse("2026-05-01T01:00:00Z");
  static final Instant CREATED_AT = Instant.parse("2026-05-01T01:00:05Z");
  static final Instant CLEARED_AT = Instant.parse("2026-05-01T02:00:00Z");
  static final Instant SHIPPED_AT = Instant.parse("2026-05-01T03:00:00Z");
  static final Instant FAILED_AT = Instant.parse("2026-05-01T05:00:00Z");
  static final Instant DELIVERED_AT = Instant.parse("2026-05-01T06:00:00Z");

  static final DispatchPolicy POLICY =
      new DispatchPolicy("DEPOT-JP-CENTRAL", "JP", Set.of("CN", "RU", "IN", "BR"));

  static final Address TOKYO =
      new Address(
          "1-1 Marunouchi", "Floor 12", "Chiyoda-ku", "Tokyo", "100-0005", "JP", 35.6812, 139.7671);
  static final Address SHANGHAI =
      new Address("100 Century Ave", null, "Shanghai", null, "200120", "CN", 31.2397, 121.4998);

  private Fixtures() {}

  static ShipmentOrder order(ServiceLevel level, Address shipTo, String serviceCenterId) {
    return new ShipmentOrder(
        "RMA-2026-000042", "P-1001", "NSX-GP-0001", level, shipTo, serviceCenterId, AUTHORIZED);
  }

  static Shipment created() {
    return Shipment.create(order(ServiceLevel.GOLD, TOKYO, null), POLICY, CREATED_AT).shipment();
  }

  static Shipment onExportHold() {
    return Shipment.create(order(ServiceLevel.SILVER, SHANGHAI, null), POLICY, CREATED_AT)
        .shipment();
  }

  static Shipment clearedFromExportHold() {
    return changed(onExportHold().report(report(CarrierEventType.EXPORT_CLEARED, CLEARED_AT)));
  }

  static Shipment shipped() {
    return changed(
        created()
            .report(
                new CarrierReport(
                    CarrierEventType.SHIPPED, SHIPPED_AT, "Yamato Transport", "4901-2345-6789")));
  }

  static Shipment deliveryFailed() {
    return changed(shipped().report(report(CarrierEventType.DELIVERY_FAILED, FAILED_AT)));
  }

  static Shipment delivered() {
    return changed(shipped().report(report(CarrierEventType.DELIVERED, DELIVERED_AT)));
  }

  static Shipment cancelled() {
    return changed(created().cancel(CLEARED_AT));
  }

  static CarrierReport report(CarrierEventType type, Instant at) {
    return CarrierReport.of(type, at);
  }

  static Shipment changed(Transition transition) {
    return assertInstanceOf(Transition.Changed.class, transition).shipment();
  }

  static Shipment inStatus(ShipmentStatus status) {
    return switch (status) {
      case CREATED -> created();
      case EXPORT_HOLD -> onExportHold();
      case SHIPPED -> shipped();
      case DELIVERED -> delivered();
      case DELIVERY_FAILED -> deliveryFailed();
      case CANCELLED -> cancelled();
    };
  }
}
