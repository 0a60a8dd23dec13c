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

  /** A structured-mode CloudEvent: attributes and data in one JSON object. */
  private static String structured(String id, String data) {
    ObjectNode event = TestData.JSON.createObjectNode();
    event.put("specversion", "1.0");
    if (id != null) {
      event.put("id", id);
    }
    event.put("source", "/logistics-structured");
    event.put("type", "logistics.carrier.status.v1");
    event.put("time", "2026-05-01T12:00:00+09:00");
    event.put("datacontenttype", "application/json");
    try {
      event.set("data", TestData.JSON.readTree(data));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return event.toString();
  }

  private static final Map<String, String> STRUCTURED =
      Map.of("content-type", "application/cloudevents+json; charset=UTF-8");

  @Test
  void aStructuredModeCloudEventMovesAShipmentLikeABinaryOneAndOneWithoutIdIsDeadLettered() {
    BrokerFixture broker = new BrokerFixture(bootstrap);
    String rma = newRmaNumber();
    ObjectNode authorized = golden("rma.authorized.v1");
    authorized.put("rmaNumber", rma);
    broker.sendLifecycle(rma, "rma.authorized.v1", authorized.toString());
    awaitStatus(rma, "CREATED");

    String shippedId = id();
    String shipped = structured(shippedId, carrierEvent(rma, "SHIPPED", "2026-05-01T03:00:00Z"));
    broker.kafka.send(BrokerFixture.CARRIER_EVENTS, rma, shipped, STRUCTURED);
    awaitStatus(rma, "SHIPPED");

    // the same source + id again, even in binary mode with other data: already processed
    broker.kafka.send(
        BrokerFixture.CARRIER_EVENTS,
        rma,
        carrierEvent(rma, "DELIVERED", "2026-05-01T05:00:00Z"),
        Map.of(
            "ce_specversion", "1.0",
            "ce_id", shippedId,
            "ce_source", "/logistics-structured",
            "ce_type", "logistics.carrier.status.v1",
            "content-type", "application/json"));
    // poison in structured mode: no id, then not JSON at all
    String noId = structured(null, carrierEvent(rma, "DELIVERED", "2026-05-01T05:30:00Z"));
    broker.kafka.send(BrokerFixture.CARRIER_EVENTS, rma, noId, STRUCTURED);
    String notJson = "structured but not JSON " + rma;
    broker.kafka.send(BrokerFixture.CARRIER_EVENTS, rma, notJson, STRUCTURED);
    // and in binary mode, a time that is no instant
    String badTime = carrierEvent(rma, "DELIVERED", "2026-05-01T05:45:00Z");
    broker.kafka.send(
        BrokerFixture.CARRIER_EVENTS,
        rma,
        badTime,
        Map.of(
            "ce_specversion", "1.0",
            "ce_id", id(),
            "ce_source", "/logistics-test",
            "ce_type", "logistics.carrier.status.v1",
            "ce_time", "yesterday",
            "content-type", "application/json"));
    // and the consumer goes on
    String delivered = structured(id(), carrierEvent(rma, "DELIVERED", "2026-05-01T06:00:00Z"));
    broker.kafka.send(BrokerFixture.CARRIER_EVENTS, rma, delivered, STRUCTURED);

    awaitStatus(rma, "DELIVERED");
    read(rma)
        .statusCode(200)
        .body("shippedAt", equalTo("2026-05-01T03:00:00Z"))
        .body("deliveredAt", equalTo("2026-05-01T06:00:00Z"))
        .body("history.status", contains("CREATED", "SHIPPED", "DELIVERED"));
    Predicate<ConsumerRecord<String, String>> ours =
        r -> noId.equals(r.value()) || notJson.equals(r.value()) || badTime.equals(r.value());
    List<ConsumerRecord<String, String>> dead = broker.awaitDeadLetters(ours, 3);
    assertEquals(3, dead.stream().filter(ours).count(), "each poison record once");
    ConsumerRecord<String, String> withoutId =
        dead.stream().filter(r -> noId.equals(r.value())).findFirst().orElseThrow();
    assertTrue(reason(withoutId).contains("attribute id"), reason(withoutId));
    assertEquals(
        List.of(
            "dispatch.shipment.created.v1",
            "dispatch.shipment.shipped.v1",
            "dispatch.shipment.delivered.v1"),
        TestData.outbox(em, rma).stream().map(TestData.OutboxRow::type).toList());
  }

  private static void assertReason(
      List<ConsumerRecord<String, String>> dead, String ceId, String expected) {
    ConsumerRecord<String, String> record =
        dead.stream().filter(r -> ceId.equals(ceId(r))).findFirst().orElseThrow();
    String reason = reason(record);
    assertTrue(reason != null && reason.contains(expected), ceId + ": " + reason);
  }
}
