package com.acme.rma.dispatch.adapters.kafka;

import static com.acme.rma.dispatch.TestData.golden;
import static com.acme.rma.dispatch.TestData.newRmaNumber;
import static com.acme.rma.dispatch.adapters.kafka.BrokerFixture.PATIENCE;
import static com.acme.rma.dispatch.adapters.kafka.BrokerFixture.awaitStatus;
import static com.acme.rma.dispatch.adapters.kafka.BrokerFixture.ceId;
import static com.acme.rma.dispatch.adapters.kafka.BrokerFixture.read;
import static com.acme.rma.dispatch.adapters.kafka.BrokerFixture.reason;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.rma.dispatch.TestData;
import com.acme.rma.testsupport.KafkaTestClient;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Carrier progress from {@code logistics.carrier-events} through the real broker and database:
 * duplicates, out-of-order reports and poison records leave one correct shipment, the poison in
 * {@code rma-dispatch.dlq} with its reason, and a consumer that goes on.
 */
@QuarkusTest
class CarrierEventsThroughBrokerTest {

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrap;

  @Inject EntityManager em;

  private static String carrierEvent(String rma, String type, String occurredAt) {
    ObjectNode event = golden("logistics.carrier.status.v1");
    event.put("rmaNumber", rma);
    event.put("type", type);
    event.put("occurredAt", occurredAt);
    return event.toString();
  }

  private static String id() {
    return UUID.randomUUID().toString();
  }

  @Test
  void duplicatesOutOfOrderReportsAndPoisonLeaveOneCorrectShipmentAndDeadLetters() {
    BrokerFixture broker = new BrokerFixture(bootstrap);
    String rma = newRmaNumber();
    String other = newRmaNumber();
    for (String r : List.of(rma, other)) {
      ObjectNode authorized = golden("rma.authorized.v1");
      authorized.put("rmaNumber", r);
      broker.sendLifecycle(r, "rma.authorized.v1", authorized.toString());
    }
    awaitStatus(rma, "CREATED");
    awaitStatus(other, "CREATED");

    // all keyed by the RMA number: one partition, processed in this order
    String delivered = carrierEvent(rma, "DELIVERED", "2026-05-01T06:00:00Z");
    String deliveredId = broker.sendCarrier(rma, id(), delivered); // before any SHIPPED
    broker.sendCarrier(rma, deliveredId, delivered); // the same event again
    broker.sendCarrier(rma, id(), carrierEvent(rma, "SHIPPED", "2026-05-01T03:00:00Z")); // late
    broker.sendCarrier(rma, id(), delivered); // a repeat with a new id
    String impossible =
        broker.sendCarrier(rma, id(), carrierEvent(rma, "DELIVERY_FAILED", "2026-05-01T07:00:00Z"));
    String unknownType =
        broker.sendCarrier(rma, id(), carrierEvent(rma, "LOST", "2026-05-01T07:00:00Z"));
    String notJson = broker.sendCarrier(rma, id(), "{\"rmaNumber\": \"" + rma + "\", oops");
    String wrongCeType =
        broker.send(
            BrokerFixture.CARRIER_EVENTS,
            rma,
            id(),
            "logistics.carrier.teleported.v1",
            "/logistics-test",
            delivered);
    String ghost = newRmaNumber();
    String unknownRma =
        broker.sendCarrier(ghost, id(), carrierEvent(ghost, "SHIPPED", "2026-05-01T03:00:00Z"));
    String noHeaders = "no-headers-" + rma;
    broker.kafka.send(BrokerFixture.CARRIER_EVENTS, rma, noHeaders, Map.of());
    // the consumer goes on after all that poison
    broker.sendCarrier(other, id(), carrierEvent(other, "SHIPPED", "2026-05-01T03:00:00Z"));

    awaitStatus(other, "SHIPPED");
    List<String> poisonIds = List.of(impossible, unknownType, notJson, wrongCeType, unknownRma);
    Predicate<ConsumerRecord<String, String>> ours =
        r -> (ceId(r) != null && poisonIds.contains(ceId(r))) || noHeaders.equals(r.value());
    List<ConsumerRecord<String, String>> dead = broker.awaitDeadLetters(ours, 6);
    assertReason(dead, impossible, "INVALID_TRANSITION");
    assertReason(dead, unknownType, "type");
    assertReason(dead, notJson, "not a valid CarrierStatus");
    assertReason(dead, wrongCeType, "unknown event type");
    assertReason(dead, unknownRma, "no shipment for RMA " + ghost);
    ConsumerRecord<String, String> headerless =
        dead.stream().filter(r -> noHeaders.equals(r.value())).findFirst().orElseThrow();
    assertTrue(reason(headerless).contains("ce_id"), reason(headerless));
    assertEquals(6, dead.stream().filter(ours).count(), "each poison record once");

    read(rma)
        .statusCode(200)
        .body("status", equalTo("DELIVERED"))
        .body("shippedAt", equalTo("2026-05-01T06:00:00Z"))
        .body("deliveredAt", equalTo("2026-05-01T06:00:00Z"))
        .body("carrier", equalTo("Yamato Transport"))
        .body("trackingNumber", equalTo("4901-2345-6789"))
        .body("history.status", contains("CREATED", "SHIPPED", "DELIVERED"));
    List<String> announced =
        List.of(
            "dispatch.shipment.created.v1",
            "dispatch.shipment.shipped.v1",
            "dispatch.shipment.delivered.v1");
    assertEquals(
        announced, TestData.outbox(em, rma).stream().map(TestData.OutboxRow::type).toList());
    List<ConsumerRecord<String, String>> published =
        broker.kafka.readUntil(
            "dispatch.shipments",
            seen ->
                seen.stream()
                    .anyMatch(
                        r ->
                            rma.equals(r.key())
                                && "dispatch.shipment.delivered.v1"
                                    .equals(KafkaTestClient.header(r, "ce_type"))),
            PATIENCE);
    assertEquals(
        announced,
        published.stream()
            .filter(r -> rma.equals(r.key()))
            .map(r -> KafkaTestClient.header(r, "ce_type"))
            .toList());
  }

  private static void assertReason(
      List<ConsumerRecord<String, String>> dead, String ceId, String expected) {
    ConsumerRecord<String, String> record =
        dead.stream().filter(r -> ceId.equals(ceId(r))).findFirst().orElseThrow();
    String reason = reason(record);
    assertTrue(reason != null && reason.contains(expected), ceId + ": " + reason);
  }
}
